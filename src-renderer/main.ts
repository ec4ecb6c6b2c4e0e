import { mount } from 'svelte';
import App from './App.svelte';
// Emoji a program prints, in one colour, whatever fonts the computer has (app.css's stacks).
import '@fontsource/noto-emoji/400.css';
import './app.css';

/**
 * The host provides `window.loopscope`: the Electron preload before any script runs, the web
 * edition's host script as it loads. The bundler may evaluate this module before that script,
 * so the app waits for the host's `loopscope-ready` event when the API is not there yet.
 */
function start(): void {
  const target = document.getElementById('app');
  if (!target) throw new Error('The page has no #app element.');
  mount(App, { target, props: { api: window.loopscope } });
}

if (window.loopscope) start();
else addEventListener('loopscope-ready', start, { once: true });
