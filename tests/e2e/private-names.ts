/**
 * What a learner reads on screen, and the check that the *your code* lens shows none of
 * asyncio's private names there (see src-renderer/replay/private-names.ts). The program's own
 * code, its output and the lesson's text are the learner's, and are left out.
 */
import { parseProgram } from '../../src-renderer/replay/program.ts';
import { findPrivateNames } from '../../src-renderer/replay/private-names.ts';
import { expect, type LoopscopeApp } from './fixtures.ts';

/** The text of every visible element outside the code editor, the console and the lesson. */
export function visibleText(app: LoopscopeApp): Promise<string> {
  return app.page.evaluate(() => {
    const skipped = '.cm-editor, [data-view=console] pre, [data-view=lesson]';
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skipped) || !parent.checkVisibility()) continue;
      const text = node.textContent?.trim();
      if (text) parts.push(text);
    }
    // Labels drawn in SVG (the dial, the timeline) are text nodes too, and are included.
    return parts.join(' ');
  });
}

/**
 * Fails when a private name of asyncio is on screen while `code` is shown (a name the program
 * defines or uses itself is its own); `where` says at which step.
 */
export async function expectNoPrivateNames(
  app: LoopscopeApp,
  code: string,
  where: string,
): Promise<void> {
  const found = findPrivateNames(await visibleText(app), parseProgram(code));
  expect(found, `${where}: asyncio's private names on screen`).toEqual([]);
}
