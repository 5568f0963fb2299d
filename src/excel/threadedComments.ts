/// <reference types="office-js" />
import { fromA1 } from '../core/address';
import type { CellTarget } from './changes';

// Where the workbook's threaded comments are. A cell with a threaded comment cannot also get a
// note (Excel offers either on a cell, not both), so Budgetkoll marks such a cell with its fill
// only. Office.js has no "comment of this cell, or none": getItemByCell throws where there is
// none, which would fail the whole batch. So the comments are listed (ExcelApi 1.10) and each
// one located; that takes two syncs, which the inspection has anyway, and a write step checks
// in its one read sync that no comment was added since (only then does it locate the new ones).

/** A threaded comment and its cell. */
export interface CommentPlace {
  id: string;
  at: CellTarget;
}

/** Queues a list of the workbook's threaded comments; their ids after the sync. */
export function queueCommentIds(context: Excel.RequestContext): () => string[] {
  const comments = context.workbook.comments;
  comments.load('items/id');
  return () => comments.items.map((c) => c.id);
}

/** Queues where these comments are; after the sync, their cells. */
export function queueCommentPlaces(context: Excel.RequestContext, ids: readonly string[]): () => CommentPlace[] {
  const located = ids.map((id) => {
    const range = context.workbook.comments.getItem(id).getLocation();
    range.load('address');
    return { id, range };
  });
  return () => located.flatMap(({ id, range }) => {
    const at = cellOfAddress(range.address);
    return at ? [{ id, at }] : [];
  });
}

/** "'Budget 2024'!C10" or "Budget!C10" → the sheet and cell; null for anything else. */
export function cellOfAddress(address: string): CellTarget | null {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return null;
  const raw = address.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  const cell = fromA1(address.slice(bang + 1).split(':')[0]);
  return cell ? { sheet, ...cell } : null;
}
