import { failure, ok, type Result } from '../core/result';

// What Budgetkoll needs from Excel, checked at run time (the manifest asks for no requirement
// set, so an older Excel still opens the pane and is told what it cannot do).
//   ExcelApi 1.4  used ranges (getUsedRangeOrNullObject) and the workbook's settings: analysis
//   ExcelApi 1.9  fills with patterns (to put 'no fill' back exactly), hyperlinks (1.7),
//                 getRangeByIndexes (1.7), read-only state (1.8), custom XML parts (1.5): writing
//   ExcelApi 1.18 notes (the yellow cell notes); without them the findings stay on the check sheet
//   ExcelApi 1.13 merged areas: optional, the engine copes without them
//   ExcelApi 1.12 number format categories: optional, to tell dates (and times) from numbers as
//                 Excel does; without them the format code is read for d, m and y

/** Whether Excel can do it; the reason in Swedish when not. */
export type Support = Result<void>;

export interface ExcelCapabilities {
  analyze: Support;
  write: Support;
  notes: boolean;
  merges: boolean;
  formatCategories: boolean;
}

/** The part of `Office` asked here: the global in Excel, a mock in tests. */
export interface OfficeRequirements {
  context?: { requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
}

const OLD_EXCEL = 'Excel 2016 eller senare, Excel på webben eller Excel för Mac';

export function excelCapabilities(office: OfficeRequirements | undefined = officeGlobal()): ExcelCapabilities {
  const requirements = office?.context?.requirements;
  const has = (version: string) => {
    try {
      return requirements?.isSetSupported('ExcelApi', version) === true;
    } catch {
      return false;
    }
  };
  if (!requirements) {
    const outside: Support = failure('Den öppna arbetsboken kan bara kontrolleras när Budgetkoll körs i Excel.');
    return { analyze: outside, write: outside, notes: false, merges: false, formatCategories: false };
  }
  const analyze: Support = has('1.4')
    ? ok(undefined)
    : failure(`Den här versionen av Excel kan inte läsa arbetsboken åt Budgetkoll (ExcelApi 1.4 behövs: ${OLD_EXCEL}). Uppdatera Excel eller öppna arbetsboken i Excel på webben.`);
  const write: Support = has('1.9')
    ? ok(undefined)
    : failure('Den här versionen av Excel kan inte ta emot Budgetkolls markeringar och rättelser (ExcelApi 1.9 behövs: Excel 2019, Microsoft 365 eller Excel på webben). Analysen fungerar; ladda ned en rättad kopia i stället.');
  return { analyze, write, notes: has('1.18'), merges: has('1.13'), formatCategories: has('1.12') };
}

function officeGlobal(): OfficeRequirements | undefined {
  return (globalThis as { Office?: OfficeRequirements }).Office;
}
