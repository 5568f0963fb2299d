import { readFileSync } from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS } from './browserHarness';

// What every view of every pane must pass in Chromium, as a person meets it in Office's task pane:
// - expectFitsAt320: at 320 px (Office opens panes at about 320–350) nothing needs horizontal
//   scrolling, nothing sticks out or is cut off, and no number is broken across lines; a wide
//   table may scroll, but only inside its own box, which the keyboard can reach (a named region
//   with tabindex 0). Each view is screenshotted as test-artifacts/<view>-320.png.
// - expectAccessible: axe-core's WCAG 2.1 A and AA rules, with nothing excluded but Fluent's own
//   focus sentinels (tabster's dummy inputs: aria-hidden elements it focuses for an instant to
//   keep focus in a dialog, never read or seen).
// - the keyboard: tabTo (Tab until an element has the focus) and expectFocusVisible (the focused
//   element looks different from the same element unfocused), expectFocusTrapped (Tab and
//   Shift+Tab never leave a dialog).
// Each takes a view's name, so that a new view (a comparison, a dialog) is checked with one line.

export const PANE_WIDTH = 320;

/** The WCAG 2.1 A and AA rules, as axe-core tags them. */
export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fluent's focus sentinels: tabster's dummy inputs (tabster/src/Consts.ts, TABSTER_DUMMY_INPUT_ATTRIBUTE_NAME). */
export const FLUENT_FOCUS_SENTINELS = '[data-tabster-dummy]';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface LayoutProblem {
  kind: 'page-scrolls' | 'sticks-out' | 'cut-off' | 'scroll-box' | 'broken-number';
  where: string;
}

/**
 * Runs in the page: what breaks a 320 px pane. A function (not a string) for page.evaluate: the
 * pane's Content-Security-Policy refuses string evaluation.
 */
function layoutProblems(width: number): LayoutProblem[] {
  const doc = (globalThis as unknown as { document: Document }).document;
  const view = (globalThis as unknown as { getComputedStyle: (el: Element) => CSSStyleDeclaration }).getComputedStyle;
  const problems: LayoutProblem[] = [];
  const describe = (el: Element): string => {
    const label = el.getAttribute('aria-label') ?? el.getAttribute('role') ?? '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${label ? ` ${label}` : ''}> ${text}`;
  };
  if (doc.documentElement.scrollWidth > width) problems.push({ kind: 'page-scrolls', where: `the page is ${doc.documentElement.scrollWidth} px wide` });

  const all = [...doc.body.querySelectorAll('*')];
  const rendered = (el: Element) => {
    const r = el.getBoundingClientRect();
    // A visually hidden element (1 px, clipped) is for screen readers only.
    return r.width > 1 && r.height > 1 && view(el).visibility !== 'hidden';
  };
  // A box that scrolls sideways: only a wide table's, keyboard-reachable and named.
  const scrollBoxes = all.filter((el) => {
    const overflow = view(el).overflowX;
    return (overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1;
  });
  for (const box of scrollBoxes) {
    const tableBox = box.querySelector('table') !== null && box.getAttribute('role') === 'region' && !!box.getAttribute('aria-label') && box.getAttribute('tabindex') === '0';
    if (!tableBox) problems.push({ kind: 'scroll-box', where: describe(box) });
  }
  const inScrollBox = (el: Element) => scrollBoxes.some((box) => box !== el && box.contains(el));
  for (const el of all) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    if (!rendered(el) || inScrollBox(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > width + 0.5 || r.left < -0.5) problems.push({ kind: 'sticks-out', where: `${describe(el)} (${Math.round(r.left)}–${Math.round(r.right)} px)` });
    const style = view(el);
    const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
    if (clips && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1 && !scrollBoxes.includes(el)) problems.push({ kind: 'cut-off', where: `${describe(el)} (${el.scrollWidth} px in ${el.clientWidth})` });
  }

  // A number on two lines: `12 930` must never read as `12` and `930`.
  const NUMBER = /(?<![\p{L}\p{N}_:.])[\u2212+-]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?(?!\p{N})/gu;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('svg, script, style, noscript')) continue;
    const text = node.textContent ?? '';
    for (const match of text.matchAll(NUMBER)) {
      const range = doc.createRange();
      range.setStart(node, match.index ?? 0);
      range.setEnd(node, (match.index ?? 0) + match[0].length);
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
      const lines = tops.filter((top, i) => tops.findIndex((t) => Math.abs(t - top) <= 2) === i);
      if (lines.length > 1) problems.push({ kind: 'broken-number', where: `“${match[0]}” in ${describe(parent)}` });
    }
  }
  return problems;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for the page's transitions and animations (a dialog fading in, a button's colours) to end,
 * and, with no dialog open, for the rest of the page to be shown again (a closed Fluent dialog's
 * modalizer takes `aria-hidden` off the page a moment after the dialog is gone): the checks see what stays.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const doc = (globalThis as unknown as { document: Document }).document;
    await Promise.all(doc.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined)));
  });
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: Document }).document;
    return doc.querySelector('[role="dialog"], [role="alertdialog"]') !== null || doc.querySelector('body > [aria-hidden="true"]:not([data-tabster-dummy])') === null;
  }, undefined, { timeout: 5_000 });
}

/**
 * The view as it is at 320 px: screenshotted (test-artifacts/<view>-320.png), then checked. The
 * viewport stays at 320 px. Waits up to two seconds for the layout to settle (the equity chart
 * redraws at its new width), then fails listing every problem.
 */
export async function expectFitsAt320(page: Page, view: string): Promise<void> {
  const size = page.viewportSize();
  if (size?.width !== PANE_WIDTH) await page.setViewportSize({ width: PANE_WIDTH, height: size?.height ?? 900 });
  await settled(page);
  let problems: LayoutProblem[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    problems = await page.evaluate(layoutProblems, PANE_WIDTH);
    if (problems.length === 0) break;
    await sleep(100);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, `${view}-320.png`), fullPage: true, animations: 'disabled' });
  if (problems.length > 0) throw new Error(`${view} at ${PANE_WIDTH} px:\n${problems.map((p) => `  ${p.kind}: ${p.where}`).join('\n')}`);
}

interface AxeNode {
  html: string;
  target: string[];
  failureSummary?: string;
  any: { id: string; data?: { messageKey?: string } | null; message: string }[];
}

interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

interface AxeRun {
  violations: AxeResult[];
  incomplete: AxeResult[];
  passes: AxeResult[];
}

/** axe-core's rules (`rules`: only these; `include`: only there) on the page, without Fluent's focus sentinels. */
function runAxe(page: Page, options: { rules?: string[]; include?: string } = {}): Promise<AxeRun> {
  return page.evaluate(async ({ tags, exclude, rules, include }) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeRun> } }).axe;
    const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags };
    const context = include ? { include: [include], exclude: [exclude] } : { exclude: [exclude] };
    const { violations, incomplete, passes } = await axe.run(context, { runOnly, resultTypes: ['violations', 'incomplete'] });
    return { violations, incomplete, passes };
  }, { tags: WCAG21_AA, exclude: FLUENT_FOCUS_SENTINELS, rules: options.rules ?? null, include: options.include ?? null });
}

const PARTLY_SCROLLED_OUT = 'elmPartiallyObscured';

/**
 * Text partly scrolled out of its box (a wide table, a long dialog) has a contrast axe-core cannot
 * measure. Each such box is scrolled through in half-box steps, its contrast measured at each
 * step: a text is decided where it was wholly in view. Returns the contrast results for `nodes`.
 */
async function contrastScrolledIntoView(page: Page, nodes: AxeNode[]): Promise<{ violations: AxeNode[]; undecided: AxeNode[] }> {
  // The texts and their boxes are marked, as axe-core names an element differently once its box is.
  const boxes = await page.evaluate((targets) => {
    const doc = (globalThis as unknown as { document: Document }).document;
    const view = (globalThis as unknown as { getComputedStyle: (el: Element) => CSSStyleDeclaration }).getComputedStyle;
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(view(el).overflowX) || ['auto', 'scroll'].includes(view(el).overflowY);
    const found: { id: string; positions: [number, number][] }[] = [];
    targets.forEach((target, i) => {
      const element = doc.querySelector(target);
      element?.setAttribute('data-contrast-node', String(i));
      let box = element?.parentElement ?? null;
      while (box && !(scrolls(box) && (box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight))) box = box.parentElement;
      if (!box || box.hasAttribute('data-contrast-box')) return;
      const id = String(found.length);
      box.setAttribute('data-contrast-box', id);
      const steps = (size: number, seen: number) => Array.from({ length: Math.ceil(Math.max(0, size - seen) / (seen / 2)) + 1 }, (_, j) => Math.min(j * (seen / 2), size - seen));
      const positions = steps(box.scrollWidth, box.clientWidth).flatMap((left) => steps(box.scrollHeight, box.clientHeight).map((top): [number, number] => [left, top]));
      found.push({ id, positions });
    });
    return found;
  }, nodes.map((n) => n.target[0]));
  const passed = new Set<number>();
  const failed = new Map<number, AxeNode>();
  try {
    for (const box of boxes) {
      for (const [left, top] of box.positions) {
        const run = await page.evaluate(async ({ id, left, top, exclude }) => {
          const doc = (globalThis as unknown as { document: Document }).document;
          const element = doc.querySelector(`[data-contrast-box="${id}"]`);
          element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          element?.scrollTo(left, top);
          const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeRun> } }).axe;
          const result = await axe.run({ include: [`[data-contrast-box="${id}"]`], exclude: [exclude] }, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['passes', 'violations'] });
          const marked = (n: AxeNode) => Number(doc.querySelector(n.target[0])?.getAttribute('data-contrast-node') ?? -1);
          return {
            passed: result.passes.flatMap((r) => r.nodes).map(marked).filter((i) => i >= 0),
            failed: result.violations.flatMap((r) => r.nodes).map((n): [number, AxeNode] => [marked(n), n]).filter(([i]) => i >= 0),
          };
        }, { id: box.id, left, top, exclude: FLUENT_FOCUS_SENTINELS });
        for (const i of run.passed) passed.add(i);
        for (const [i, node] of run.failed) failed.set(i, node);
      }
    }
  } finally {
    await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: Document }).document;
      for (const box of doc.querySelectorAll('[data-contrast-box]')) {
        box.scrollTo(0, 0);
        box.removeAttribute('data-contrast-box');
      }
      for (const node of doc.querySelectorAll('[data-contrast-node]')) node.removeAttribute('data-contrast-node');
    });
  }
  return { violations: [...failed.values()], undecided: nodes.filter((_n, i) => !passed.has(i) && !failed.has(i)) };
}

/**
 * Runs in the page: the contrast of the charts' SVG text (axe-core leaves text in an SVG image
 * undecided) against the page behind the chart, to WCAG 1.4.3 (4.5:1; 3:1 from 24 px, or 18.66 px bold).
 */
function svgTextContrast(): string[] {
  const doc = (globalThis as unknown as { document: Document }).document;
  const view = (globalThis as unknown as { getComputedStyle: (el: Element) => CSSStyleDeclaration }).getComputedStyle;
  const rgb = (color: string): number[] | null => {
    const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+))?\)/.exec(color);
    if (!m) return null;
    return m[4] !== undefined && Number(m[4]) === 0 ? null : [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  const luminance = ([r, g, b]: number[]) => {
    const [R, G, B] = [r, g, b].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const problems: string[] = [];
  for (const text of doc.querySelectorAll('svg text')) {
    if (text.getBoundingClientRect().width === 0) continue;
    const style = view(text);
    const fill = rgb(style.fill);
    let background: number[] | null = null;
    for (let el = text.closest('svg')?.parentElement ?? null; el && !background; el = el.parentElement) background = rgb(view(el).backgroundColor);
    if (!fill || !background) {
      problems.push(`${text.textContent}: no colour (${style.fill})`);
      continue;
    }
    const [light, dark] = [luminance(fill), luminance(background)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) problems.push(`chart text “${text.textContent}”: contrast ${ratio.toFixed(2)} (${style.fill} on rgb(${background.join(', ')}))`);
  }
  return problems;
}

/** Whether an undecided result is one this check decides otherwise. */
function decidedElsewhere(node: AxeNode, inModal: boolean[], index: number): boolean {
  const keys = node.any.map((check) => check.data?.messageKey);
  // One character (`0`, `–`): axe-core cannot tell it is text; its neighbours in the same style are checked.
  if (keys.includes('shortTextContent')) return true;
  // SVG text: svgTextContrast measures it.
  if (node.html.startsWith('<text')) return true;
  // Behind an open modal dialog: hidden from assistive technology and covered; checked as the view before.
  return inModal.length > 0 && !inModal[index];
}

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now. Fails listing each violation, and each
 * result axe-core could not decide (an `aria-labelledby` naming no element, a contrast it could
 * not measure) but those this check decides otherwise (decidedElsewhere).
 */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  await settled(page);
  // Evaluated over the DevTools protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const { violations, incomplete } = await runAxe(page);
  const contrast = incomplete.find((r) => r.id === 'color-contrast');
  const scrolledOut = contrast?.nodes.filter((n) => n.any.some((c) => c.data?.messageKey === PARTLY_SCROLLED_OUT)) ?? [];
  if (contrast && scrolledOut.length > 0) {
    const measured = await contrastScrolledIntoView(page, scrolledOut);
    if (measured.violations.length > 0) violations.push({ ...contrast, nodes: measured.violations });
    contrast.nodes = [...contrast.nodes.filter((n) => !scrolledOut.includes(n)), ...measured.undecided];
  }
  const undecided: AxeResult[] = [];
  for (const result of incomplete) {
    const nodes = result.nodes;
    const inModal = await page.evaluate((targets) => {
      const doc = (globalThis as unknown as { document: Document }).document;
      if (!doc.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]')) return [];
      return targets.map((t) => !!doc.querySelector(t)?.closest('[role="dialog"], [role="alertdialog"]'));
    }, nodes.map((n) => n.target[0]));
    const left = nodes.filter((n, i) => !decidedElsewhere(n, inModal, i));
    if (left.length > 0) undecided.push({ ...result, nodes: left });
  }
  const lines = [...violations.map((r) => ({ ...r, kind: 'violates' })), ...undecided.map((r) => ({ ...r, kind: 'cannot decide' }))]
    .map((r) => `  ${r.id} (${r.kind}, ${r.impact}): ${r.help}\n${r.nodes.map((n) => `    ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? n.any.map((c) => c.message).join('; ')).replace(/\s+/g, ' ')}`).join('\n')}`);
  lines.push(...(await page.evaluate(svgTextContrast)).map((problem) => `  ${problem}`));
  if (lines.length > 0) throw new Error(`${view}: axe-core's WCAG 2.1 A/AA rules:\n${lines.join('\n')}`);
}

/** Both checks of a view: axe-core's rules, then 320 px (which leaves the viewport at 320 px). */
export async function expectGoodView(page: Page, view: string): Promise<void> {
  const failures: string[] = [];
  for (const check of [expectAccessible, expectFitsAt320]) await check(page, view).catch((e: Error) => failures.push(e.message));
  if (failures.length === 0) return;
  throw new Error(failures.join('\n'));
}

/** Whether the locator's element has the focus. */
export const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === el.ownerDocument.activeElement);

/** Presses Tab (or Shift+Tab) until the locator's element has the focus; fails after `max` presses. Returns the presses. */
export async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}): Promise<number> {
  const max = options.max ?? 40;
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) return presses;
  }
  const focused = await page.evaluate(() => {
    const el = (globalThis as unknown as { document: Document }).document.activeElement;
    return el ? `<${el.tagName.toLowerCase()}> ${(el.textContent ?? '').trim().slice(0, 60)}` : 'nothing';
  });
  throw new Error(`${max} presses of ${options.back ? 'Shift+Tab' : 'Tab'} did not reach ${target.toString()} (the focus is on ${focused})`);
}

/**
 * The focused element shows that it has the focus: its screenshot (with a margin for an outline)
 * differs from the same element's without the focus. The focus is put back afterwards.
 */
export async function expectFocusVisible(page: Page): Promise<void> {
  const focused = await page.evaluateHandle(() => (globalThis as unknown as { document: Document }).document.activeElement);
  const box = await focused.evaluate((el) => {
    if (!el || el === el.ownerDocument.body) return null;
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height, text: `<${el.tagName.toLowerCase()}> ${(el.textContent ?? '').trim().slice(0, 60)}` };
  });
  if (!box) throw new Error('nothing has the focus');
  const size = page.viewportSize() ?? { width: PANE_WIDTH, height: 900 };
  const x = Math.max(0, Math.floor(box.x - 4));
  const y = Math.max(0, Math.floor(box.y - 4));
  const clip = { x, y, width: Math.min(size.width - x, Math.ceil(box.width + 8)), height: Math.min(size.height - y, Math.ceil(box.height + 8)) };
  const withFocus = await page.screenshot({ clip, animations: 'disabled' });
  await focused.evaluate((el) => (el as HTMLElement).blur());
  const without = await page.screenshot({ clip, animations: 'disabled' });
  await focused.evaluate((el) => (el as HTMLElement).focus());
  if (withFocus.equals(without)) throw new Error(`the focus on ${box.text} cannot be seen`);
}

/** Tabs to the locator's element, checks that its focus can be seen, and presses `key` on it. */
export async function pressFromKeyboard(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target, { max: 80 });
  await expectFocusVisible(page);
  await page.keyboard.press(key);
}

/** Tab and Shift+Tab, each round the dialog and more, never take the focus out of it. */
export async function expectFocusTrapped(page: Page, dialog: Locator): Promise<void> {
  const focusables = await dialog.evaluate((el) => el.querySelectorAll('button, [href], summary, input, select, textarea, [tabindex]:not([tabindex="-1"])').length);
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < focusables + 2; i++) {
      await page.keyboard.press(key);
      const inside = await dialog.evaluate((el) => el.contains(el.ownerDocument.activeElement));
      if (!inside) throw new Error(`${key} number ${i + 1} took the focus out of the dialog`);
    }
  }
}
