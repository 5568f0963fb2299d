import { hostFromSearch, officeApp, officeLanguage, officeReady, officeUsesDarkTheme } from '../../src/taskpane/boot/host';

describe('where the pane runs', () => {
  it('is in Office only with _host_Info in the query', () => {
    expect(hostFromSearch('?_host_Info=Word$Win32$16.01$sv-SE$$$$0')).toBe('office');
    expect(hostFromSearch('?_HOST_INFO=Excel')).toBe('office');
    expect(hostFromSearch('')).toBe('browser');
  });

  it('tells Word from Excel by Office.onReady’s info, else by Office.context.host', () => {
    const HostType = { Word: 'Word', Excel: 'Excel' };
    const onReady = async () => undefined;
    expect(officeApp({ onReady, HostType }, { host: 'Word' })).toBe('word');
    expect(officeApp({ onReady, HostType }, { host: 'Excel' })).toBe('excel');
    expect(officeApp({ onReady, HostType, context: { host: 'Word' } })).toBe('word');
    expect(officeApp({ onReady }, { host: 'Word' })).toBe('word');
    expect(officeApp({ onReady, HostType }, { host: 'PowerPoint' })).toBe('other');
    expect(officeApp({ onReady })).toBe('other');
  });

  it('waits for the office.js the page’s head loaded: its application, or none when it did not load or never answers', async () => {
    const HostType = { Word: 'Word', Excel: 'Excel' };
    await expect(officeReady({ HostType, onReady: async () => ({ host: 'Word' }) })).resolves.toBe('word');
    // Outside Office, office.js answers with no host (Initialize your Office Add-in): the file chooser.
    await expect(officeReady({ HostType, onReady: async () => ({ host: null }) })).resolves.toBe('other');
    await expect(officeReady(undefined)).resolves.toBeNull();
    // Blocked library files: Office.onReady never resolves.
    await expect(officeReady({ HostType, onReady: () => new Promise(() => undefined) }, 20)).resolves.toBeNull();
    await expect(officeReady({ HostType, onReady: () => Promise.reject(new Error('x')) })).resolves.toBeNull();
  });

  it('follows Office’s theme (dark when its pane background is dark) and display language', () => {
    expect(officeUsesDarkTheme({ context: { officeTheme: { bodyBackgroundColor: '#262626' } } })).toBe(true);
    expect(officeUsesDarkTheme({ context: { officeTheme: { bodyBackgroundColor: '#FFFFFF' } } })).toBe(false);
    expect(officeUsesDarkTheme({ context: { officeTheme: { bodyBackgroundColor: 'E6E6E6' } } })).toBe(false);
    expect(officeUsesDarkTheme({ context: {} })).toBe(false);
    expect(officeUsesDarkTheme(undefined)).toBe(false);
    expect(officeLanguage({ context: { displayLanguage: 'en-US' } })).toBe('en-US');
    expect(officeLanguage({ context: {} })).toBeUndefined();
  });
});
