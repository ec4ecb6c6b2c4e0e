/**
 * What the replay reads from the program's own source (the trace carries it in `run.start`):
 * the names it defines, and the variable a `create_task` call binds its task to, so that a
 * task is called what the code calls it (`task1`, `tasks[0]`, `self.worker`).
 *
 * The reading is a light scan, not a Python parser, so it answers only when it is certain:
 * a shape it does not know gives no name, never a wrong one.
 */

/** The functions that make a task from a coroutine, as a call in the code names them. */
const CREATE_CALL = /(?<![\w.])(?:[A-Za-z_]\w*\.)*(?:create_task|ensure_future)\s*\(/g;
const IDENTIFIER = /^[A-Za-z_]\w*$/;
const TARGET = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
const DEFINITION = /^\s*(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)/gm;
const OPENERS = '([{';
const CLOSERS = ')]}';

export interface Program {
  readonly source: string;
  /** The source's lines (index 0 is line 1). */
  readonly sourceLines: readonly string[];
  /** The masked source's lines: code without strings and comments. */
  readonly maskedLines: readonly string[];
  /** Each line's `except` clause, once asked (see handlerAt): lines run many times. */
  readonly handlers: Map<number, Handler | null>;
  /** The names of the functions and classes the program defines. */
  readonly definitions: ReadonlySet<string>;
  /** The source with strings and comments blanked (same length), and each line's offset. */
  readonly masked: string;
  readonly lineStarts: readonly number[];
  /** The bracket depth at the start of each line (index 0 is line 1). */
  readonly depthAt: readonly number[];
  /** Whether each line ends with a backslash continuation. */
  readonly continues: readonly boolean[];
}

/**
 * Blanks string literals and comments (keeping newlines and length), so that brackets and
 * names inside them are not taken for code.
 */
function maskSource(source: string): string {
  const out = source.split('');
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let j = from; j < to; j++) if (out[j] !== '\n') out[j] = ' ';
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '#') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      const triple = source.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < source.length && !source.startsWith(quote, j)) {
        if (source[j] === '\\') j++;
        else if (!triple && source[j] === '\n') break;
        j++;
      }
      const stop = Math.min(source.length, j + quote.length);
      blank(i + quote.length, Math.min(j, source.length));
      i = stop;
    } else {
      i++;
    }
  }
  return out.join('');
}

export function parseProgram(source: string): Program {
  const masked = maskSource(source);
  const lineStarts = [0];
  for (let i = 0; i < masked.length; i++) if (masked[i] === '\n') lineStarts.push(i + 1);
  const depthAt: number[] = [];
  const continues: boolean[] = [];
  let depth = 0;
  for (let line = 0; line < lineStarts.length; line++) {
    depthAt.push(depth);
    const start = lineStarts[line] ?? 0;
    const end = line + 1 < lineStarts.length ? (lineStarts[line + 1] ?? 0) - 1 : masked.length;
    for (let i = start; i < end; i++) {
      const c = masked[i] ?? '';
      if (OPENERS.includes(c)) depth++;
      else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    }
    continues.push(masked.slice(start, end).trimEnd().endsWith('\\'));
  }
  const definitions = new Set<string>();
  for (const match of masked.matchAll(DEFINITION)) if (match[1]) definitions.add(match[1]);
  return {
    source,
    sourceLines: source.split('\n'),
    maskedLines: masked.split('\n'),
    handlers: new Map(),
    definitions,
    masked,
    lineStarts,
    depthAt,
    continues,
  };
}

/** Whether the program's code (not its strings or comments) uses `name` as a word. */
export function usesName(program: Program, name: string): boolean {
  return new RegExp(`(?<![\\w])${name}(?![\\w])`).test(program.masked);
}

/** The lines (1-based, inclusive) of the statement that contains `line`. */
function statementLines(program: Program, line: number): { first: number; last: number } | null {
  const count = program.lineStarts.length;
  if (line < 1 || line > count) return null;
  let first = line;
  while (
    first > 1 &&
    ((program.depthAt[first - 1] ?? 0) > 0 || (program.continues[first - 2] ?? false))
  ) {
    first--;
  }
  let last = line;
  while (
    last < count &&
    ((program.depthAt[last] ?? 0) > 0 || (program.continues[last - 1] ?? false))
  ) {
    last++;
  }
  return { first, last };
}

function offsetOf(program: Program, line: number): number {
  return program.lineStarts[line - 1] ?? program.masked.length;
}

/** The index just past the bracket that closes the one at `open`, or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i] ?? '';
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c) && --depth === 0) return i + 1;
  }
  return -1;
}

/** Splits `text` at top-level commas (depth 0), with each part's start offset. */
function splitTopLevel(text: string, base: number): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i] ?? ',';
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push({ text: text.slice(from, i), start: base + from });
      from = i + 1;
    }
  }
  return parts.filter((part, index) => part.text.trim() !== '' || index < parts.length - 1);
}

/** The position of the first top-level `=` that assigns (not `==`, `<=`, `:=`, `+=`...). */
function assignmentAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth--;
    else if (c === '=' && depth === 0) {
      const before = text[i - 1] ?? '';
      if (text[i + 1] === '=' || '=<>!:+-*/%&|^@'.includes(before)) {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

/** Whether `text` (trimmed) is exactly one create call, such as `asyncio.create_task(f(1))`. */
function isWholeCall(text: string): boolean {
  const trimmed = text.trim();
  const match = /^(?:[A-Za-z_]\w*\.)*(?:create_task|ensure_future)\s*\(/.exec(trimmed);
  if (!match) return false;
  return closingBracket(trimmed, match[0].length - 1) === trimmed.length;
}

/** Targets of an assignment: `a`, `self.a`, `a, b`, `(a, b)`; null for any other shape. */
function parseTargets(text: string): string[] | null {
  let inner = text.trim().replace(/:[^=]*$/, '');
  if (/^[([].*[)\]]$/s.test(inner)) inner = inner.slice(1, -1);
  const targets = inner.split(',').map((part) => part.trim());
  if (targets.at(-1) === '' && targets.length > 1) targets.pop();
  return targets.every((t) => TARGET.test(t) && t !== '_') ? targets : null;
}

/**
 * Where a task created on a line comes from, as the code names it. `k` is how many tasks the
 * same line has already created since it last began executing (the comprehension's index).
 */
export type BindingSite =
  { kind: 'name'; name: string } | { kind: 'append'; list: string; initLine: number } | null;

/**
 * What the code calls the `k`-th task created on `line` since that line last began: a name,
 * an element of a list or tuple it builds, or (for `list.append(...)`) an element whose index
 * the caller counts. Null when the shape is not one this reader is sure of.
 */
export function bindingSite(program: Program, line: number, k: number): BindingSite {
  const lines = statementLines(program, line);
  if (!lines) return null;
  const start = offsetOf(program, lines.first);
  const end =
    lines.last < program.lineStarts.length ? offsetOf(program, lines.last + 1) - 1 : undefined;
  const statement = program.masked.slice(start, end);
  const calls = [...statement.matchAll(CREATE_CALL)].map((m) => start + (m.index ?? 0));
  // The create calls on the creating line, in order: the k-th creation made the k-th of them,
  // unless one call site makes several (a comprehension).
  const lineStart = offsetOf(program, line);
  const lineEnd = line < program.lineStarts.length ? offsetOf(program, line + 1) : Infinity;
  const onLine = calls.filter((at) => at >= lineStart && at < lineEnd);
  if (onLine.length === 0) return null;

  const append = /^\s*([A-Za-z_]\w*)\.append\s*\(/.exec(statement);
  if (append?.[1]) {
    const open = (append.index ?? 0) + append[0].length - 1;
    const close = closingBracket(statement, open);
    const tail = statement.slice(close).trim();
    if (tail !== '' || !isWholeCall(statement.slice(open + 1, close - 1)) || k !== 0) return null;
    const initLine = listInitLine(program, append[1], line);
    return initLine === null ? null : { kind: 'append', list: append[1], initLine };
  }

  const equals = assignmentAt(statement);
  if (equals < 0) return null;
  const targets = parseTargets(statement.slice(0, equals));
  if (!targets) return null;
  const value = statement.slice(equals + 1);
  const valueStart = start + equals + 1;
  if (isWholeCall(value)) {
    return targets.length === 1 && calls.length === 1 && k === 0
      ? { kind: 'name', name: targets[0] ?? '' }
      : null;
  }
  const trimmed = value.trim();
  const open = valueStart + value.indexOf(trimmed);
  const body = trimmed.slice(1, -1);
  const bracketed = /^[[(]/.test(trimmed) && closingBracket(trimmed, 0) === trimmed.length;
  // A list built by a comprehension on one line: [create_task(f(x)) for x in xs].
  if (bracketed && targets.length === 1 && trimmed.startsWith('[')) {
    const comprehension = /^(.*?)\s+for\s+/s.exec(body);
    if (comprehension?.[1] !== undefined) {
      const oneLine = lines.first === lines.last || !/\n/.test(trimmed);
      return oneLine && calls.length === 1 && isWholeCall(comprehension[1])
        ? { kind: 'name', name: `${targets[0]}[${k}]` }
        : null;
    }
  }
  // A list or tuple of create calls, or a tuple of targets each given one.
  const elements = bracketed
    ? splitTopLevel(body, open + 1)
    : splitTopLevel(value, valueStart).map((part) => part);
  if (elements.length < 2 && !bracketed) return null;
  if (!elements.every((element) => isWholeCall(element.text))) return null;
  const site = onLine[k];
  if (site === undefined) return null;
  const index = elements.findIndex(
    (element, i) =>
      site >= element.start && site < (elements[i + 1]?.start ?? Number.POSITIVE_INFINITY),
  );
  if (index < 0) return null;
  if (targets.length === 1 && bracketed) return { kind: 'name', name: `${targets[0]}[${index}]` };
  if (targets.length === elements.length && !bracketed) {
    return { kind: 'name', name: targets[index] ?? '' };
  }
  return null;
}

/**
 * The line where `list` starts empty before `appendLine`, when the code changes the list in
 * no other way: only then does counting the appends give each task's index.
 */
function listInitLine(program: Program, list: string, appendLine: number): number | null {
  if (!IDENTIFIER.test(list)) return null;
  const inits = [
    ...program.masked.matchAll(
      new RegExp(`^[ \\t]*${list}[ \\t]*(?::[^=\\n]*)?=[ \\t]*\\[[ \\t]*\\][ \\t]*$`, 'gm'),
    ),
  ];
  const uses = [
    ...program.masked.matchAll(
      new RegExp(
        `(?<![\\w.])${list}\\s*(?:\\.\\s*(append|extend|insert|pop|remove|clear|sort|reverse)\\b|\\[[^\\]]*\\]\\s*=(?!=)|[+*]=|=(?!=))`,
        'g',
      ),
    ),
  ];
  const appends = uses.filter((m) => m[1] === 'append');
  // One empty start, one append, and no other change (the start itself is the one `=`).
  if (inits.length !== 1 || appends.length !== 1 || uses.length !== 2) return null;
  const initLine = lineOf(program, inits[0]?.index ?? 0);
  const appendAt = lineOf(program, appends[0]?.index ?? 0);
  return appendAt === appendLine && initLine < appendLine ? initLine : null;
}

function lineOf(program: Program, offset: number): number {
  let line = 1;
  while (line < program.lineStarts.length && (program.lineStarts[line] ?? 0) <= offset) line++;
  // A match may begin with the line's leading newline-free whitespace: the line is where it is.
  return line;
}

/** An `except` clause: its line, the exception type it names, and the `try` it belongs to. */
export interface Handler {
  /** The `except` line. */
  line: number;
  /** The last line of its block. */
  end: number;
  /** The `try:` line. */
  tryLine: number;
  /** The exception type it catches, by its last name (`InvalidStateError`), or null (bare). */
  type: string | null;
}

const EXCEPT = /^([ \t]*)except\b\s*(?:\(?\s*([A-Za-z_][\w.]*))?/;

function indentOf(text: string): number {
  return /^[ \t]*/.exec(text)?.[0].length ?? 0;
}

/**
 * The `except` clause on `line`, if the line is one. Python runs an `except` line only when
 * an exception was raised in its `try`, so a trace that reaches it tells that much.
 */
export function handlerAt(program: Program, line: number): Handler | null {
  let handler = program.handlers.get(line);
  if (handler === undefined) {
    handler = findHandler(program, line);
    program.handlers.set(line, handler);
  }
  return handler;
}

function findHandler(program: Program, line: number): Handler | null {
  const lines = program.maskedLines;
  const text = lines[line - 1] ?? '';
  const match = EXCEPT.exec(text);
  if (!match) return null;
  const indent = (match[1] ?? '').length;
  let tryLine = line - 1;
  while (tryLine >= 1) {
    const candidate = lines[tryLine - 1] ?? '';
    if (candidate.trim() !== '' && indentOf(candidate) <= indent) {
      if (indentOf(candidate) === indent && /^\s*try\s*:/.test(candidate)) break;
      if (indentOf(candidate) < indent) return null;
    }
    tryLine--;
  }
  if (tryLine < 1) return null;
  let end = line;
  for (let next = line + 1; next <= lines.length; next++) {
    const candidate = lines[next - 1] ?? '';
    if (candidate.trim() === '') continue;
    if (indentOf(candidate) <= indent) break;
    end = next;
  }
  const type = match[2]?.split('.').at(-1) ?? null;
  return { line, end, tryLine, type };
}

/** The line of the `def` whose body holds `line`, or 0 for the module's top level. */
export function enclosingFunction(program: Program, line: number): number {
  const lines = program.maskedLines;
  let indent = indentOf(lines[line - 1] ?? '');
  for (let at = line - 1; at >= 1; at--) {
    const text = lines[at - 1] ?? '';
    if (text.trim() === '' || indentOf(text) >= indent) continue;
    if (/^\s*(?:async\s+)?def\s/.test(text)) return at;
    indent = indentOf(text);
  }
  return 0;
}
