/**
 * The HTML replay's script: the app itself, on a host that only replays (replay-host.ts) the
 * replay written into the page.
 */
import { mount } from 'svelte';
import type { Settings } from '../../src-shared/api.ts';
import { REPLAY_DATA_ID } from '../../src-shared/replay-page.ts';
import { parseSettingsPatch } from '../../src-shared/settings.ts';
import App from '../App.svelte';
import '../app.css';
import './replay-page.css';
import { createReplayHost } from './replay-host.ts';

const target = document.getElementById('app');
const data = document.getElementById(REPLAY_DATA_ID);
if (!target || !data) throw new Error('The replay page has lost its parts.');

/** One setting from the data tag's attributes; a page edited by hand may say anything. */
function setting(key: 'language' | 'theme', value: string | undefined): Partial<Settings> {
  try {
    return parseSettingsPatch({ [key]: value });
  } catch {
    return {};
  }
}

const look = {
  ...setting('language', data.dataset.language),
  ...setting('theme', data.dataset.theme),
};
const bytes = new TextEncoder().encode(data.textContent ?? '');
const replay = {
  name: data.dataset.name || 'replay.loopscope.json',
  size: bytes.byteLength,
  bytes,
};
document.documentElement.dataset.host = 'replay';
mount(App, { target, props: { api: createReplayHost(look, replay) } });
