import { mount } from 'svelte';
import { startI18n } from '../lib/i18n/index.svelte.js';
import { detectPlatform } from '../platform/index.js';
import App from './App.svelte';
import { ConsoleModel } from './state/console.svelte.js';
import '../styles/theme.css';
import './console.css';
import './session.css';

// English is bundled with the app; French and German load when chosen.
const english = import.meta.glob<{ default: Record<string, string> }>(
  ['../lib/i18n/catalogs/common*.en.json', '../lib/i18n/catalogs/console*.en.json'],
  { eager: true },
);

void startI18n('console', english)
  .catch(() => undefined) // a catalogue that fails to load leaves English, never a blank page
  .then(() => {
    // The platform is chosen once, here: the desktop preload's capabilities, or the browser's.
    const app = new ConsoleModel(detectPlatform());
    mount(App, { target: document.getElementById('app')!, props: { app } });
    app.start();
  });
