import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { firstReason, parseSettings, settingsFromForm } from '../../src/app/settings';
import { DEFAULT_FORM, formFromJson, formToJson } from '../../src/app/settingsForm';

// The one reader of settings as text: the command's options, the panes' form and the form stored
// in a workbook, with the same rules and reasons.

const reasons = (text: Parameters<typeof parseSettings>[0]) => {
  const parsed = parseSettings(text);
  return parsed.ok ? null : parsed.reason;
};

describe('parseSettings', () => {
  it('leaves every field it is not given at the engine default', () => {
    const parsed = parseSettings({});
    if (!parsed.ok) throw new Error('no fields, no reasons');
    expect(parsed.value).toEqual({ reserve: DEFAULT_SETTINGS.reserve });
    expect(parsed.value.reserve?.brackets).toBe(DEFAULT_SETTINGS.reserve.brackets);
  });

  it('reads each field as the command documents it', () => {
    const parsed = parseSettings({ sheet: 'Budget', openingEquity: '2025=4 000,5', reserveBrackets: '10000000:20,:15', reserveBase: 'costs', municipalSplit: 'A=50,B=50' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.reason));
    const { sheet, openingEquity, reserve, municipalSplit } = parsed.value;
    expect(sheet).toBe('Budget');
    expect([openingEquity?.year, openingEquity?.amount.toFixed()]).toEqual([2025, '4000.5']);
    expect(reserve?.base).toBe('costs');
    expect(reserve?.brackets.map((b) => [b.upToKr?.toFixed() ?? null, b.percent.toFixed()])).toEqual([['10000000', '20'], [null, '15']]);
    expect(municipalSplit?.map((m) => [m.name, m.percent.toFixed()])).toEqual([['A', '50'], ['B', '50']]);
    const none = parseSettings({ openingEquity: null });
    expect(none.ok && none.value.openingEquity).toBeNull();
  });

  it('gives every field’s reason, the command the first in the order the fields are read', () => {
    const all = reasons({ openingEquity: '4000', reserveBase: 'intäkter', reservePercent: '120', municipalSplit: 'A=50' });
    expect(Object.keys(all ?? {})).toEqual(['openingEquity', 'reserveBase', 'reservePercent', 'municipalSplit']);
    expect(firstReason(all ?? {})).toBe('ingående eget kapital ska skrivas ÅR=BELOPP, till exempel 2025=4000 (fick ”4000”)');
    expect(reasons({ reserveBase: 'intäkter', reservePercent: '120' })?.reserveBase).toBe('--reserve-base ska vara allocation (medlemmarnas tilldelning) eller costs (kostnaderna), inte ”intäkter”');
    // Both ways of giving the percentage: a contradiction, whatever either says.
    expect(reasons({ reservePercent: 'x', reserveBrackets: ':20' })).toEqual({ reserve: 'ange antingen --reserve-percent eller --reserve-brackets, inte båda' });
    expect(firstReason(reasons({ reserveBrackets: 'tio:20' }) ?? {})).toMatch(/^trappsteg ska skrivas TILLDELNING_KR:PROCENT/);
  });
});

describe('the settings form', () => {
  it('shows the engine’s default, written once (core/rules/reserveDefault.ts)', () => {
    const parsed = settingsFromForm(DEFAULT_FORM);
    if (!parsed.ok) throw new Error('defaults invalid');
    expect(parsed.value.reserve?.base).toBe(DEFAULT_SETTINGS.reserve.base);
    expect(parsed.value.reserve?.brackets.map((b) => [b.upToKr, b.percent.toFixed()])).toEqual(DEFAULT_SETTINGS.reserve.brackets.map((b) => [b.upToKr, b.percent.toFixed()]));
    expect(parsed.value.openingEquity).toBeNull();
  });

  it('reads the form as the command reads its options, trimmed, an empty opening equity none', () => {
    const form = settingsFromForm({ reservePercent: ' 12,5 ', reserveBase: 'costs', openingEquity: ' 2025=4000 ' });
    const command = parseSettings({ reservePercent: '12,5', reserveBase: 'costs', openingEquity: '2025=4000' });
    expect(form).toEqual(command);
    expect(settingsFromForm({ ...DEFAULT_FORM, reservePercent: '0' })).toEqual({ ok: false, reason: { reservePercent: 'procentsatsen ska vara ett tal mellan 0 och 100 (fick ”0”)' } });
  });

  it('is stored as JSON and read back with the defaults for what is missing or odd', () => {
    const form = { reservePercent: '15', reserveBase: 'costs' as const, openingEquity: '2024=10' };
    expect(formFromJson(formToJson(form))).toEqual(form);
    expect(formFromJson('{"reservePercent":15,"reserveBase":"intäkter"}')).toEqual(DEFAULT_FORM);
    expect(formFromJson('not json')).toBeNull();
    expect(formFromJson('null')).toBeNull();
    expect(formFromJson(null)).toBeNull();
  });
});
