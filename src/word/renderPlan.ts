import { SECTION_ORDER, type Block, type DocSection } from '../core/sections/types';

// What the Word writer does with each section, decided without Office: the writer
// (wordWriter.ts) only reads the controls and carries the plan out.
//
// Each section lives in a content control tagged `budgetkoll:<key>`. Its title records
// a fingerprint of the text Budgetkoll wrote (`Budgetkoll · budget · 1a2b3c4d`), so that
// the next run can tell the two kinds of change apart:
//   - the numbers changed since insertion: the new section's fingerprint differs from the title's;
//   - the user edited the section by hand: the control's current text differs from the title's.

export type SectionKey = DocSection['key'];

/** Every key in the plan's order: the six standard sections and the optional one on the changes since the previous proposal. */
export const SECTION_KEYS = SECTION_ORDER satisfies readonly SectionKey[];
// Every key is listed: this fails to compile when types.ts gains a key that is missing here.
const ALL_KEYS_LISTED: Exclude<SectionKey, (typeof SECTION_KEYS)[number]> extends never ? true : false = true;
void ALL_KEYS_LISTED;

export const TAG_PREFIX = 'budgetkoll:';
/** A control that is being written: it becomes `budgetkoll:<key>` only once it is complete. */
export const PENDING_TAG_PREFIX = 'budgetkoll-pending:';

export function sectionTag(key: SectionKey): string {
  return `${TAG_PREFIX}${key}`;
}

export function pendingTag(key: SectionKey): string {
  return `${PENDING_TAG_PREFIX}${key}`;
}

export function keyOfTag(tag: string): SectionKey | null {
  if (!tag.startsWith(TAG_PREFIX)) return null;
  const key = tag.slice(TAG_PREFIX.length);
  return (SECTION_KEYS as readonly string[]).includes(key) ? (key as SectionKey) : null;
}

/** A content control as read from the document. */
export interface ExistingControl {
  tag: string;
  title: string;
  text: string;
}

/** The section's text as Budgetkoll writes it: one line per heading, paragraph, list item and table row. */
export function sectionText(section: DocSection): string {
  return section.blocks.map(blockText).join('\n');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.join('\n');
    case 'table':
      return [block.header, ...block.rows].map((row) => row.join('\t')).join('\n');
  }
}

/**
 * A short, stable hash of a text's characters, blind to whitespace and control characters:
 * Word reports a control's text with its own paragraph, cell and row separators (and no
 * list numbers), so only the visible characters are compared.
 */
export function fingerprint(text: string): string {
  // \p{Cc}: Word's cell and row marks, vertical tabs; \p{Cf}: zero-width and optional hyphens.
  const chars = text.normalize('NFC').replace(/[\s\p{Cc}\p{Cf}]/gu, '');
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < chars.length; i++) {
    hash ^= chars.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function sectionFingerprint(section: DocSection): string {
  return fingerprint(sectionText(section));
}

const TITLE_SEPARATOR = ' · ';

/** The title of a complete control: `Budgetkoll · <key> · <fingerprint of what was written>`. */
export function controlTitle(key: SectionKey, print: string): string {
  return ['Budgetkoll', key, print].join(TITLE_SEPARATOR);
}

/** The title of a control while it is being written. */
export function pendingTitle(key: SectionKey): string {
  return ['Budgetkoll', key, 'skrivs'].join(TITLE_SEPARATOR);
}

export function parseTitle(title: string): { key: SectionKey; fingerprint: string } | null {
  const m = /^Budgetkoll · ([a-z-]+) · ([0-9a-f]{8})$/.exec(title.trim());
  if (!m) return null;
  const key = keyOfTag(`${TAG_PREFIX}${m[1]}`);
  return key ? { key, fingerprint: m[2] } : null;
}

export type PlanAction =
  /** No control with the tag: never inserted, or deleted by the user. */
  | 'insert'
  /** The numbers changed since insertion and the user has not edited the control. */
  | 'update'
  | 'unchanged'
  /** The control's text is not what Budgetkoll wrote: overwritten only when the user confirms. */
  | 'edited-by-user';

export interface PlanEntry {
  key: SectionKey;
  action: PlanAction;
  /** Whether the writer writes this section: inserts and updates, edited ones only when confirmed. */
  write: boolean;
  /** The fingerprint of the section as it would be written now. */
  fingerprint: string;
  /** Index of the section's control in the controls given; -1 when there is none. */
  existing: number;
}

export interface PlanOptions {
  /** Overwrite sections the user edited by hand: all of them, or the keys the user confirmed. */
  overwriteEdited?: boolean | readonly SectionKey[];
}

/** Per section, in the sections' order: insert, update, leave, or ask first. */
export function renderPlan(sections: readonly DocSection[], controls: readonly ExistingControl[], options: PlanOptions = {}): PlanEntry[] {
  return sections.map((section) => {
    const print = sectionFingerprint(section);
    // A copied control has the same tag: the first in the document is the section's.
    const existing = controls.findIndex((c) => c.tag === sectionTag(section.key));
    const action = existing < 0 ? 'insert' : classify(section.key, controls[existing], print);
    const write = action === 'insert' || action === 'update' || (action === 'edited-by-user' && confirmed(options.overwriteEdited, section.key));
    return { key: section.key, action, write, fingerprint: print, existing };
  });
}

function classify(key: SectionKey, control: ExistingControl, print: string): PlanAction {
  const written = writtenFingerprint(key, control);
  const current = fingerprint(control.text);
  // Already reads as it should: at most the title is stale, and rewriting it loses nothing.
  if (current === print) return written === print ? 'unchanged' : 'update';
  if (written === null || current !== written) return 'edited-by-user';
  return 'update';
}

/** What Budgetkoll wrote into the control, by its title; null when the title is not Budgetkoll's. */
function writtenFingerprint(key: SectionKey, control: ExistingControl): string | null {
  const parsed = parseTitle(control.title);
  return parsed && parsed.key === key ? parsed.fingerprint : null;
}

function confirmed(overwrite: PlanOptions['overwriteEdited'], key: SectionKey): boolean {
  return overwrite === true || (Array.isArray(overwrite) && overwrite.includes(key));
}

/** The sections in the document whose numbers changed since they were inserted: what the pane lists. */
export function changedSince(controls: readonly ExistingControl[], sections: readonly DocSection[]): SectionKey[] {
  return sections.flatMap((section) => {
    const control = controls.find((c) => c.tag === sectionTag(section.key));
    if (!control) return [];
    const then = writtenFingerprint(section.key, control) ?? fingerprint(control.text);
    return then === sectionFingerprint(section) ? [] : [section.key];
  });
}
