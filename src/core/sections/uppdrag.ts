import type { DocSection } from './types';

/** 7 § of Lag (2003:1210): the six tasks every seed lists. */
export function uppdragSection(): DocSection {
  return {
    key: 'uppdrag',
    title: 'Samordningsförbundets uppdrag',
    blocks: [
      { kind: 'heading', level: 1, text: 'Samordningsförbundets uppdrag' },
      { kind: 'paragraph', text: 'Samordningsförbundets uppgifter anges i 7 § lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. Förbundet ska' },
      {
        kind: 'list',
        ordered: true,
        items: [
          'besluta om mål och riktlinjer för den finansiella samordningen,',
          'stödja samverkan mellan samverkansparterna,',
          'finansiera insatser som avser individer som är i behov av samordnade rehabiliteringsinsatser och som syftar till att individen uppnår eller förbättrar sin förmåga att utföra förvärvsarbete, inom de samverkande parternas samlade ansvarsområde,',
          'besluta om på vilket sätt de medel som står till förfogande för finansiell samordning ska användas,',
          'svara för uppföljning och utvärdering av rehabiliteringsinsatserna och',
          'upprätta budget och årsredovisning för den finansiella samordningen.',
        ],
      },
    ],
  };
}
