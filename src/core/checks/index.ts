import type { Check } from './types';
import { totalsCheck } from './totals';
import { textNumberCheck, hardcodedTotalsCheck } from './cellChecks';
import { formulaOmitsLineCheck } from './formulaOmitsLine';
import { titleYearsCheck } from './titleYears';
import { negativeEquityCheck, reserveCheck } from './equityChecks';
import { shareCheck } from './shareCheck';
import { errorValueCheck } from './errorValues';

/** Every check, in the order their findings are reported. */
export const CHECKS: readonly Check[] = [
  totalsCheck, errorValueCheck, formulaOmitsLineCheck, textNumberCheck, titleYearsCheck,
  negativeEquityCheck, reserveCheck, shareCheck, hardcodedTotalsCheck,
];

export type { Check, CheckContext } from './types';
