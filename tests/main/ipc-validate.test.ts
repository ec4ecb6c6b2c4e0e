import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS } from '../../src-shared/trace.ts';
import {
  BUDGET_CEILINGS,
  IpcValidationError,
  MAX_CODE_LENGTH,
  parseDroppedPaths,
  parseExternalUrl,
  parseLanguage,
  parseLessonId,
  parseRunId,
  parseRunRequest,
  parseSaveCode,
} from '../../src-main/ipc-validate.ts';

describe('a run request from the renderer', () => {
  it('gets every budget, the defaults where it asked for none', () => {
    expect(parseRunRequest({ code: 'print(1)', filename: 'main.py' })).toEqual({
      code: 'print(1)',
      filename: 'main.py',
      budgets: DEFAULT_BUDGETS,
    });
  });

  it('keeps stdin and probe, and caps budgets at the ceilings', () => {
    const request = parseRunRequest({
      code: '',
      filename: 'x.py',
      stdin: 'hello',
      probe: true,
      budgets: { maxWallMs: 10 ** 9, maxEvents: 100 },
    });
    expect(request.stdin).toBe('hello');
    expect(request.probe).toBe(true);
    expect(request.budgets.maxWallMs).toBe(BUDGET_CEILINGS.maxWallMs);
    expect(request.budgets.maxEvents).toBe(100);
  });

  it.each([
    [null],
    [{ code: 1, filename: 'x.py' }],
    [{ code: 'x', filename: '' }],
    [{ code: 'x', filename: 'a\nb.py' }],
    [{ code: 'x', filename: 'x.py', extra: true }],
    [{ code: 'x', filename: 'x.py', budgets: { maxWallMs: -1 } }],
    [{ code: 'x', filename: 'x.py', budgets: { maxWallMs: Infinity } }],
    [{ code: 'x', filename: 'x.py', budgets: { unknown: 1 } }],
    [{ code: 'x', filename: 'x.py', probe: 'yes' }],
    [{ code: 'x'.repeat(MAX_CODE_LENGTH + 1), filename: 'x.py' }],
  ])('is refused when malformed: %#', (value) => {
    expect(() => parseRunRequest(value)).toThrow(IpcValidationError);
  });
});

describe('small values', () => {
  it('checks run ids, languages and lesson ids', () => {
    expect(parseRunId('0b6f1c1e-8a47-4b1c-9f0e-2f3c4d5e6f70')).toBe(
      '0b6f1c1e-8a47-4b1c-9f0e-2f3c4d5e6f70',
    );
    expect(() => parseRunId('../../x')).toThrow(IpcValidationError);
    expect(parseLanguage('ru')).toBe('ru');
    expect(() => parseLanguage('system')).toThrow(IpcValidationError);
    expect(parseLessonId('create-task')).toBe('create-task');
    expect(() => parseLessonId('../secret')).toThrow(IpcValidationError);
  });
});

describe('dropped files', () => {
  it('are absolute paths, not too many', () => {
    expect(parseDroppedPaths(['/home/a.md'], isAbsolute)).toEqual(['/home/a.md']);
    expect(() => parseDroppedPaths(['a.md'], isAbsolute)).toThrow(IpcValidationError);
    expect(() => parseDroppedPaths(['/a\0.md'], isAbsolute)).toThrow(IpcValidationError);
    expect(() => parseDroppedPaths('/a.md', isAbsolute)).toThrow(IpcValidationError);
    expect(() => parseDroppedPaths(Array(101).fill('/a.md'), isAbsolute)).toThrow(
      IpcValidationError,
    );
  });
});

describe('saving code', () => {
  it.each([
    ['create_task.ru.md', 'create_task.ru.py'],
    ['main.py', 'main.py'],
    ['../../.bashrc', 'bashrc.py'],
    ['C:\\Windows\\evil', 'evil.py'],
    ['what?.md', 'what_.py'],
    ['', 'program.py'],
    ['...', 'program.py'],
    // Every control character goes, not only the first; formatting characters too.
    ['a\n\nb\r\x1b.md', 'ab.py'],
    ['lesson\u202egpj.md', 'lessongpj.py'],
    // Names Windows gives devices, whatever their extension, and trailing dots.
    ['NUL.md', '_NUL.py'],
    ['com1.en.md', '_com1.en.py'],
    ['notes. .md', 'notes.py'],
  ])('suggests a safe file name for %j', (suggested, expected) => {
    expect(parseSaveCode('print(1)', suggested).fileName).toBe(expected);
  });

  it('keeps the code as it is, and refuses code that is too long or not text', () => {
    expect(parseSaveCode('print("é")\r\n', 'x.py').code).toBe('print("é")\r\n');
    expect(() => parseSaveCode('x'.repeat(MAX_CODE_LENGTH + 1), 'x.py')).toThrow(
      IpcValidationError,
    );
    expect(() => parseSaveCode(42, 'x.py')).toThrow(IpcValidationError);
    expect(() => parseSaveCode('x', ['x.py'])).toThrow(IpcValidationError);
  });
});

describe('links to open in the browser', () => {
  it('are https only, without credentials', () => {
    expect(parseExternalUrl('https://docs.python.org/3/library/asyncio.html').hostname).toBe(
      'docs.python.org',
    );
    for (const bad of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://u:p@example.com',
      'app://loopscope/x',
      'not a url',
      42,
    ]) {
      expect(() => parseExternalUrl(bad), String(bad)).toThrow(IpcValidationError);
    }
  });
});
