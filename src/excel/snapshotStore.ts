/// <reference types="office-js" />
import { failure, ok, type Result } from '../core/result';
import { SNAPSHOT_NAMESPACE } from '../core/snapshot';
import type { ExcelCapabilities } from './excelSupport';
import { SETTINGS_KEY } from './readWorkbook';
import { officeErrorText } from './write';

// The analysis snapshot (a custom XML part in Budgetkoll's namespace, read by the Word pane from
// the saved file) and the pane's settings (the workbook's settings), stored after each analysis:
// one sync finds the earlier snapshot, one replaces it. Neither touches a cell.

export async function storeAnalysis(context: Excel.RequestContext, caps: ExcelCapabilities, snapshotXml: string, settingsJson: string): Promise<Result<void>> {
  if (!caps.write.ok) return caps.write;
  try {
    context.workbook.load('readOnly');
    const earlier = context.workbook.customXmlParts.getByNamespace(SNAPSHOT_NAMESPACE);
    earlier.load('items/id');
    await context.sync();
    if (context.workbook.readOnly) return failure('Arbetsboken är skrivskyddad, så analysen sparades inte i den.');
    for (const part of earlier.items) part.delete();
    context.workbook.customXmlParts.add(snapshotXml);
    context.workbook.settings.add(SETTINGS_KEY, settingsJson);
    await context.sync();
    return ok(undefined);
  } catch (error) {
    return failure(`Analysen kunde inte sparas i arbetsboken${officeErrorText(error)}.`);
  }
}
