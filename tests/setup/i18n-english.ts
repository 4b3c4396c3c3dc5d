/**
 * Unit tests read English: every English catalogue is loaded before each test file, so renderer
 * modules that say things through t() work in Node as they do in the page.
 */
import { startI18n } from '../../src-renderer/lib/i18n/index.svelte.js';

const english = import.meta.glob<{ default: Record<string, string> }>('../../src-renderer/lib/i18n/catalogs/*.en.json', { eager: true });
await startI18n('portal', english, 'en-US');
