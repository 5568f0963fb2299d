/// <reference types="office-js" />
import { failure, ok, type Result } from '../core/result';
import type { DocSection } from '../core/sections/types';
import { sectionPackage } from '../wordml/sectionsXml';
import {
  changedSince,
  controlTitle,
  parseTitle,
  pendingTag,
  pendingTitle,
  renderPlan,
  SECTION_KEYS,
  sectionTag,
  TAG_PREFIX,
  PENDING_TAG_PREFIX,
  type ExistingControl,
  type PlanEntry,
  type PlanOptions,
  type SectionKey,
} from './renderPlan';
import { wordSupport } from './wordSupport';

// The plan's sections in the open Word document, through Office.js (WordApi 1.3):
// one round trip reads Budgetkoll's content controls, one writes.
//
// A section's whole content goes into its control in one operation: its WordprocessingML (the
// same rendering the .docx writer uses, src/wordml) inserted into the control's range with
// Replace. Word treats a control made around a paragraph as part of that paragraph
// (OfficeDev/office-js #4975, #3176): replacing or deleting that paragraph can delete the
// control, and inserting after it lands outside the control's end. So the writer never touches
// a paragraph once a control is made around it, and never inserts beside one inside a control.
//
// A section already in the document is rewritten in place, in its own control: one operation,
// so it is either as it was or as it should be. A new section goes into a new control tagged
// `budgetkoll-pending:<key>`, placed after its neighbour section (or at the cursor); only when
// every section is complete does the batch tag the new ones `budgetkoll:<key>`. Word runs a
// batch in order and stops at the first failure without undoing what ran before it; if that
// happens, a best-effort clean-up (two more syncs, only then) removes the half-written
// controls. What cannot be avoided: Office.js has no single operation that creates a tagged
// control, so a failure in the two operations between inserting a section's empty paragraph
// and tagging its control leaves that empty paragraph (or an empty untagged control) behind.
// Nothing outside Budgetkoll's controls is changed: the user's text is only ever a neighbour.

/** A Budgetkoll section control as read from the document. */
export interface SectionControl extends ExistingControl {
  key: SectionKey;
  id: number;
  control: Word.ContentControl;
}

/** Where a section goes: after or before another control, table or paragraph. */
type Anchor =
  | { after: Word.ContentControl | Word.Table | Word.Paragraph }
  | { before: Word.ContentControl };

/** What one read of the document found. */
export interface DocumentState {
  /** Budgetkoll's section controls: per key in the plan's order, each key's in document order. */
  controls: SectionControl[];
  /** Controls left half-written by an earlier run that failed; removed by the next write. */
  pending: { key: SectionKey; title: string; control: Word.ContentControl }[];
  /** Where a section goes when none of its neighbour sections is in the document. */
  cursor: Anchor;
}

const ITEM_PROPERTIES = 'items/id,items/tag,items/title,items/text';

/** Budgetkoll's controls and the cursor's surroundings, in one `context.sync()`. */
export async function readSectionControls(context: Word.RequestContext): Promise<DocumentState> {
  const all = context.document.contentControls;
  const found = SECTION_KEYS.map((key) => {
    const finals = all.getByTag(sectionTag(key));
    const pendings = all.getByTag(pendingTag(key));
    finals.load(ITEM_PROPERTIES);
    pendings.load('items/id,items/title');
    return { key, finals, pendings };
  });
  const selection = context.document.getSelection();
  const inControl = selection.parentContentControlOrNullObject;
  inControl.load('id,tag,subtype');
  const inTable = selection.parentTableOrNullObject;
  inTable.load('rowCount');
  const paragraph = selection.paragraphs.getLast();

  await context.sync();

  return {
    controls: found.flatMap(({ key, finals }) =>
      finals.items.map((control) => ({ key, id: control.id, tag: control.tag, title: control.title, text: control.text, control }))),
    pending: found.flatMap(({ key, pendings }) => pendings.items.map((control) => ({ key, title: control.title, control }))),
    cursor: cursorAnchor(inControl, inTable, paragraph),
  };
}

const BLOCK_CONTROLS = new Set(['RichTextParagraphs', 'PlainTextParagraph', 'RichTextTable']);

/**
 * After the paragraph with the cursor; but after the control or table the cursor is in, so
 * that a section never lands inside another section, a table or the user's own control.
 */
function cursorAnchor(inControl: Word.ContentControl, inTable: Word.Table, paragraph: Word.Paragraph): Anchor {
  const controlTag = inControl.isNullObject ? null : inControl.tag;
  if (controlTag !== null && (controlTag.startsWith(TAG_PREFIX) || controlTag.startsWith(PENDING_TAG_PREFIX))) return { after: inControl };
  if (!inTable.isNullObject) return { after: inTable };
  if (controlTag !== null && BLOCK_CONTROLS.has(inControl.subtype)) return { after: inControl };
  return { after: paragraph };
}

export interface WriteOptions extends PlanOptions {
  /** What readSectionControls found in this same context: the write then needs no read of its own. */
  state?: DocumentState;
}

export interface Written {
  plan: PlanEntry[];
  /** The sections inserted or rewritten. */
  written: SectionKey[];
  /** Sections the user edited by hand, left as they are: the pane asks before overwriting them. */
  keptEdited: SectionKey[];
}

/** Inserts new sections and updates changed ones: one sync to read (unless given), one to write. */
export async function writeSections(context: Word.RequestContext, sections: readonly DocSection[], options: WriteOptions = {}): Promise<Result<Written>> {
  let state = options.state;
  if (!state) {
    try {
      state = await readSectionControls(context);
    } catch (error) {
      return failure(`Budgetkoll kunde inte läsa dokumentets avsnitt${codeOf(error)}. Försök igen.`);
    }
  }
  const plan = renderPlan(sections, state.controls, options);
  const written = plan.filter((e) => e.write).map((e) => e.key);
  const keptEdited = plan.filter((e) => e.action === 'edited-by-user' && !e.write).map((e) => e.key);
  if (written.length === 0 && state.pending.length === 0) return ok({ plan, written, keptEdited });

  queueWrites(sections, plan, state);
  try {
    await context.sync();
  } catch (error) {
    const clean = await cleanUp(context, written);
    const after = clean
      ? 'Inget avsnitt blev halvfärdigt; försök igen.'
      : 'Ett ofullständigt avsnitt kan finnas kvar – det tas bort nästa gång du infogar avsnitten.';
    return failure(`Avsnitten kunde inte skrivas i dokumentet${codeOf(error)}. ${after}`);
  }
  return ok({ plan, written, keptEdited });
}

/** Queues every write of the plan; nothing reaches the document before the caller's sync. */
function queueWrites(sections: readonly DocSection[], plan: PlanEntry[], state: DocumentState): void {
  const at = new Map<SectionKey, Word.ContentControl>();
  const commits: { key: SectionKey; control: Word.ContentControl }[] = [];

  sections.forEach((section, i) => {
    const entry = plan[i];
    const old = entry.existing >= 0 ? state.controls[entry.existing].control : null;
    if (old) {
      // In place, in one operation: the control and its place stay, its content is the new section.
      if (entry.write) fillControl(old, section, entry.fingerprint);
      at.set(section.key, old);
      return;
    }
    if (!entry.write) return;
    // Only the first section placed can lack a neighbour: the cursor serves once.
    const anchor = neighbour(sections, plan, state, at, i) ?? state.cursor;
    const control = newControl(anchor, section);
    fillControl(control, section, entry.fingerprint);
    at.set(section.key, control);
    commits.push({ key: section.key, control });
  });

  // The commit: each complete new control takes its section's tag.
  for (const { key, control } of commits) control.tag = sectionTag(key);
  for (const leftover of state.pending) leftover.control.delete(false);
}

/** After the nearest earlier section in the document, else before the nearest later one. */
function neighbour(sections: readonly DocSection[], plan: PlanEntry[], state: DocumentState, at: Map<SectionKey, Word.ContentControl>, i: number): Anchor | null {
  for (let j = i - 1; j >= 0; j--) {
    const control = at.get(sections[j].key);
    if (control) return { after: control };
  }
  for (let j = i + 1; j < sections.length; j++) {
    if (plan[j].existing >= 0) return { before: state.controls[plan[j].existing].control };
  }
  return null;
}

/**
 * A new, empty control beside the anchor, tagged as being written. The paragraph it is made
 * around is not touched again: the section's content replaces it from inside the control.
 */
function newControl(anchor: Anchor, section: DocSection): Word.ContentControl {
  // An empty paragraph, at once wrapped and tagged: the only moment a failing batch could
  // leave something the clean-up cannot find is these three operations, and then it is empty.
  const paragraph = 'after' in anchor ? anchor.after.insertParagraph('', 'After') : anchor.before.insertParagraph('', 'Before');
  const control = paragraph.insertContentControl();
  control.tag = pendingTag(section.key);
  control.title = pendingTitle(section.key);
  control.appearance = 'BoundingBox';
  return control;
}

/** The section's whole content into the control's range, then the title that records what was written. */
function fillControl(control: Word.ContentControl, section: DocSection, print: string): void {
  control.insertOoxml(sectionPackage(section), 'Replace');
  control.title = controlTitle(section.key, print);
}

/**
 * After a failed write: removes the half-written controls of the sections in question, or
 * keeps a complete one whose old control the batch had already deleted. Two syncs, only
 * here; false when even that fails (the next write removes what is left).
 */
async function cleanUp(context: Word.RequestContext, keys: readonly SectionKey[]): Promise<boolean> {
  try {
    const all = context.document.contentControls;
    const found = keys.map((key) => {
      const finals = all.getByTag(sectionTag(key));
      const pendings = all.getByTag(pendingTag(key));
      finals.load('items/id');
      pendings.load('items/id,items/title');
      return { key, finals, pendings };
    });
    await context.sync();
    for (const { key, finals, pendings } of found) {
      let promote = finals.items.length === 0;
      for (const pending of pendings.items) {
        if (promote && parseTitle(pending.title)?.key === key) {
          pending.tag = sectionTag(key);
          promote = false;
        } else {
          pending.delete(false);
        }
      }
    }
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code !== '' ? ` (felkod ${code})` : '';
}

export interface DocumentInspection {
  plan: PlanEntry[];
  /** Sections in the document whose numbers changed since they were inserted. */
  changed: SectionKey[];
  /** Sections the user edited by hand: overwritten only when confirmed. */
  edited: SectionKey[];
}

/** What inserting would do, for the pane to show and ask: one sync. */
export async function inspectDocument(context: Word.RequestContext, sections: readonly DocSection[]): Promise<Result<DocumentInspection>> {
  try {
    const state = await readSectionControls(context);
    const plan = renderPlan(sections, state.controls);
    return ok({
      plan,
      changed: changedSince(state.controls, sections),
      edited: plan.filter((e) => e.action === 'edited-by-user').map((e) => e.key),
    });
  } catch (error) {
    return failure(`Budgetkoll kunde inte läsa dokumentets avsnitt${codeOf(error)}. Försök igen.`);
  }
}

/** The pane's entry point: checks the requirement set, then writes in a `Word.run`. Never throws. */
export async function insertSections(sections: readonly DocSection[], options: PlanOptions = {}): Promise<Result<Written>> {
  const support = wordSupport();
  if (!support.ok) return support;
  try {
    return await Word.run((context) => writeSections(context, sections, options));
  } catch (error) {
    return failure(`Avsnitten kunde inte infogas${codeOf(error)}. Försök igen.`);
  }
}

/** The pane's list of changed and hand-edited sections, in a `Word.run`. Never throws. */
export async function inspectSections(sections: readonly DocSection[]): Promise<Result<DocumentInspection>> {
  const support = wordSupport();
  if (!support.ok) return support;
  try {
    return await Word.run((context) => inspectDocument(context, sections));
  } catch (error) {
    return failure(`Budgetkoll kunde inte läsa dokumentets avsnitt${codeOf(error)}. Försök igen.`);
  }
}
