import { localFormula } from '../../src/core/localFormula';

// A formula as the user's Excel shows it: Swedish names and separators where Office speaks Swedish.

describe('localFormula', () => {
  it('shows the fixes’ formulas as Swedish Excel does', () => {
    expect(localFormula('SUM(C5:C9)', 'sv')).toBe('SUMMA(C5:C9)');
    expect(localFormula('=SUM(E15,E17,E19:E31,E33)', 'sv')).toBe('=SUMMA(E15;E17;E19:E31;E33)');
    expect(localFormula('C12-C30', 'sv')).toBe('C12-C30');
    expect(localFormula('B36', 'sv')).toBe('B36');
  });

  it('leaves English (every language but Swedish) as Excel stores it', () => {
    expect(localFormula('SUM(E15,E17,E19:E31,E33)', 'en')).toBe('SUM(E15,E17,E19:E31,E33)');
  });

  it('translates names, separators, decimals, truth and error values, but nothing quoted', () => {
    expect(localFormula('ROUND(SUM($C$5:C9)*0.5,0)', 'sv')).toBe('AVRUNDA(SUMMA($C$5:C9)*0,5;0)');
    expect(localFormula('IF(ISERROR(C5),#N/A,TRUE)', 'sv')).toBe('OM(ÄRFEL(C5);#SAKNAS!;SANT)');
    expect(localFormula('sumif(A1:A9,"Lön, fast",B1:B9)', 'sv')).toBe('SUMMA.OM(A1:A9;"Lön, fast";B1:B9)');
    expect(localFormula("SUM('Budget, 2024'!C5:C9,Plan!C5)", 'sv')).toBe("SUMMA('Budget, 2024'!C5:C9;Plan!C5)");
    expect(localFormula('"Sa ""SUM(1,2)"" här"&TEXT(C5,"0.0")', 'sv')).toBe('"Sa ""SUM(1,2)"" här"&TEXT(C5;"0.0")');
    expect(localFormula('_xlfn.XLOOKUP(A1,B:B,C:C)', 'sv')).toBe('XLETAUPP(A1;B:B;C:C)');
    expect(localFormula('#REF!+#DIV/0!', 'sv')).toBe('#REFERENS!+#DIVISION/0!');
    expect(localFormula('1.5E+3+SUM(5:9)', 'sv')).toBe('1,5E+3+SUMMA(5:9)');
  });

  it('shows a function it has no Swedish name for as Excel stores it', () => {
    expect(localFormula('NETWORKDAYS(A1,B1)', 'sv')).toBe('NETWORKDAYS(A1;B1)');
    expect(localFormula('_xlfn.LET(x,1,x)', 'sv')).toBe('LET(x;1;x)');
  });
});
