/**
 * Lesson files the user picks or drops, read in the page: Markdown lessons, and Python
 * programs, which become a lesson with one scenario as the desktop app makes them.
 */
import type { LessonFile, OpenFailure, OpenResult } from '../src-shared/api.ts';
import { decodeLesson, MAX_LESSON_BYTES } from '../src-shared/lesson/decode.ts';
import { pythonAsLesson } from '../src-shared/lesson/python-lesson.ts';
import { MAX_REPLAY_BYTES } from '../src-shared/replay-file.ts';
import { isReplayFileName } from '../src-shared/save-kinds.ts';

const MARKDOWN_NAME = /\.(md|markdown)$/i;
const PYTHON_NAME = /\.py$/i;

/** Whether a file's name says it is a lesson (Markdown) or a program (Python). */
export function isLessonFileName(name: string): boolean {
  return MARKDOWN_NAME.test(name) || PYTHON_NAME.test(name);
}

/** A token no other file of this browser has had: recent files outlive the page. */
function createToken(): string {
  return `file:${crypto.randomUUID()}`;
}

/** Reads picked or dropped files as lessons; what is not a lesson is a failure, not an error. */
export async function readLessonFiles(files: readonly File[]): Promise<OpenResult> {
  const result: OpenResult = { files: [], failures: [] };
  for (const file of files) {
    const failure = (reason: OpenFailure['reason']) =>
      result.failures.push({ name: file.name, reason });
    const python = PYTHON_NAME.test(file.name);
    // A replay or a trace is handed on as bytes: the page checks it and replays it.
    if (isReplayFileName(file.name)) {
      try {
        const large = file.size > MAX_REPLAY_BYTES;
        const bytes = large ? new Uint8Array() : new Uint8Array(await file.arrayBuffer());
        (result.replays ??= []).push({ name: file.name, size: file.size, bytes });
      } catch {
        failure('unreadable');
      }
      continue;
    }
    if (!isLessonFileName(file.name)) {
      failure('unsupported');
      continue;
    }
    if (file.size > MAX_LESSON_BYTES) {
      failure('too-large');
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      failure('unreadable');
      continue;
    }
    const decoded = decodeLesson(bytes);
    if (!decoded.ok) {
      failure(decoded.reason);
      continue;
    }
    const lesson: LessonFile = {
      token: createToken(),
      name: file.name,
      bundled: false,
      text: python ? pythonAsLesson(decoded.text) : decoded.text,
    };
    result.files.push(lesson);
  }
  return result;
}

/** Shows the browser's file picker; resolves with the files, or null when the user cancels. */
export function pickFiles(accept: string): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = true;
    input.addEventListener('change', () => resolve(input.files ? [...input.files] : null));
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** Offers text or bytes as a download; the browser decides where it goes. */
export function downloadText(
  data: string | Uint8Array,
  name: string,
  type = 'text/x-python',
): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
