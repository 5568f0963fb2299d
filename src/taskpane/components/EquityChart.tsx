import { useEffect, useId, useRef, useState } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Unit } from '../../core/numbers';
import { formatAmount, formatNumber } from '../model/format';
import { usePaneText } from '../model/language';
import type { EquityPoint } from '../model/viewModel';
import { useTableStyles } from './tableStyles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  svg: { display: 'block', overflow: 'visible' },
  tick: { fontSize: '11px', fill: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyBase },
  year: { fontSize: '12px', fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase },
  value: { fontSize: '11px', fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase, fontWeight: tokens.fontWeightSemibold },
  axisTitle: { fontSize: '11px', fill: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyBase },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, listStyleType: 'none', margin: 0, padding: 0, fontSize: tokens.fontSizeBase200 },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '14px', height: '10px', borderRadius: '2px' },
  line: { display: 'inline-block', width: '18px', height: 0, borderTop: `2px dashed ${tokens.colorNeutralForeground1}` },
  tableWrap: { overflowX: 'auto' },
});

const COLORS = {
  within: tokens.colorBrandBackground,
  excess: tokens.colorPaletteDarkOrangeBackground3,
  negative: tokens.colorPaletteRedBackground3,
  limit: tokens.colorNeutralForeground1,
  grid: tokens.colorNeutralStroke2,
  axis: tokens.colorNeutralStroke1,
};

/** About five round steps (1, 2, 2,5 or 5 × 10ⁿ) covering min..max, zero included. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step / 1e6; i++) ticks.push(Number((lo + i * step).toPrecision(12)));
  return ticks;
}

function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export interface EquityChartProps {
  points: EquityPoint[];
  unit: Unit;
  /** `medlemmarnas tilldelning` or `kostnaderna` (in the pane's language): what the guideline's percentage is of. */
  baseText?: string;
}

/** The chart's numbers as a table: opening, result, closing, the guideline and the excess, year by year. */
function EquityTable({ points, unit }: Pick<EquityChartProps, 'points' | 'unit'>) {
  const styles = useStyles();
  const text = usePaneText();
  const t = useTableStyles();
  const num = mergeClasses(t.td, t.number);
  const head = mergeClasses(t.th, t.number);
  return (
    <div className={styles.tableWrap} role="region" aria-label={`${text.equityPerYear(unit)}, ${text.count.table[0]}`} tabIndex={0}>
      <table className={t.table}>
        <caption className={t.caption}>{text.equityPerYear(unit)}</caption>
        <thead>
          <tr>
            <th scope="col" className={t.th}>{text.year}</th>
            <th scope="col" className={head}>{text.opening}</th>
            <th scope="col" className={head}>{text.result}</th>
            <th scope="col" className={head}>{text.closing}</th>
            <th scope="col" className={head}>{text.guidelineHeader}</th>
            <th scope="col" className={head}>{text.aboveGuideline}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.year}>
              <th scope="row" className={mergeClasses(t.td, t.strong)}>{p.year}{p.source === 'projected' ? '*' : ''}</th>
              <td className={num}>{formatAmount(p.opening)}</td>
              <td className={num}>{formatAmount(p.result)}</td>
              <td className={num}>{formatAmount(p.closing)}</td>
              <td className={num}>{p.limit === null ? '–' : formatAmount(p.limit)}</td>
              <td className={num}>{p.excess === null ? '–' : formatAmount(p.excess)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Equity at each year's end as bars (the part above the guideline in orange), the guideline as a dashed line. */
export function EquityChart({ points, unit, baseText: base }: EquityChartProps) {
  const styles = useStyles();
  const text = usePaneText();
  const baseText = base ?? text.baseAllocation;
  const id = useId();
  const [ref, measured] = useWidth(560);
  const width = Math.max(260, Math.min(measured, 760));
  const height = 240;

  const closing = points.map((p) => Number(p.closing));
  const limits = points.map((p) => (p.limit === null ? null : Number(p.limit)));
  const values = [...closing, ...limits.filter((l): l is number => l !== null)];
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const tickLabels = ticks.map(formatNumber);
  const longest = Math.max(...tickLabels.map((t) => t.length));
  const margin = { top: 20, right: 12, bottom: 28, left: Math.max(40, longest * 7 + 14) };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number) => margin.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const band = plotW / Math.max(points.length, 1);
  const barW = Math.min(64, band * 0.56);
  const cx = (i: number) => margin.left + band * (i + 0.5);
  const showValues = band >= 44;
  const percents = [...new Set(points.map((p) => p.percent).filter((p): p is string => p !== null))];
  const hasLimit = limits.some((l) => l !== null);
  const hasProjected = points.some((p) => p.source === 'projected');
  const hasExcess = points.some((p, i) => limits[i] !== null && closing[i] > (limits[i] as number));
  const hasNegative = closing.some((c) => c < 0);
  const limitText = percents.length === 1 ? text.guidelineOf(formatNumber(Number(percents[0])), baseText) : text.guidelinePercentOf(baseText);

  const description = points.map((p) =>
    `${p.year}: ${formatAmount(p.closing, unit)}${p.limit !== null ? `, ${text.guideline} ${formatAmount(p.limit, unit)}` : ''}${p.source === 'projected' ? ` (${text.projected})` : ''}`).join('; ');

  const limitPath = points.map((_p, i) => limits[i]).reduce<string[]>((parts, l, i) => {
    if (l === null) return parts;
    parts.push(`${parts.length === 0 ? 'M' : 'L'}${cx(i) - barW / 2 - 6},${y(l)} L${cx(i) + barW / 2 + 6},${y(l)}`);
    return parts;
  }, []).join(' ');

  return (
    <div className={styles.root} ref={ref}>
      <svg
        className={styles.svg}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{text.chartTitle(unit)}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <text className={styles.axisTitle} x={margin.left - 8} y={10} textAnchor="end">{unit}</text>
        {ticks.map((t, i) => (
          <g key={t}>
            <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} style={{ stroke: t === 0 ? COLORS.axis : COLORS.grid }} strokeWidth={t === 0 ? 1.5 : 1} />
            <text className={styles.tick} x={margin.left - 8} y={y(t)} dy="0.32em" textAnchor="end" data-testid="y-tick">{tickLabels[i]}</text>
          </g>
        ))}
        {points.map((p, i) => {
          const value = closing[i];
          const limit = limits[i];
          const x = cx(i) - barW / 2;
          const projected = p.source === 'projected';
          const style = (fill: string) => ({ fill, fillOpacity: projected ? 0.45 : 1, stroke: projected ? fill : 'none', strokeDasharray: projected ? '4 3' : undefined });
          const bars = [];
          if (value < 0) {
            bars.push(<rect key="neg" x={x} y={y(0)} width={barW} height={y(value) - y(0)} style={style(COLORS.negative)} />);
          } else if (limit !== null && limit >= 0 && value > limit) {
            bars.push(<rect key="within" x={x} y={y(limit)} width={barW} height={y(0) - y(limit)} style={style(COLORS.within)} />);
            bars.push(<rect key="excess" x={x} y={y(value)} width={barW} height={y(limit) - y(value)} style={style(COLORS.excess)} />);
          } else {
            bars.push(<rect key="within" x={x} y={y(value)} width={barW} height={y(0) - y(value)} style={style(COLORS.within)} />);
          }
          const labelY = value < 0 ? y(value) + 13 : Math.min(y(value), limit !== null ? y(Math.max(limit, value)) : y(value)) - 5;
          return (
            <g key={p.year} data-year={p.year}>
              {bars}
              {showValues && <text className={styles.value} x={cx(i)} y={labelY} textAnchor="middle" data-testid="bar-value">{formatNumber(value)}</text>}
              <text className={styles.year} x={cx(i)} y={height - 8} textAnchor="middle">{p.year}{projected ? '*' : ''}</text>
            </g>
          );
        })}
        {hasLimit && <path d={limitPath} fill="none" style={{ stroke: COLORS.limit }} strokeWidth={2} strokeDasharray="6 4" data-testid="limit-line" />}
      </svg>

      <ul className={styles.legend} aria-label={text.legend}>
        <li className={styles.legendItem}><span className={styles.swatch} style={{ backgroundColor: COLORS.within }} />{text.closingEquity}</li>
        {hasExcess && <li className={styles.legendItem}><span className={styles.swatch} style={{ backgroundColor: COLORS.excess }} />{text.aboveGuideline}</li>}
        {hasNegative && <li className={styles.legendItem}><span className={styles.swatch} style={{ backgroundColor: COLORS.negative }} />{text.negativeEquity}</li>}
        {hasLimit && <li className={styles.legendItem}><span className={styles.line} />{limitText}</li>}
        {hasProjected && <li className={styles.legendItem}>{text.projectedNote}</li>}
      </ul>

      <EquityTable points={points} unit={unit} />
    </div>
  );
}
