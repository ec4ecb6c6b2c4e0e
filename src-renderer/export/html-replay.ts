/**
 * The replay as one HTML file: the replay page (src-renderer/replay-page/, built into one
 * file with everything inlined) with the replay written into its JSON script tag.
 */
import type { ExportControl } from '../../src-shared/export/render.ts';
import { createReplayFile, type ReplayFile } from '../../src-shared/replay-file.ts';
import { fillReplayPage, type ReplayPageLook } from '../../src-shared/replay-page.ts';

/** Fills the player page, fetched from `playerUrl`, with the replay. */
export async function createHtmlReplay(
  replay: ReplayFile,
  playerUrl: string,
  look: ReplayPageLook,
  control: ExportControl,
): Promise<string> {
  const response = await fetch(playerUrl, control.signal ? { signal: control.signal } : {});
  if (!response.ok) throw new Error(`${new URL(playerUrl).pathname}: HTTP ${response.status}`);
  const template = await response.text();
  control.signal?.throwIfAborted();
  return fillReplayPage(template, createReplayFile(replay), look);
}
