/**
 * A lesson: one Markdown file of a course, read into the sections a reader sees and the
 * scenarios the engine can run. The file format is described in docs/lesson-format.md.
 */

/** Lines of the lesson file, 1-based and inclusive. */
export interface LineRange {
  start: number;
  end: number;
}

/** A piece of the lesson's prose, rendered for display and as plain text. */
export interface Prose {
  /** Safe HTML: raw HTML in the lesson is shown as text, never interpreted. */
  html: string;
  /** The same prose without markup; paragraphs are separated by a blank line. */
  text: string;
}

/**
 * Where a section starts: a `#`..`###` heading, or a paragraph that opens with a bold
 * numbered point (`**1. ...**`).
 */
export type SectionKind = 'heading' | 'point';

export interface Section {
  id: string;
  kind: SectionKind;
  /** 1 to 3 for headings; a point is one level below the heading it follows (4 without one). */
  level: number;
  /** Plain text, without the trailing full stop or colon of a point. */
  title: string;
  titleHtml: string;
  /** The heading, or the whole paragraph the point opens. */
  lines: LineRange;
}

/** Why a Python block is shown but cannot be run. */
export type NotRunnableReason =
  /** It starts no event loop (`asyncio.run`, a `Runner`, `run_until_complete`, `run_forever`). */
  | 'fragment'
  /** It is an interactive session (`>>>` prompts), not a program. */
  | 'interactive-session'
  /** Its fence is never closed, so it swallows the rest of the file. */
  | 'unterminated-fence';

export interface ExpectedOutput {
  /** The block's content as written, ending with a newline. */
  text: string;
  /** The output block, fences included. */
  lines: LineRange;
  /** The label that introduced it as written (`Вывод:`), or null when a sentence did. */
  label: string | null;
  /** The fence's language tag in lower case; '' when it has none. */
  fenceLanguage: string;
}

/** A Python code block of the lesson, runnable or not. */
export interface Scenario {
  /** Unique within the lesson and stable while the lesson's blocks keep their order. */
  id: string;
  /** 1-based position among the lesson's scenarios. */
  number: number;
  /** The nearest section title above the code, or null when there is none. */
  title: string | null;
  sectionId: string | null;
  /** The prose between the section title (or the previous scenario) and the code. */
  explanation: Prose;
  /** The prose after the code: what the lesson says the program did. */
  discussion: Prose;
  code: string;
  /** The fence's language tag in lower case: `python`, `py`, ... */
  language: string;
  runnable: boolean;
  /** Null exactly when the scenario is runnable. */
  notRunnableReason: NotRunnableReason | null;
  expected: ExpectedOutput | null;
  /** The code block, fences included: line n of the program is lesson line `lines.start + n`. */
  lines: LineRange;
}

/** The lesson in reading order, for display: prose, code blocks and expected outputs. */
export type LessonBlock =
  | { kind: 'prose'; html: string; lines: LineRange; sectionId: string | null }
  | { kind: 'scenario'; scenarioId: string; lines: LineRange }
  | { kind: 'expected-output'; scenarioId: string; lines: LineRange };

export type LessonProblemKind =
  /** The file holds nothing but whitespace. */
  | 'empty'
  /** A code fence is opened and never closed. */
  | 'unterminated-fence'
  /** The lesson has no Python code block at all. */
  | 'no-code'
  /** A Python block inside a list or a quote: shown, but not offered as a scenario. */
  | 'nested-code'
  /** Lists or quotes nested so deep that Markdown stops reading: the rest of the file is lost. */
  | 'too-deep'
  /** More scenarios than a lesson is read with (`MAX_SCENARIOS`): those after are left out. */
  | 'too-many-scenarios'
  /** More top-level blocks than a lesson is read with: the rest of the file is not read. */
  | 'too-many-blocks'
  /**
   * More inline markup than a lesson is read with (`MAX_INLINE_TOKENS`), or a paragraph longer
   * than `MAX_INLINE_CHARACTERS`: from here on such text is shown as written, unformatted.
   */
  | 'plain-text'
  /**
   * A link whose text is a web address of another site than the one it opens
   * (`[https://a.example](https://b.example)`): it is shown with its real address beside it.
   */
  | 'misleading-link';

export interface LessonProblem {
  kind: LessonProblemKind;
  /** An error means the lesson cannot be checked; a warning leaves the rest of it usable. */
  severity: 'error' | 'warning';
  /** The 1-based line the problem is on, or null when it concerns the whole file. */
  line: number | null;
  /** For an unterminated fence, the fence it was opened with (```` ``` ````, `~~~`, ```` ```` ````). */
  fence?: string;
  /** For a misleading link, the address its text shows and the one it opens. */
  link?: { shown: string; opens: string };
}

export interface Lesson {
  fileName: string;
  /** The first `#` heading, or else the file name without `.md` and a language suffix. */
  title: string;
  sections: Section[];
  scenarios: Scenario[];
  blocks: LessonBlock[];
  problems: LessonProblem[];
}
