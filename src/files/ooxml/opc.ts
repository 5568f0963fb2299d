import type { ZipCodec } from './codec';
import { applySplices, attribute, children, decodeXml, encodeXml, escapeXml, localName, rootElement, type Element } from './xml';
import { entryBytes, newEntry, readPackage, withContent, writePackage, type PackageEntry } from './zipPackage';

// Browser-safe. The package's parts by name (Open Packaging Conventions: part names are
// case-insensitive, relationship targets relative to their source part), its relationships and
// its content types, changed by splicing the few elements Budgetkoll adds or takes away.

export const TRANSITIONAL_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const STRICT_RELATIONSHIPS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES_PART = '[Content_Types].xml';

export class PartError extends Error {}

/** The parts of a package, read as text when asked, changed, added and removed; written back with every other entry as it was. */
export class PackageParts {
  private readonly entries: PackageEntry[];
  private readonly byName = new Map<string, PackageEntry>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  /** Parts the package did not have, by lower-case name. */
  private readonly newNames = new Map<string, string>();
  private readonly comment: Uint8Array;

  constructor(data: Uint8Array, private readonly codec: ZipCodec) {
    const pkg = readPackage(data);
    this.entries = pkg.entries;
    this.comment = pkg.comment;
    for (const e of pkg.entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** The part's name as the zip has it, or undefined. */
  find(name: string): string | undefined {
    const key = name.toLowerCase();
    if (this.removed.has(key)) return undefined;
    return this.byName.get(key)?.name ?? this.newNames.get(key);
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** Every part name now in the package. */
  names(): string[] {
    const names = this.entries.map((e) => e.name).filter((n) => !this.removed.has(n.toLowerCase()));
    return [...names, ...[...this.newNames].filter(([k]) => !this.removed.has(k)).map(([, name]) => name)];
  }

  async text(name: string): Promise<string> {
    const key = name.toLowerCase();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const entry = this.byName.get(key);
    if (!entry || this.removed.has(key)) throw new PartError(`${name} is missing`);
    const text = decodeXml(await entryBytes(entry, this.codec));
    if (text === null) throw new PartError(`${name} is not UTF-8`);
    this.texts.set(key, text);
    return text;
  }

  async textOrNull(name: string): Promise<string | null> {
    return this.has(name) ? this.text(name) : null;
  }

  set(name: string, text: string): void {
    const key = name.toLowerCase();
    this.removed.delete(key);
    this.texts.set(key, text);
    this.changed.add(key);
    if (!this.byName.has(key)) this.newNames.set(key, name);
  }

  remove(name: string): void {
    this.removed.add(name.toLowerCase());
  }

  /** A part name `prefix` + n + `suffix` not in the package yet, n from 1. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  async write(): Promise<Uint8Array> {
    const like = this.byName.get(CONTENT_TYPES_PART.toLowerCase()) ?? this.entries[0];
    const out: PackageEntry[] = [];
    for (const entry of this.entries) {
      const key = entry.name.toLowerCase();
      if (this.removed.has(key)) continue;
      out.push(this.changed.has(key) ? await withContent(entry, encodeXml(this.texts.get(key) as string), this.codec) : entry);
    }
    for (const [key, name] of this.newNames) {
      if (this.removed.has(key) || this.byName.has(key)) continue;
      out.push(await withContent(newEntry(name, like), encodeXml(this.texts.get(key) as string), this.codec));
    }
    return writePackage({ entries: out, comment: this.comment });
  }
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; the package's own: `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name (no leading '/'), from the part that holds it. */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A '%' that escapes nothing stands for itself.
  }
  const base = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** The target a relationship from `source` writes for the part `target`: `../comments1.xml`. */
export function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  element: Element;
}

/** `…/relationships/worksheet` → `worksheet`, transitional or strict alike. */
export const relationshipKind = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

export function relationships(xml: string): Relationship[] {
  return children(xml, rootElement(xml)).filter((e) => localName(e.tag.name) === 'Relationship').map((element) => ({
    id: attribute(xml, element.tag, 'Id') ?? '',
    type: attribute(xml, element.tag, 'Type') ?? '',
    target: attribute(xml, element.tag, 'Target') ?? '',
    external: attribute(xml, element.tag, 'TargetMode') === 'External',
    element,
  }));
}

/** The package's relationships of one kind from `source`, resolved to part names. */
export async function relatedParts(parts: PackageParts, source: string, kind: string): Promise<{ id: string; part: string }[]> {
  const xml = await parts.textOrNull(relsPartOf(source));
  if (xml === null) return [];
  return relationships(xml).filter((r) => !r.external && relationshipKind(r.type) === kind).map((r) => ({ id: r.id, part: resolveTarget(source, r.target) }));
}

const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"></Relationships>`;

/** A relationship added to `source`'s rels part (made if there is none); its new id. */
export async function addRelationship(parts: PackageParts, source: string, type: string, target: string): Promise<string> {
  const relsPart = relsPartOf(source);
  const xml = (await parts.textOrNull(relsPart)) ?? EMPTY_RELS;
  const taken = new Set(relationships(xml).map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const root = rootElement(xml);
  const prefix = root.tag.name.includes(':') ? root.tag.name.slice(0, root.tag.name.indexOf(':') + 1) : '';
  const element = `<${prefix}Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(source, target))}"/>`;
  parts.set(relsPart, insertChild(xml, root, element));
  return id;
}

/** `source`'s relationships that match taken out of its rels part. */
export async function removeRelationships(parts: PackageParts, source: string, matches: (r: Relationship) => boolean): Promise<void> {
  const relsPart = relsPartOf(source);
  const xml = await parts.textOrNull(relsPart);
  if (xml === null) return;
  const gone = relationships(xml).filter(matches);
  if (gone.length > 0) parts.set(relsPart, applySplices(xml, gone.map((r) => ({ start: r.element.tag.start, end: r.element.end, text: '' }))));
}

/** `text` added as the last child of `parent` (opening an empty element). */
export function insertChild(xml: string, parent: Element, text: string): string {
  if (parent.tag.kind === 'empty') {
    const open = xml.slice(parent.tag.start, parent.tag.end - 2).replace(/\s+$/, '');
    return applySplices(xml, [{ start: parent.tag.start, end: parent.tag.end, text: `${open}>${text}</${parent.tag.name}>` }]);
  }
  return applySplices(xml, [{ start: parent.contentEnd, end: parent.contentEnd, text }]);
}

/** The content types part: what each part is, by Override or by its extension's Default. */
export class ContentTypes {
  constructor(private readonly parts: PackageParts) {}

  private async xml(): Promise<string> {
    return this.parts.text(CONTENT_TYPES_PART);
  }

  async of(part: string): Promise<string | undefined> {
    const xml = await this.xml();
    const items = children(xml, rootElement(xml));
    const override = items.find((e) => localName(e.tag.name) === 'Override' && namesPart(attribute(xml, e.tag, 'PartName'), part));
    if (override) return attribute(xml, override.tag, 'ContentType');
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    const byDefault = items.find((e) => localName(e.tag.name) === 'Default' && (attribute(xml, e.tag, 'Extension') ?? '').toLowerCase() === ext);
    return byDefault ? attribute(xml, byDefault.tag, 'ContentType') : undefined;
  }

  /** Gives `part` its own Override (unless its extension's Default already says `type`). */
  async declare(part: string, type: string): Promise<void> {
    if ((await this.of(part)) === type) return;
    await this.remove(part);
    const xml = await this.xml();
    const root = rootElement(xml);
    this.parts.set(CONTENT_TYPES_PART, insertChild(xml, root, `<${prefix(root)}Override PartName="/${escapeXml(encodePartName(part))}" ContentType="${escapeXml(type)}"/>`));
  }

  /** A Default for an extension the package does not have one for yet. */
  async declareExtension(ext: string, type: string): Promise<void> {
    const xml = await this.xml();
    const root = rootElement(xml);
    const items = children(xml, root);
    if (items.some((e) => localName(e.tag.name) === 'Default' && (attribute(xml, e.tag, 'Extension') ?? '').toLowerCase() === ext)) return;
    // Defaults come before Overrides (as Excel writes them; the schema allows either order).
    const firstOverride = items.find((e) => localName(e.tag.name) === 'Override');
    const text = `<${prefix(root)}Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(type)}"/>`;
    this.parts.set(CONTENT_TYPES_PART, firstOverride ? applySplices(xml, [{ start: firstOverride.tag.start, end: firstOverride.tag.start, text }]) : insertChild(xml, root, text));
  }

  /** The part's Override taken out. */
  async remove(part: string): Promise<void> {
    const xml = await this.xml();
    const gone = children(xml, rootElement(xml)).filter((e) => localName(e.tag.name) === 'Override' && namesPart(attribute(xml, e.tag, 'PartName'), part));
    if (gone.length > 0) this.parts.set(CONTENT_TYPES_PART, applySplices(xml, gone.map((e) => ({ start: e.tag.start, end: e.end, text: '' }))));
  }
}

/** Whether an Override's PartName (percent-encoded, with its '/') is the part. */
function namesPart(partName: string | undefined, part: string): boolean {
  if (partName === undefined) return false;
  let decoded = partName;
  try {
    decoded = decodeURIComponent(partName);
  } catch {
    // As written.
  }
  return decoded.toLowerCase() === `/${part}`.toLowerCase();
}

const prefix = (root: Element): string => (root.tag.name.includes(':') ? root.tag.name.slice(0, root.tag.name.indexOf(':') + 1) : '');

/** A part name as a URI path: each segment percent-encoded where it must be. */
const encodePartName = (part: string): string => part.split('/').map(encodeURIComponent).join('/');
