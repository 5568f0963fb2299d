import { stripChildMarker, type RowRole } from '../labels';
import { memberGroupOf } from './memberShares';

/**
 * What counts as a total: the roles of rows whose figures are computed from other rows — a total,
 * the money available, a result, the closing equity, and what remains after the guideline. The
 * recognizer looks for the parts of exactly these rows, and the plan's budget table sets them as
 * totals.
 */
export const COMPUTED_ROLES: ReadonlySet<RowRole> = new Set<RowRole>(['total', 'available', 'result', 'closing-equity', 'remaining']);

export const isComputedRole = (role: RowRole): boolean => COMPUTED_ROLES.has(role);

// A line whose label is a collective noun of money may be the subtotal of the lines above it, with
// no `Summa` to say so: `Verksamhetens intäkter`, `Verksamhetens kostnader` (a resultatbudget),
// `Medlemsbidrag`, `Medlemsavgifter`, `Tilldelning`, `Finansiella poster` (their net). Only
// arithmetic makes it one: the same label heads a table as a plain line (`Medlemsbidrag 6 800`
// over `Övriga intäkter`).
const SUBTOTAL_NOUN = /^(verksamhetens (intäkter|kostnader|nettokostnader?)|(summa )?(medlemsbidrag|medlemsavgifter)|tilldelning( från medlemmar(na)?)?|(bidrag|finansiering|intäkter) från medlemmar(na)?|intäkter|kostnader|personalkostnader|lokalkostnader|verksamhetskostnader|nettokostnader?|finansiella poster|finansnetto)$/i;

/** Whether a line's label may name the subtotal of the lines above it (arithmetic decides). */
export function mayNameSubtotal(label: string): boolean {
  return SUBTOTAL_NOUN.test(stripChildMarker(label));
}

/**
 * Whether a line names one payer, the state or a region: never the subtotal of the lines under it,
 * however well they add up — by the law's ½ ¼ ¼ the state's line equals the region's and the
 * municipalities' together, and the region's equals the municipalities'.
 */
export function namesOnePayer(label: string): boolean {
  const group = memberGroupOf(label);
  return group === 'state' || group === 'region';
}
