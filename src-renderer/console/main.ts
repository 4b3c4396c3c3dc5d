import { mount } from 'svelte';
import { detectPlatform } from '../platform/index.js';
import App from './App.svelte';
import { ConsoleModel } from './state/console.svelte.js';
import '../styles/theme.css';
import './console.css';
import './session.css';

// The platform is chosen once, here: the desktop preload's capabilities, or the browser's.
const app = new ConsoleModel(detectPlatform());
mount(App, { target: document.getElementById('app')!, props: { app } });
app.start();
