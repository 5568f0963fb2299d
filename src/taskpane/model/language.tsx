import { createContext, useContext, type ReactNode } from 'react';
import type { Language } from '../../core/messages';
import { PANE_TEXT, type PaneText } from './paneText';

/** The language of the shared components' words: Swedish unless a pane says otherwise (the Excel pane, from Office's display language). */
export const PaneLanguageContext = createContext<Language>('sv');

export function PaneLanguageProvider({ value, children }: { value: Language; children?: ReactNode }) {
  return <PaneLanguageContext.Provider value={value}>{children}</PaneLanguageContext.Provider>;
}

export function usePaneLanguage(): Language {
  return useContext(PaneLanguageContext);
}

/** The shared components' words in the pane's language. */
export function usePaneText(): PaneText {
  return PANE_TEXT[usePaneLanguage()];
}
