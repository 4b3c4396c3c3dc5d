/**
 * Unit tests read English: every English catalogue is loaded before each test file, so renderer
 * modules that say things through t() work in Node as they do in the page.
 */
import { readdirSync, readFileSync } from 'node:fs';

type Catalogue = { default: Record<string, string> };
const dir = new URL('../../src-renderer/lib/i18n/catalogs/', import.meta.url);
const english: Record<string, Catalogue> = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.en.json'))
    .map((f) => [f, { default: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Record<string, string> }]),
);

/*
 * The i18n module is renderer code (DOM and Vite types, checked by the renderer's tsconfig); the root
 * tsconfig that checks tests has neither, so it is loaded by a specifier tsc does not follow.
 */
const i18nModule = '../../src-renderer/lib/i18n/index.svelte.js';
const { startI18n } = (await import(i18nModule)) as { startI18n: (area: string, english: Record<string, Catalogue>, initial?: string) => Promise<void> };
await startI18n('portal', english, 'en-US');
