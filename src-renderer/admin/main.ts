import { mount } from 'svelte';
import App from './App.svelte';
import '../styles/theme.css';
import './admin.css';
import './account.css';

mount(App, { target: document.getElementById('app')! });
