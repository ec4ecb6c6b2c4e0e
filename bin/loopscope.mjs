#!/usr/bin/env node
// The `loopscope` command: the bundled command line, built by `npm run build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/loopscope.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'loopscope: the command line is not built yet. Run `npm run build` in the Loopscope folder.\n' +
      'loopscope: командная строка ещё не собрана. Выполните `npm run build` в папке Loopscope.\n',
  );
  process.exit(2);
}
await import(cli.href);
