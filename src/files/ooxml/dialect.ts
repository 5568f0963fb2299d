import { STRICT_RELATIONSHIPS, TRANSITIONAL_RELATIONSHIPS } from './opc';

// Browser-safe. The namespaces of what the patcher writes, as the workbook itself uses them:
// the transitional ones Excel writes, or the strict ones of an "Strict Open XML" workbook.

export interface Dialect {
  /** The spreadsheet namespace (worksheets, comments, styles). */
  main: string;
  /** The relationships namespace (r:id), and the base of relationship types. */
  relationships: string;
  /** The workbook part's folder, where new parts go: `xl/`. */
  folder: string;
}

const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const TRANSITIONAL_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export function dialectOf(workbookXml: string, workbookPart: string): Dialect {
  const strict = workbookXml.slice(0, 2000).includes(STRICT_MAIN);
  return {
    main: strict ? STRICT_MAIN : TRANSITIONAL_MAIN,
    relationships: strict ? STRICT_RELATIONSHIPS : TRANSITIONAL_RELATIONSHIPS,
    folder: workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1),
  };
}
