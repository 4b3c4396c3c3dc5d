// Finds UI words that do not come from a message catalogue, and checks the catalogues themselves.
// Used by tests/i18n/catalogs.test.ts and by hand: `node scripts/i18n-scan.mjs [console|admin|portal|lib]`
// lists what is left to translate, file:line, so the catalogue work has a to-do list.
//
// What counts as a UI string (in .svelte templates): text between tags, literal values of attributes
// people read (title, placeholder, aria-label, alt, label...), and string literals a mustache
// renders ({busy ? 'Saving…' : ...}). Keys passed to t('...') must exist in English. Scripts and
// .ts modules are not parsed for sentences (too many false alarms); their labels go through t() by
// convention, and missing keys are still caught.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'svelte/compiler';
import { IntlMessageFormat } from 'intl-messageformat';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RENDERER = join(ROOT, 'src-renderer');
const CATALOGS = join(RENDERER, 'lib', 'i18n', 'catalogs');
export const AREAS = ['console', 'admin', 'portal', 'lib'];
export const LANGS = ['en', 'fr', 'de'];
/** The catalogue areas checkCatalogs compares across languages ('desktop': the Electron main process's words). */
export const CATALOG_AREAS = ['common', 'console', 'admin', 'portal', 'desktop'];

/** Attributes whose literal value a person reads. */
const READ_ATTRIBUTES = new Set([
  'title', 'placeholder', 'aria-label', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext',
  'label', 'lead', 'hint', 'heading', 'text', 'message', 'description', 'caption', 'legend', 'subtitle',
  'confirmLabel', 'cancelLabel', 'emptyText', 'empty', 'tooltip',
]);

const allowed = new Set(JSON.parse(readFileSync(join(RENDERER, 'lib', 'i18n', 'untranslatable.json'), 'utf8')));
const hasWords = (s) => /\p{L}{2,}/u.test(s);
const isUiString = (s) => hasWords(s) && !allowed.has(s.trim().replace(/\s+/g, ' '));

function walkFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walkFiles(p, out);
    else if (/\.(svelte|ts)$/.test(name) && !/\.test\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/** The area a renderer file belongs to: its app's folder; shared code (lib, platform, shared-http) is "lib". */
export function areaOf(file) {
  const top = relative(RENDERER, file).split(sep)[0];
  return ['console', 'admin', 'portal'].includes(top) ? top : 'lib';
}

function lineOf(source, index) {
  let line = 1;
  for (let i = 0; i < index && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** String literals an expression would render (not the ones it compares or indexes with). */
function renderedLiterals(node, out = []) {
  if (!node) return out;
  switch (node.type) {
    case 'Literal': if (typeof node.value === 'string') out.push(node); break;
    case 'TemplateLiteral': for (const q of node.quasis) if (hasWords(q.value.cooked ?? '')) out.push({ ...q, value: q.value.cooked }); for (const e of node.expressions) renderedLiterals(e, out); break;
    case 'ConditionalExpression': renderedLiterals(node.consequent, out); renderedLiterals(node.alternate, out); break;
    case 'LogicalExpression': renderedLiterals(node.left, out); renderedLiterals(node.right, out); break;
    case 'BinaryExpression': if (node.operator === '+') { renderedLiterals(node.left, out); renderedLiterals(node.right, out); } break;
    default: break;
  }
  return out;
}

function scanSvelte(file, source, problems) {
  let ast;
  try { ast = parse(source, { modern: true }); }
  catch (e) { problems.push({ file, line: 1, text: `unparsable: ${e.message}` }); return; }
  const report = (node, text) => problems.push({ file, line: lineOf(source, node.start ?? 0), text: text.trim().replace(/\s+/g, ' ') });
  const visit = (node, parentName) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { for (const n of node) visit(n, parentName); return; }
    switch (node.type) {
      case 'Text':
        if (parentName !== 'style' && parentName !== 'script' && isUiString(node.data)) report(node, node.data);
        return;
      case 'ExpressionTag':
        for (const lit of renderedLiterals(node.expression)) if (isUiString(String(lit.value))) report(lit, String(lit.value));
        return;
      case 'Attribute':
        if (READ_ATTRIBUTES.has(node.name) && Array.isArray(node.value)) {
          for (const v of node.value) {
            if (v.type === 'Text' && isUiString(v.data)) report(v, v.data);
            if (v.type === 'ExpressionTag') for (const lit of renderedLiterals(v.expression)) if (isUiString(String(lit.value))) report(lit, String(lit.value));
          }
        } else if (READ_ATTRIBUTES.has(node.name) && node.value && node.value.type === 'ExpressionTag') {
          for (const lit of renderedLiterals(node.value.expression)) if (isUiString(String(lit.value))) report(lit, String(lit.value));
        }
        return;
      default:
        break;
    }
    const name = node.type === 'RegularElement' || node.type === 'SvelteElement' ? node.name : parentName;
    for (const key of ['attributes', 'fragment', 'nodes', 'body', 'consequent', 'alternate', 'pending', 'then', 'catch', 'fallback']) {
      if (node[key]) visit(node[key], name);
    }
  };
  visit(ast.fragment, undefined);
}

/** Keys used as t('literal') anywhere in the file. */
function usedKeys(source) {
  const keys = [];
  const re = /\bt\(\s*(['"])([a-zA-Z0-9_.-]+)\1/g;
  let m;
  while ((m = re.exec(source))) keys.push({ key: m[2], index: m.index });
  return keys;
}

/** Catalogue files are "<area>.<lang>.json" or "<area>-<part>.<lang>.json" (one part per team of writers). */
export function catalogFiles(area, lang) {
  const own = new RegExp(`^${area}(-[a-z0-9-]+)?\\.${lang}\\.json$`);
  return readdirSync(CATALOGS).filter((f) => own.test(f)).sort();
}

/** Every file of the area merged; a key defined in two parts is a problem reported by checkCatalogs. */
export function loadCatalog(area, lang) {
  return Object.assign({}, ...catalogFiles(area, lang).map((f) => JSON.parse(readFileSync(join(CATALOGS, f), 'utf8'))));
}

/** The catalogue files an area reads: common plus its own (lib reads common only). */
const catalogAreas = (area) => (area === 'lib' ? ['common'] : ['common', area]);

/** UI strings outside catalogues and t() keys missing from English, per file. */
export function scanRenderer(areas = AREAS) {
  const problems = [];
  const english = Object.fromEntries(['common', 'console', 'admin', 'portal'].map((a) => [a, loadCatalog(a, 'en')]));
  for (const file of walkFiles(RENDERER)) {
    const area = areaOf(file);
    if (!areas.includes(area)) continue;
    const source = readFileSync(file, 'utf8');
    const rel = relative(ROOT, file);
    const fileProblems = [];
    if (file.endsWith('.svelte')) scanSvelte(rel, source, fileProblems);
    for (const { key, index } of usedKeys(source)) {
      if (!catalogAreas(area).some((a) => key in english[a])) fileProblems.push({ file: rel, line: lineOf(source, index), text: `missing key ${key}` });
    }
    problems.push(...fileProblems.map((p) => ({ ...p, area })));
  }
  return problems;
}

function argumentsOf(message) {
  const names = new Set();
  const walk = (els) => {
    for (const el of els) {
      if (el.value !== undefined && el.type !== 0) names.add(el.value);
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst());
  return [...names].sort().join(',');
}

/**
 * English messages kept with the protocol (src-renderer/lib/i18n/protocol-english.ts), bundled with
 * esbuild so this script stays plain JavaScript.
 */
export async function loadProtocolEnglish() {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [join(RENDERER, 'lib', 'i18n', 'protocol-english.ts')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return mod.protocolEnglish();
}

/**
 * Every catalogue has the same keys as English, parses as ICU, and uses the same arguments.
 * `protocolEnglish`: the English of the common area that is not in a file (loadProtocolEnglish).
 */
export function checkCatalogs(protocolEnglish = {}) {
  const problems = [];
  for (const area of CATALOG_AREAS) {
    const seen = new Map();
    for (const f of catalogFiles(area, 'en')) {
      for (const key of Object.keys(JSON.parse(readFileSync(join(CATALOGS, f), 'utf8')))) {
        if (seen.has(key)) problems.push(`${area}: ${key} is in both ${seen.get(key)} and ${f}`);
        seen.set(key, f);
      }
    }
    for (const lang of LANGS) {
      const parts = catalogFiles(area, lang).map((f) => f.replace(`.${lang}.json`, ''));
      const enParts = catalogFiles(area, 'en').map((f) => f.replace('.en.json', ''));
      for (const part of enParts) if (!parts.includes(part)) problems.push(`${area}.${lang}: no ${part}.${lang}.json`);
    }
    const en = { ...loadCatalog(area, 'en'), ...(area === 'common' ? protocolEnglish : {}) };
    for (const lang of LANGS) {
      const cat = lang === 'en' ? en : loadCatalog(area, lang);
      for (const key of Object.keys(en)) if (!(key in cat)) problems.push(`${area}.${lang}: missing ${key}`);
      for (const key of Object.keys(cat)) {
        if (!(key in en)) { problems.push(`${area}.${lang}: ${key} is not in English`); continue; }
        if (typeof cat[key] !== 'string' || cat[key].trim() === '') { problems.push(`${area}.${lang}: ${key} is empty`); continue; }
        try {
          if (argumentsOf(cat[key]) !== argumentsOf(en[key])) problems.push(`${area}.${lang}: ${key} uses {${argumentsOf(cat[key])}}, English uses {${argumentsOf(en[key])}}`);
        } catch (e) { problems.push(`${area}.${lang}: ${key} is not a valid ICU message (${e.message})`); }
      }
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const areas = process.argv.slice(2).length ? process.argv.slice(2) : AREAS;
  const problems = scanRenderer(areas);
  for (const p of problems) console.log(`${p.file}:${p.line}  ${p.text}`);
  const cat = checkCatalogs(await loadProtocolEnglish());
  for (const c of cat) console.log(`catalogue  ${c}`);
  console.log(`${problems.length} untranslated or unknown in ${areas.join(', ')}; ${cat.length} catalogue problems`);
}
