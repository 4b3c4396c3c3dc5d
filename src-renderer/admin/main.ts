import { mount } from 'svelte';
import { startI18n } from '../lib/i18n/index.svelte.js';
import App from './App.svelte';
import '../styles/theme.css';
import './admin.css';
import './account.css';

// English is bundled with the app; French and German load when chosen.
const english = import.meta.glob<{ default: Record<string, string> }>(
  ['../lib/i18n/catalogs/common*.en.json', '../lib/i18n/catalogs/admin*.en.json'],
  { eager: true },
);

void startI18n('admin', english)
  .catch(() => undefined) // a catalogue that fails to load leaves English, never a blank page
  .then(() => {
    mount(App, { target: document.getElementById('app')! });
  });
