import { normalizeOutput } from '../../src-shared/lesson/compare.ts';
import type { Language } from '../../src-shared/api.ts';
import { course, runnableScenarios } from './course.ts';
import { expect, test } from './fixtures.ts';

const LANGUAGES: Language[] = ['en', 'ru'];

for (const language of LANGUAGES) {
  test(`every bundled scenario (${language}) runs, plays, steps both ways and prints what its lesson says`, async ({
    app,
  }) => {
    // A fresh page: the first lesson's first scenario is ready to play, with no setup.
    await app.fresh();
    await expect(app.control('lesson')).toHaveValue(course.lessons[0]?.id ?? '');
    expect(await app.length()).toBeGreaterThan(10);
    await app.setLanguage(language);
    await app.control('speed').selectOption('8');
    await app.idle();
    for (const lesson of course.lessons) {
      await app.chooseLesson(lesson.id);
      for (const [index, scenario] of runnableScenarios(lesson.id, language).entries()) {
        if (index > 0) await app.chooseScenario(scenario.id);
        const where = `${lesson.id} #${scenario.number}`;
        await expect(app.control('scenario'), where).toHaveValue(scenario.id);
        // A scenario with no expected output may fail by design (the lesson on mistakes: no
        // running loop, a task that waits forever); the others run to their end.
        const ends = scenario.expected !== null;
        if (ends) {
          await expect(
            app.view('status').locator('[data-status=outcome]'),
            where,
          ).not.toHaveAttribute('data-outcome', /crashed|budget|syntax-error|stuck/);
        }
        const length = await app.length();
        // Even a program that fails at once (no running loop) records its start and end.
        expect(length, where).toBeGreaterThan(3);
        expect(await app.step(), where).toBe(0);

        // Play: the playhead moves by itself; pause stops it.
        await app.press('Space');
        await expect.poll(() => app.step(), { message: where }).toBeGreaterThan(0);
        await app.press('Space');
        await app.idle();

        // To the end: the console holds everything the lesson says the program prints.
        await app.press('End');
        await expect(app.control('scrubber')).toHaveValue(String(length));
        if (ends) {
          await expect(app.view('header').locator('[data-field=phase]')).toHaveText(
            language === 'en' ? 'Program ended' : 'Программа завершена',
          );
        }
        // A scenario without an expected output (a program that hangs natively, or whose
        // traceback names the reader's paths) is run and played, not compared.
        if (scenario.expected) {
          expect(normalizeOutput(await app.consoleText()), where).toBe(
            normalizeOutput(scenario.expected.text),
          );
        }
        // ... and says so under the console.
        if (scenario.expected) {
          await expect(
            app.view('console').locator('[data-status=expected]'),
            where,
          ).toHaveAttribute('data-match', 'true');
        }
        if (index === 0) await app.screenshot(`course-${language}-${lesson.id}-end`);

        // Back, one event at a time, then to the start: nothing printed, nothing scheduled.
        // (The lens "Your code" skips the steps of asyncio's own machinery, so a step back
        // may cross several events.)
        let previous = length;
        for (let i = 1; i <= 3 && previous > 0; i++) {
          await app.press('ArrowLeft');
          await expect.poll(() => app.step(), { message: where }).toBeLessThan(previous);
          previous = await app.step();
        }
        await app.press('Home');
        await expect(app.control('scrubber')).toHaveValue('0');
        expect(await app.consoleText(), where).toBe('');
        await expect(app.view('tasks').locator('[data-task-id]')).toHaveCount(0);
        await expect(app.view('ready-queue').locator('ol [data-handle-id]')).toHaveCount(0);
      }
    }
  });
}
