import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { lessonPathsFromArgv } from '../../src-main/command-line.ts';

it('finds the lesson paths after the executable, resolved against the working folder', () => {
  expect(
    lessonPathsFromArgv(
      ['/opt/Loopscope/loopscope', 'lesson.md', '--no-sandbox', '/abs/demo.py', 'lesson.md'],
      {
        packaged: true,
        cwd: '/home/teacher',
      },
    ),
  ).toEqual([resolve('/home/teacher', 'lesson.md'), '/abs/demo.py']);
});

it('skips the app folder in development (`electron . lesson.md`) and macOS process switches', () => {
  expect(
    lessonPathsFromArgv(['/node_modules/electron/dist/electron', '.', '-psn_0_12345', 'x.md'], {
      packaged: false,
      cwd: '/repo',
    }),
  ).toEqual([resolve('/repo', 'x.md')]);
});

it('skips switches a test tool puts before the app folder', () => {
  expect(
    lessonPathsFromArgv(
      ['/electron', '--inspect=0', '--remote-debugging-port=0', '/repo', '/tmp/a.py'],
      {
        packaged: false,
        cwd: '/somewhere',
      },
    ),
  ).toEqual(['/tmp/a.py']);
});

it('reads the file URLs a Linux file manager passes', () => {
  expect(
    lessonPathsFromArgv(
      ['/opt/Loopscope/loopscope', 'file:///home/teacher/My%20Lessons/a.md', 'file://remote/x.md'],
      {
        packaged: true,
        cwd: '/',
      },
    ),
  ).toEqual(['/home/teacher/My Lessons/a.md']);
});
