/**
 * The e2e tests' one helper: a Loopscope page shared by all tests of the worker (Python loads
 * once), and `idle()`, which waits on the signal the app exposes (`<html data-state="idle">`:
 * nothing loading, running or playing). No test sleeps.
 */
import { mkdirSync } from 'node:fs';
import {
  test as base,
  expect,
  type Dialog,
  type JSHandle,
  type Locator,
  type Page,
} from '@playwright/test';

export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

export type ViewName =
  | 'header'
  | 'narration'
  | 'ready-queue'
  | 'timer-wheel'
  | 'tasks'
  | 'lanes'
  | 'code'
  | 'console'
  | 'frames'
  | 'controls'
  | 'status'
  | 'lesson'
  | 'drop-target'
  | 'replace-dialog'
  | 'input-request'
  | 'recent'
  | 'draft-notice'
  | 'export-dialog'
  | 'predict'
  | 'predict-order'
  | 'predict-reveal'
  | 'progress'
  | 'doctor'
  | 'state-machine'
  | 'legend';

export class LoopscopeApp {
  constructor(readonly page: Page) {}

  view(name: ViewName): Locator {
    return this.page.locator(`[data-view="${name}"]`);
  }

  control(name: string): Locator {
    return this.page.locator(`[data-control="${name}"]`);
  }

  /** Waits until nothing is loading, running or playing. */
  async idle(timeout = 90_000): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-state', 'idle', { timeout });
  }

  /**
   * Waits until idle; when the app asks first whether edited code may be replaced, answers
   * "discard my changes", as a user who wants the new code does.
   */
  async settle(): Promise<void> {
    const html = this.page.locator('html');
    await expect(html).toHaveAttribute('data-state', /idle|asking/, { timeout: 90_000 });
    if ((await html.getAttribute('data-state')) === 'asking') {
      await this.control('replace-discard').click();
    }
    await this.idle();
  }

  /** Opens the settings menu, sets a select in it, and closes the menu. */
  private async setSetting(control: string, value: string): Promise<void> {
    await this.control('settings-menu').click();
    await this.control(control).selectOption(value);
    await this.control('settings-menu').click();
    await expect(this.control(control)).toBeHidden();
  }

  async setLanguage(language: 'en' | 'ru' | 'system'): Promise<void> {
    await this.setSetting('language', language);
    await this.idle();
  }

  async setTheme(theme: 'light' | 'dark' | 'contrast' | 'system'): Promise<void> {
    await this.setSetting('theme', theme);
  }

  async step(): Promise<number> {
    return Number(await this.control('scrubber').inputValue());
  }

  async length(): Promise<number> {
    return Number(await this.control('scrubber').getAttribute('max'));
  }

  /** Moves the playhead as dragging the scrubber does, and waits until the views show it. */
  async seek(step: number): Promise<void> {
    await this.control('scrubber').evaluate((input: HTMLInputElement, value) => {
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, step);
    await expect(this.page.locator('html')).toHaveAttribute('data-step', String(step));
    await expect(this.control('scrubber')).toHaveValue(String(step));
  }

  /**
   * Reloads the page as the user would (saying yes to "leave the page?"), and waits until the
   * app is idle. Code the user left edited comes back with its draft notice.
   */
  async reload(): Promise<void> {
    const leave = (dialog: Dialog) => void dialog.accept().catch(() => {});
    this.page.on('dialog', leave);
    try {
      await this.page.reload();
    } finally {
      this.page.off('dialog', leave);
    }
    await this.idle();
  }

  /** A fresh start on the course: edited code from earlier tests is discarded first. */
  async fresh(): Promise<void> {
    await this.reload();
    if ((await this.view('draft-notice').count()) > 0) {
      await this.control('draft-discard').click();
      await this.idle();
      await this.reload();
    }
  }

  /** Presses a key with the focus on the page, not in the editor. */
  async press(key: string): Promise<void> {
    await this.page.locator('body').focus();
    await this.page.keyboard.press(key);
  }

  /** Steps forward until the narration says `text`; returns the step. */
  async forwardUntil(text: string | RegExp, limit = 400): Promise<number> {
    const narration = this.view('narration');
    for (let i = 0; i < limit; i++) {
      const said = (await narration.textContent()) ?? '';
      if (typeof text === 'string' ? said.includes(text) : text.test(said)) return this.step();
      await this.press('ArrowRight');
    }
    throw new Error(`the narration never said ${String(text)}`);
  }

  async chooseLesson(id: string): Promise<void> {
    await this.control('lesson').selectOption(id);
    await this.settle();
  }

  async chooseScenario(id: string): Promise<void> {
    await this.control('scenario').selectOption(id);
    await this.settle();
  }

  /** Chooses how big a step is: the learner's code, the loop, or every event. */
  async setLens(lens: 'code' | 'loop' | 'all'): Promise<void> {
    await this.control(`lens-${lens}`).click();
    await expect(this.page.locator('html')).toHaveAttribute('data-lens', lens);
  }

  /** Replaces the editor's code, as typing would. */
  async setCode(code: string): Promise<void> {
    const editor = this.page.locator('.cm-content');
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(code);
  }

  async run(): Promise<void> {
    await this.control('run').click();
    await this.idle();
  }

  async consoleText(): Promise<string> {
    return (await this.view('console').locator('.chunk').allTextContents()).join('');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${ARTIFACTS}${name}.png` });
  }
}

/** Files dropped on the window, as a user drags them from a file manager. */
export interface DroppedFile {
  name: string;
  type: string;
  /** Text, or bytes as numbers. */
  content: string | number[];
}

/** Files as the browser hands them to a drop: a DataTransfer built in the page. */
function createTransfer(app: LoopscopeApp, files: DroppedFile[]): Promise<JSHandle<DataTransfer>> {
  return app.page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const file of files) {
      const content =
        typeof file.content === 'string' ? file.content : new Uint8Array(file.content);
      transfer.items.add(new File([content], file.name, { type: file.type }));
    }
    return transfer;
  }, files);
}

/** Drags files over the window, checks the drop target is shown, and drops them. */
export async function dropFiles(app: LoopscopeApp, files: DroppedFile[]): Promise<void> {
  const dataTransfer = await createTransfer(app, files);
  await app.page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await app.page.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(app.view('drop-target')).toBeVisible();
  await app.page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(app.view('drop-target')).toHaveCount(0);
}

export const test = base.extend<{ app: LoopscopeApp }, { sharedApp: LoopscopeApp }>({
  sharedApp: [
    async ({ browser }, use) => {
      const context = await browser.newContext({
        viewport: { width: 1600, height: 900 },
        locale: 'en-US',
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      const url = process.env.LOOPSCOPE_URL;
      if (!url) throw new Error('LOOPSCOPE_URL is not set: run through playwright.config.ts');
      await page.goto(url);
      const app = new LoopscopeApp(page);
      await app.idle();
      await use(app);
      await context.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ sharedApp }, use) => {
    await use(sharedApp);
  },
});

export { expect };

/** Switches the presentation mode with its button's own handler, as a click does. */
export async function setPresentation(app: LoopscopeApp, on: boolean): Promise<void> {
  await app.control('presentation').evaluate((button: HTMLButtonElement, on) => {
    if ((document.documentElement.dataset.presentation === 'true') !== on) button.click();
  }, on);
  await expect(app.page.locator('html')).toHaveAttribute('data-presentation', String(on));
}

/** The shared page as the other specs expect it: the desk's size and mode, the default theme, English. */
export async function restoreDesk(app: LoopscopeApp): Promise<void> {
  await app.page.setViewportSize({ width: 1600, height: 900 });
  await setPresentation(app, false);
  await app.setTheme('system');
  await app.setLanguage('en');
}
