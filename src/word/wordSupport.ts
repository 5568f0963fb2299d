import { failure, ok, type Result } from '../core/result';

// What the Word writer needs from Word: WordApi 1.3 (Word 2016 and later, Word on the web,
// Word for Mac and iPad). 1.3 brings getLast and the *OrNullObject reads that find the cursor's
// control, table and paragraph; content controls, getByTag, insertParagraph, insertOoxml (each
// section's content) and getSelection are 1.1.

export const WORD_API = { set: 'WordApi', version: '1.3' } as const;

/** Whether this Word can take the sections; the reason in Swedish when not. */
export type Support = Result<void>;

/** The part of `Office` asked here: the global in Word, a mock in tests. */
export interface OfficeRequirements {
  context?: { requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
}

export function wordSupport(office: OfficeRequirements | undefined = officeGlobal()): Support {
  const requirements = office?.context?.requirements;
  if (!requirements) {
    return failure('Avsnitten kan bara infogas när Budgetkoll körs i Word.');
  }
  let supported = false;
  try {
    supported = requirements.isSetSupported(WORD_API.set, WORD_API.version);
  } catch {
    supported = false;
  }
  if (supported) return ok(undefined);
  return failure(
    `Den här versionen av Word kan inte ta emot avsnitten: Budgetkoll behöver ${WORD_API.set} ${WORD_API.version} ` +
      '(Word 2016 eller senare, Word på webben eller Word för Mac). Uppdatera Word eller öppna dokumentet i Word på webben.',
  );
}

function officeGlobal(): OfficeRequirements | undefined {
  return (globalThis as { Office?: OfficeRequirements }).Office;
}
