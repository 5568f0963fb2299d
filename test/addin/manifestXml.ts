// Reads a manifest with office-addin-manifest and takes apart what the tests check.
//
// office-addin-manifest needs an ES-module-only package (uuid) that jest's module system cannot
// load, so its readManifestFile and its XML parser (the ManifestHandlerXml office-addin-debugging
// uses too) run in a plain Node process; its XML helpers (lib/xml, plain CommonJS) run here.
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { crc32, inflateSync } from 'zlib';
import type { ManifestInfo } from 'office-addin-manifest/lib/manifestInfo';
import { getXmlAttributeValue, getXmlElement, getXmlElementAttributeValue, getXmlElements, type Xml } from 'office-addin-manifest/lib/xml';

export const ROOT = path.resolve(__dirname, '../..');

const READ = `
const { OfficeAddinManifest } = require('office-addin-manifest');
const { ManifestHandlerXml } = require('office-addin-manifest/lib/manifestHandler/manifestHandlerXml');
const file = process.argv[1];
Promise.all([OfficeAddinManifest.readManifestFile(file), new ManifestHandlerXml(file).parseXmlAsync()])
  .then(([info, xml]) => process.stdout.write(JSON.stringify({ info, xml })))
  .catch((err) => { console.error(String(err)); process.exit(1); });
`;

export interface Manifest {
  info: ManifestInfo;
  /** The xml2js tree (attributes in `$`, children in arrays), from the root element down. */
  app: Xml;
}

export function readManifest(file: string): Manifest {
  const out = execFileSync(process.execPath, ['-e', READ, path.resolve(file)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const { info, xml } = JSON.parse(out) as { info: ManifestInfo; xml: { OfficeApp: Xml } };
  return { info, app: xml.OfficeApp };
}

/** The element path down from `xml`, first match at each step. */
export function element(xml: Xml, ...names: string[]): Xml | undefined {
  return names.reduce<Xml | undefined>((at, name) => (at === undefined ? undefined : getXmlElement(at, name)), xml);
}

export const attribute = (xml: Xml, name: string): string | undefined => getXmlAttributeValue(xml, name);

/** Every URL in the manifest (attribute values and text), where it is, xmlns declarations aside. */
export function allUrls(xml: Xml, where = 'OfficeApp'): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  const isUrl = (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text.trim()) && /\/\/|^mailto:/i.test(text.trim());
  if (typeof xml === 'string') return isUrl(xml) ? [{ where, url: xml.trim() }] : [];
  for (const [key, value] of Object.entries(xml as Record<string, unknown>)) {
    if (key === '$') {
      for (const [name, text] of Object.entries(value as Record<string, string>)) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        if (isUrl(text)) found.push({ where: `${where}@${name}`, url: text });
      }
    } else if (key === '_') {
      if (isUrl(String(value))) found.push({ where, url: String(value).trim() });
    } else if (Array.isArray(value)) {
      value.forEach((child, i) => found.push(...allUrls(child, `${where}/${key}[${i}]`)));
    }
  }
  return found;
}

export interface Resources {
  images: Map<string, string>;
  urls: Map<string, string>;
  /** Short and long strings: the default (sv-SE) text and the overrides by locale. */
  strings: Map<string, { text: string; overrides: Map<string, string> }>;
}

export function resources(app: Xml): Resources {
  const res = element(app, 'VersionOverrides', 'Resources');
  const byId = (container: string, item: string) =>
    new Map<string, string>(getXmlElements(element(res, container), item).map((x: Xml) => [attribute(x, 'id') as string, attribute(x, 'DefaultValue') as string]));
  const strings = new Map<string, { text: string; overrides: Map<string, string> }>();
  for (const container of ['bt:ShortStrings', 'bt:LongStrings']) {
    for (const s of getXmlElements(element(res, container), 'bt:String')) {
      const overrides = new Map<string, string>(getXmlElements(s, 'bt:Override').map((o: Xml) => [attribute(o, 'Locale') as string, attribute(o, 'Value') as string]));
      strings.set(attribute(s, 'id') as string, { text: attribute(s, 'DefaultValue') as string, overrides });
    }
  }
  return { images: byId('bt:Images', 'bt:Image'), urls: byId('bt:Urls', 'bt:Url'), strings };
}

export interface RibbonButton {
  host: string;
  tab: string;
  id: string;
  label: string | undefined;
  tooltip: string | undefined;
  action: string | undefined;
  /** The task pane the button shows (its bt:Url). */
  url: string | undefined;
  /** size → URL, for the button's icon and its group's. */
  icons: { size: number; resid: string; url: string | undefined }[];
}

/** The buttons on the ribbon (PrimaryCommandSurface) of each VersionOverrides host. */
export function ribbonButtons(app: Xml): RibbonButton[] {
  const res = resources(app);
  const iconsOf = (icon: Xml) =>
    getXmlElements(icon, 'bt:Image').map((img: Xml) => ({ size: Number(attribute(img, 'size')), resid: attribute(img, 'resid') as string, url: res.images.get(attribute(img, 'resid') as string) }));
  const buttons: RibbonButton[] = [];
  for (const host of getXmlElements(element(app, 'VersionOverrides', 'Hosts'), 'Host')) {
    for (const point of getXmlElements(element(host, 'DesktopFormFactor'), 'ExtensionPoint')) {
      if (attribute(point, 'xsi:type') !== 'PrimaryCommandSurface') continue;
      for (const tab of getXmlElements(point, 'OfficeTab')) {
        for (const group of getXmlElements(tab, 'Group')) {
          for (const control of getXmlElements(group, 'Control')) {
            if (attribute(control, 'xsi:type') !== 'Button') continue;
            const action = element(control, 'Action');
            buttons.push({
              host: attribute(host, 'xsi:type') as string,
              tab: attribute(tab, 'id') as string,
              id: attribute(control, 'id') as string,
              label: res.strings.get(getXmlElementAttributeValue(control, 'Label', 'resid') as string)?.text,
              tooltip: res.strings.get(getXmlElementAttributeValue(element(control, 'Supertip'), 'Description', 'resid') as string)?.text,
              action: action && attribute(action, 'xsi:type'),
              url: action && res.urls.get(getXmlElementAttributeValue(action, 'SourceLocation', 'resid') as string),
              icons: [...iconsOf(element(group, 'Icon')), ...iconsOf(element(control, 'Icon'))],
            });
          }
        }
      }
    }
  }
  return buttons;
}

/** Every icon URL with the size in pixels the manifest asks of it. */
export function iconUrls(manifest: Manifest): { where: string; url: string; size: number }[] {
  const { info } = manifest;
  const icons = [
    { where: 'IconUrl', url: info.iconUrl as string, size: 32 },
    { where: 'HighResolutionIconUrl', url: info.highResolutionIconUrl as string, size: 64 },
  ];
  for (const button of ribbonButtons(manifest.app)) {
    for (const icon of button.icons) icons.push({ where: `${button.host} ${button.id} ${icon.resid}`, url: icon.url as string, size: icon.size });
  }
  return icons;
}

export interface Png {
  width: number;
  height: number;
  colorType: number;
  /** RGBA rows without their filter bytes (filter 0 only). */
  rgba?: Buffer;
}

/** A PNG's IHDR size, after checking the signature and every chunk's CRC. */
export function readPng(file: string): Png {
  const bytes = readFileSync(file);
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error(`${file}: not a PNG`);
  let at = 8;
  const idat: Buffer[] = [];
  let ihdr: Buffer | undefined;
  let ended = false;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) throw new Error(`${file}: bad CRC in ${type}`);
    if (at === 8 && type !== 'IHDR') throw new Error(`${file}: IHDR is not first`);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!ihdr || !ended) throw new Error(`${file}: no IHDR or IEND`);
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const colorType = ihdr[9];
  const raw = inflateSync(Buffer.concat(idat));
  let rgba: Buffer | undefined;
  if (ihdr[8] === 8 && colorType === 6 && ihdr[12] === 0 && raw.length === height * (1 + width * 4)) {
    const rows: Buffer[] = [];
    for (let y = 0; y < height; y++) {
      const row = raw.subarray(y * (1 + width * 4), (y + 1) * (1 + width * 4));
      if (row[0] !== 0) return { width, height, colorType };
      rows.push(row.subarray(1));
    }
    rgba = Buffer.concat(rows);
  }
  return { width, height, colorType, rgba };
}
