import type { TableAnalysis } from '../analyze';
import type { DocSection } from './types';
import { number } from './text';

/** The members' shares per year: state ½, region ¼, municipalities ¼ together. */
export function sharesSection({ table, shares }: TableAnalysis): DocSection {
  const heading = { kind: 'heading' as const, level: 1 as const, text: 'Fördelning av medel' };
  const intro = 'Enligt lagen om finansiell samordning bidrar staten (genom Försäkringskassan, även för Arbetsförmedlingen) med hälften av medlen, regionen med en fjärdedel och kommunerna tillsammans med en fjärdedel, fördelat mellan kommunerna enligt förbundsordningen.';
  if (shares.length === 0) {
    return { key: 'fordelning', title: heading.text, blocks: [heading, { kind: 'paragraph', text: intro }, { kind: 'paragraph', text: 'Budgettabellen delar inte upp tilldelningen på medlemmarna.' }] };
  }
  const municipalities = shares[0].municipalities.length > 1 ? shares[0].municipalities.map((m, i) => [`– ${m.label.replace(/^[-–]\s*/, '')}`, ...shares.map((s) => number(s.municipalities[i].amount))]) : [];
  const rows = [
    ['Staten', ...shares.map((s) => number(s.amounts.state))],
    ['Regionen', ...shares.map((s) => number(s.amounts.region))],
    ['Kommunerna', ...shares.map((s) => number(s.amounts.municipalities))],
    ...municipalities,
    ['Summa tilldelning', ...shares.map((s) => number(s.allocation))],
  ];
  return {
    key: 'fordelning',
    title: heading.text,
    blocks: [
      heading,
      { kind: 'paragraph', text: intro },
      { kind: 'table', header: [`Medlem (${table.unit})`, ...shares.map((s) => String(s.year))], rows, totalRows: [rows.length - 1], numericColumns: shares.map((_, i) => i + 1) },
    ],
  };
}
