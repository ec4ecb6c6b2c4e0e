/**
 * The replay as one HTML file: the replay page (src-renderer/replay-page/, built into one
 * file with everything inlined) with the replay written into its JSON script tag.
 */
import type { ExportControl } from '../../src-shared/export/render.ts';
import { createReplayFile, type ReplayFile } from '../../src-shared/replay-file.ts';
import {
  fillReplayPage,
  REPLAY_PAGE_FILE,
  type ReplayPageLook,
} from '../../src-shared/replay-page.ts';

/** How the page asks for the player: the site's root is one folder up from either page. */
function playerUrl(): URL {
  return new URL(`../${REPLAY_PAGE_FILE}`, location.href);
}

export async function createHtmlReplay(
  replay: ReplayFile,
  look: ReplayPageLook,
  control: ExportControl,
): Promise<string> {
  const response = await fetch(playerUrl(), control.signal ? { signal: control.signal } : {});
  if (!response.ok) throw new Error(`${REPLAY_PAGE_FILE}: HTTP ${response.status}`);
  const template = await response.text();
  control.signal?.throwIfAborted();
  return fillReplayPage(template, createReplayFile(replay), look);
}
