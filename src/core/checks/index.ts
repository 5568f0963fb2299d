import type { Check } from './types';
import { totalsCheck } from './totals';
import { textNumberCheck, hardcodedTotalsCheck } from './cellChecks';
import { formulaOmitsLineCheck } from './formulaOmitsLine';
import { titleYearsCheck } from './titleYears';
import { negativeEquityCheck, reserveCheck } from './equityChecks';
import { shareCheck } from './shareCheck';

/** Every check, in the order their findings are reported. */
export const CHECKS: readonly Check[] = [
  totalsCheck, formulaOmitsLineCheck, textNumberCheck, titleYearsCheck,
  negativeEquityCheck, reserveCheck, shareCheck, hardcodedTotalsCheck,
];

export type { Check, CheckContext } from './types';
