/**
 * The HTML replay: one self-contained page (src-renderer/replay-page/, built into a single
 * file) that replays a trace with the app's views and controls, with no engine and no network.
 * The replay is written into the page's JSON script tag; the page reads it from there. The app
 * and the command line fill the same built page.
 */
import { REPLAY_PAGE_FILE } from './build-paths.mjs';

export { REPLAY_PAGE_FILE };

/** The id of the script tag that holds the replay file. */
export const REPLAY_DATA_ID = 'loopscope-replay';

/** The empty tag the built page holds, which `fillReplayPage` fills. */
export const REPLAY_DATA_TAG = `<script type="application/json" id="${REPLAY_DATA_ID}"></script>`;

/** How the page opens: the file's name (said in its status line), the theme and the language. */
export interface ReplayPageLook {
  name: string;
  theme: string;
  language: string;
}

/**
 * The page with the replay file's text in its data tag, and the theme and language it opens
 * in. Inside the tag, `<` is written `\u003c` (the same JSON): no `</script>` or `<!--` in a
 * program's text or output can end the tag early.
 */
export function fillReplayPage(template: string, replayJson: string, look: ReplayPageLook): string {
  const at = template.indexOf(REPLAY_DATA_TAG);
  if (at < 0 || template.indexOf(REPLAY_DATA_TAG, at + 1) >= 0) {
    throw new Error('the replay page has no single place for the replay');
  }
  const safe = replayJson
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const word = (value: string) => value.replace(/[^a-z-]/gi, '');
  const text = (value: string) =>
    value
      .replace(/&/g, '&amp;')
      .replace(/"/g, '&quot;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
  const tag =
    `<script type="application/json" id="${REPLAY_DATA_ID}" data-name="${text(look.name)}"` +
    ` data-theme="${word(look.theme)}" data-language="${word(look.language)}">${safe}</script>`;
  return template.slice(0, at) + tag + template.slice(at + REPLAY_DATA_TAG.length);
}
