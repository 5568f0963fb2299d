import { OfficeMockObject } from 'office-addin-mock';
import { WORD_API, wordSupport, type OfficeRequirements } from '../../src/word/wordSupport';

function officeWith(supported: (name: string, version?: string) => boolean): OfficeRequirements {
  return new OfficeMockObject({ context: { requirements: { isSetSupported: supported } } }) as unknown as OfficeRequirements;
}

describe('wordSupport', () => {
  it('asks for WordApi 1.3', () => {
    const asked: [string, string | undefined][] = [];
    const result = wordSupport(officeWith((name, version) => (asked.push([name, version]), true)));
    expect(result).toEqual({ ok: true });
    expect(asked).toEqual([['WordApi', '1.3']]);
    expect(WORD_API).toEqual({ set: 'WordApi', version: '1.3' });
  });

  it('says in Swedish what is missing when Word is too old', () => {
    const result = wordSupport(officeWith((_name, version) => version === '1.1'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/^Den här versionen av Word kan inte ta emot avsnitten/);
    expect(result.reason).toContain('WordApi 1.3');
  });

  it('treats a failing check as unsupported', () => {
    const result = wordSupport(officeWith(() => {
      throw new Error('boom');
    }));
    expect(result.ok).toBe(false);
  });

  it('says so outside Word', () => {
    expect(wordSupport(undefined)).toEqual({ ok: false, reason: 'Avsnitten kan bara infogas när Budgetkoll körs i Word.' });
    expect(wordSupport()).toEqual({ ok: false, reason: 'Avsnitten kan bara infogas när Budgetkoll körs i Word.' });
  });
});
