import type { RowRole } from '../labels';

/**
 * What counts as a total: the roles of rows whose figures are computed from other rows — a total,
 * the money available, a result, the closing equity, and what remains after the guideline. The
 * recognizer looks for the parts of exactly these rows, and the plan's budget table sets them as
 * totals.
 */
export const COMPUTED_ROLES: ReadonlySet<RowRole> = new Set<RowRole>(['total', 'available', 'result', 'closing-equity', 'remaining']);

export const isComputedRole = (role: RowRole): boolean => COMPUTED_ROLES.has(role);
