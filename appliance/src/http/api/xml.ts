/**
 * A tiny XML writer for the integration APIs: elements from plain values, every text and attribute
 * escaped, and characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/F)
 * replaced, so a hostile chat line can neither break the document nor make it invalid.
 */

export type XmlAttrs = Record<string, string | number | boolean | null | undefined>;
/** An element: name, attributes, and either text or child elements (null children are skipped). */
export interface XmlNode {
  name: string;
  attrs?: XmlAttrs;
  text?: string | number | null;
  children?: (XmlNode | null | undefined | false)[];
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: `&`, `<`, `>` escaped; characters XML cannot hold become U+FFFD. */
export function escapeText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and tabs and line breaks as references so they survive normalisation. */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

// Carriage returns in text would be normalised away by any parser: keep them as references.
const textOf = (v: string | number): string => escapeText(String(v)).replace(/\r/g, '&#13;');

function attrsOf(attrs: XmlAttrs | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    out += ` ${k}="${escapeAttr(typeof v === 'boolean' ? (v ? '1' : '0') : String(v))}"`;
  }
  return out;
}

function write(node: XmlNode, out: string[]): void {
  const open = `<${node.name}${attrsOf(node.attrs)}`;
  const kids = (node.children ?? []).filter((c): c is XmlNode => !!c);
  if (kids.length) {
    out.push(`${open}>`);
    for (const k of kids) write(k, out);
    out.push(`</${node.name}>`);
  } else if (node.text !== undefined && node.text !== null && node.text !== '') out.push(`${open}>${textOf(node.text)}</${node.name}>`);
  else out.push(`${open} />`);
}

/** A whole document: the declaration, then the root element with its namespace. */
export function xmlDocument(root: XmlNode, namespace: string): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write({ ...root, attrs: { xmlns: namespace, ...root.attrs } }, out);
  out.push('\n');
  return out.join('');
}

/** Shorthand for an element. */
export const el = (name: string, content?: string | number | null | (XmlNode | null | undefined | false)[], attrs?: XmlAttrs): XmlNode =>
  Array.isArray(content) ? { name, attrs, children: content } : { name, attrs, text: content ?? null };

/** 1 / 0, as the vendor writes booleans. */
export const flag = (b: boolean): string => (b ? '1' : '0');
