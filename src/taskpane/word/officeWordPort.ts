/// <reference types="office-js" />
import { failure, ok } from '../../core/result';
import { wordSupport } from '../../word/wordSupport';
import { insertSections, readSectionControls } from '../../word/wordWriter';
import type { WordDocumentPort } from './port';

// The Word pane's port in Word: the one pane file that calls Word.run. The work is the
// Word adapter's (src/word): the requirement-set check, reading Budgetkoll's content
// controls, and the plan-driven write. Loaded with the Word view, never in a browser.

function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code !== '' ? ` (felkod ${code})` : '';
}

export function createOfficeWordPort(): WordDocumentPort {
  return {
    support: () => wordSupport(),
    async readControls() {
      const support = wordSupport();
      if (!support.ok) return support;
      try {
        const controls = await Word.run(async (context) => {
          const state = await readSectionControls(context);
          // Plain data: the proxies are only valid inside this run.
          return state.controls.map(({ tag, title, text }) => ({ tag, title, text }));
        });
        return ok(controls);
      } catch (error) {
        return failure(`Budgetkoll kunde inte läsa dokumentets avsnitt${codeOf(error)}. Försök igen.`);
      }
    },
    write: (sections, options) => insertSections(sections, options),
  };
}
