import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Block, DocSection } from '../../core/sections/types';
import { useTableStyles } from '../components/tableStyles';

// The sections as they will read in the document, drawn by React from the blocks: every
// text is a text node (never HTML), so nothing in a workbook can become markup here.

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    minWidth: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  heading1: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  heading2: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  paragraph: { margin: 0 },
  list: { margin: 0, paddingLeft: '1.6em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  tableWrap: { overflowX: 'auto', minWidth: 0 },
  total: { fontWeight: tokens.fontWeightSemibold },
  rowHeader: { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
});

export interface SectionPreviewProps {
  sections: readonly DocSection[];
  /** The HTML heading level of a level-1 heading in a section (the pane's own headings come first). */
  headingLevel?: 2 | 3 | 4;
}

export function SectionPreview({ sections, headingLevel = 4 }: SectionPreviewProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {sections.map((section) => (
        <section key={section.key} className={styles.section} aria-label={section.title} data-section={section.key}>
          {section.blocks.map((block, i) => (
            <BlockView key={i} block={block} headingLevel={headingLevel} caption={section.title} />
          ))}
        </section>
      ))}
    </div>
  );
}

function BlockView({ block, headingLevel, caption }: { block: Block; headingLevel: 2 | 3 | 4; caption: string }) {
  const styles = useStyles();
  const t = useTableStyles();
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, headingLevel + block.level - 1);
      const Tag = `h${level}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
      return <Tag className={block.level === 1 ? styles.heading1 : styles.heading2}>{block.text}</Tag>;
    }
    case 'paragraph':
      return <p className={styles.paragraph}>{block.text}</p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{item}</li>);
      return block.ordered ? <ol className={styles.list}>{items}</ol> : <ul className={styles.list}>{items}</ul>;
    }
    case 'table': {
      const numeric = new Set(block.numericColumns);
      const totals = new Set(block.totalRows);
      const cell = (c: number) => mergeClasses(t.td, numeric.has(c) && t.number);
      return (
        <div className={styles.tableWrap} role="region" aria-label={`Tabell: ${caption}`} tabIndex={0}>
          <table className={t.table}>
            <thead>
              <tr>
                {block.header.map((text, c) => (
                  <th key={c} scope="col" className={mergeClasses(t.th, numeric.has(c) && t.number)}>{text}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r} className={totals.has(r) ? styles.total : undefined}>
                  {block.header.map((_h, c) =>
                    c === 0 ? (
                      <th key={c} scope="row" className={mergeClasses(t.td, styles.rowHeader, totals.has(r) && t.strong)}>{row[c] ?? ''}</th>
                    ) : (
                      <td key={c} className={cell(c)}>{row[c] ?? ''}</td>
                    ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
  }
}
