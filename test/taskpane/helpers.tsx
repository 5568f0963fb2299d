import { readFileSync } from 'fs';
import * as path from 'path';
import { TextDecoder as NodeTextDecoder } from 'util';
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { TableReport } from '../../src/core/report';

// jsdom has no TextDecoder; reading a seed workbook (in Node, beside the pane) needs one.
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= NodeTextDecoder;

// jsdom has no ResizeObserver; Fluent's MessageBar (and the chart) observe their size.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** The golden report of seed 001 (Lund, antagen): C10 and E34 wrong, C12 a consequence, equity above the guideline. */
export function seedReports(): TableReport[] {
  return JSON.parse(readFileSync(path.join(__dirname, '../golden/seed-001-lund-antagen.json'), 'utf8')) as TableReport[];
}

export function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

/** Text as read: no-break spaces as spaces. */
export const plain = (text: string | null | undefined): string => (text ?? '').replace(/\u00a0/g, ' ');
