// Parsing lessons in Node (the parser `check` and the app's worker share): the largest lesson
// accepted (5 MB) written as a course, and written to be slow (brackets the link rules scan,
// paragraphs each just under the length inline markup is read in, a million paragraphs of a
// token or three each).
import { performance } from 'node:perf_hooks';
import { hugeLesson } from './large-inputs.mjs';
import { parseLesson } from '../src-shared/lesson/parse.ts';

export async function benchLesson() {
  const size = 5 * 1024 * 1024 - 4096;
  const lessons = [
    ['a 5 MB lesson written as a course', hugeLesson(size)],
    ['a 5 MB paragraph of "[[" (wiki links never closed)', `# T\n\n${'[['.repeat(size / 2)}]]\n`],
    ['a 5 MB paragraph of "[" (Markdown links never closed)', `# T\n\n${'['.repeat(size)}]\n`],
    ['a 5 MB paragraph of "[x](y)["', `# T\n\n${'[x](y)['.repeat(size / 7)}\n`],
    [
      'paragraphs of 98 KB of "[x](y)[" (5 MB; formatted up to the inline markup budget)',
      `# T\n\n${Array(53).fill('[x](y)['.repeat(14_000)).join('\n\n')}\n`,
    ],
    [
      'a million one-letter paragraphs (5 MB; read up to the 100,000-block limit)',
      `# T\n\n${'a\n\n'.repeat(size / 3)}`,
    ],
  ];
  for (const [name, text] of lessons) {
    const start = performance.now();
    parseLesson(text, 'bench.md');
    const ms = Math.round(performance.now() - start);
    console.log(
      `parsing ${name}: ${ms.toLocaleString('en-US')} ms   aim: < 5,000 ms on an idle machine`,
    );
  }
}
