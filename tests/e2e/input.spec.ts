/**
 * A program that reads input(): Loopscope has no keyboard to give it, so it says the program
 * asked for input and offers a box; the program runs again with what was typed.
 */
import { expect, test } from './fixtures.ts';

const GREETER = `import asyncio


async def main():
    name = input('Your name? ')
    age = int(input())
    await asyncio.sleep(0.1)
    print(f'Hello, {name}! Next year you will be {age + 1}.')


asyncio.run(main())
`;

test.afterAll(async ({ sharedApp: app }) => {
  await app.setLanguage('en');
});

for (const language of ['en', 'ru'] as const) {
  test(`a program that asks for input gets a box for it, and runs again with it (${language})`, async ({
    app,
  }) => {
    await app.setLanguage(language);
    await app.chooseLesson('create-task');
    await app.setCode(GREETER);
    await app.run();
    const request = app.view('input-request');
    await expect(request).toBeVisible();
    await expect(request).toContainText(
      language === 'en' ? 'The program asked for input' : 'Программа ждала ввода',
    );
    await expect(request).toContainText(
      language === 'en' ? 'Line 5 called input()' : 'Строка 5 вызвала input()',
    );
    await app.press('End');
    await expect(app.view('narration')).toContainText(
      language === 'en'
        ? 'The program asked for input at line 5, but none was given'
        : 'В строке 5 программа ждала ввода, но его не было',
    );
    await app.screenshot(`input-request-${language}`);

    await app.control('stdin').fill('Ann\n41\n');
    await app.control('run-with-input').click();
    await app.idle();
    await expect(app.view('status').locator('[data-status=outcome]')).toHaveAttribute(
      'data-outcome',
      'completed',
    );
    await app.press('End');
    expect(await app.consoleText()).toBe('Your name? Hello, Ann! Next year you will be 42.\n');
    await expect(request).toHaveCount(0);
    await expect(app.view('console').locator('[data-status=stdin]')).toContainText('Ann');
    await app.screenshot(`input-given-${language}`);

    // The input stays for the next runs of this code, until the user lets it go.
    await app.run();
    await app.press('End');
    expect(await app.consoleText()).toContain('Hello, Ann!');
    await app.control('clear-input').click();
    await app.run();
    await expect(request).toBeVisible();
  });
}
