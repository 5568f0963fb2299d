/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { NoteBar } from '../../src/taskpane/components/NoteBar';
import { renderInFluent } from './helpers';

// Every aria-labelledby names an element of the page (WCAG 4.1.2; axe-core's aria-valid-attr-value).

const dangling = (element: HTMLElement) =>
  (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter((id) => id && !document.getElementById(id));

describe('NoteBar', () => {
  it('a message without a title names no missing element, where Fluent’s own MessageBar does', () => {
    renderInFluent(
      <>
        <MessageBar intent="warning"><MessageBarBody>Fluent</MessageBarBody></MessageBar>
        <NoteBar intent="warning" role="alert">Arbetsboken är skrivskyddad.</NoteBar>
      </>,
    );
    const [fluent] = screen.getAllByRole('group');
    expect(dangling(fluent)).toHaveLength(1);
    const note = screen.getByRole('alert');
    expect(note.textContent).toBe('Arbetsboken är skrivskyddad.');
    expect(note.hasAttribute('aria-labelledby')).toBe(false);
  });
});
