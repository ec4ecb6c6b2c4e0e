/** What a command of the `loopscope` command line reads and writes, and how it speaks. */
import type { Language } from '../../src-shared/api.ts';
import { lessonsCatalog } from '../../src-shared/i18n/catalog-lessons.ts';
import {
  decodeLesson,
  describeDecodeFailure,
  MAX_LESSON_BYTES,
} from '../../src-shared/lesson/decode.ts';
import type { Lesson } from '../../src-shared/lesson/model.ts';
import { assertNever } from '../../src-shared/trace.ts';
import { describeLessonProblem, parseLesson } from '../../src-shared/lesson/parse.ts';
import { runCatalog } from './catalog-run.ts';
import { describeFileError, readRegularFile } from './read-file.ts';
import { createTerminalTranslator, escapeLine } from './terminal-text.ts';

export interface CliIo {
  /** Writes text to standard output as is; callers end their lines with `\n`. */
  out(text: string): void;
  /** Writes text to standard error as is. */
  err(text: string): void;
  language: Language;
  /** True when standard error is a terminal: progress and colours are shown. */
  isTTY: boolean;
  /** True when standard output is a terminal. */
  outIsTTY: boolean;
}

/** A lone surrogate U+DC80–U+DCFF: in a program's output, a byte that is not UTF-8. */
const ESCAPED_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

/**
 * What a terminal receives for a program's output text: its UTF-8, except that each byte the
 * trace carries as a lone surrogate (the way Python's `surrogateescape` decodes it) is that
 * byte again, as native CPython writes it.
 */
export function terminalBytes(text: string): string | Buffer {
  if (!text.match(ESCAPED_BYTE)) return text;
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of text.matchAll(ESCAPED_BYTE)) {
    parts.push(
      Buffer.from(text.slice(last, match.index), 'utf8'),
      Buffer.of(match[0].charCodeAt(0) - 0xdc00),
    );
    last = match.index + 1;
  }
  parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

/** Something to tell the user about a file, at a line of it or about the whole file. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  line: number | null;
  message: string;
}

export interface LessonReadResult {
  /** The path as the user gave it or as it was found in their folder. */
  path: string;
  /** Null when the file could not be read or decoded. */
  lesson: Lesson | null;
  diagnostics: Diagnostic[];
}

/** Reads, decodes and parses a lesson file; what goes wrong becomes a diagnostic. */
export async function readLessonFile(path: string, language: Language): Promise<LessonReadResult> {
  const t = createTerminalTranslator(lessonsCatalog, language);
  const failed = (message: string, line: number | null = null): LessonReadResult => ({
    path,
    lesson: null,
    diagnostics: [{ severity: 'error', line, message }],
  });
  const file = await readRegularFile(path, MAX_LESSON_BYTES);
  if (!file.ok) {
    switch (file.reason) {
      case 'notFound':
        return failed(t('cli.not-found'));
      case 'isDirectory':
        return failed(t('cli.is-folder'));
      case 'notRegular':
        return failed(createTerminalTranslator(runCatalog, language)('lessonNotRegular'));
      case 'tooLarge':
        return failed(describeDecodeFailure('too-large', language, file.size ?? 0));
      case 'unreadable':
        return failed(t('cli.unreadable', { error: describeFileError(file, language) }));
      default:
        return assertNever(file.reason);
    }
  }
  const bytes = file.bytes;
  const decoded = decodeLesson(bytes);
  if (!decoded.ok) {
    return failed(describeDecodeFailure(decoded.reason, language, bytes.length), decoded.line);
  }
  const lesson = parseLesson(decoded.text, path.split(/[\\/]/).pop() ?? path);
  return {
    path,
    lesson,
    diagnostics: lesson.problems.map((problem) => ({
      severity: problem.severity,
      line: problem.line,
      message: describeLessonProblem(problem, language),
    })),
  };
}

/**
 * `path:line: error: message`, the way compilers report, so that editors can jump there. The
 * path and the message may come from a lesson's folder and text: their controls are escaped.
 */
export function formatDiagnostic(path: string, diagnostic: Diagnostic, language: Language): string {
  const t = createTerminalTranslator(lessonsCatalog, language);
  const where = escapeLine(diagnostic.line === null ? path : `${path}:${diagnostic.line}`);
  const what =
    diagnostic.severity === 'error'
      ? t('cli.error', { message: escapeLine(diagnostic.message) })
      : t('cli.warning', { message: escapeLine(diagnostic.message) });
  return `${where}: ${what}`;
}
