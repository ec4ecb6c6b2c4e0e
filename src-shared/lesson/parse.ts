/**
 * The lesson parser: Markdown as course authors write it (see docs/lesson-format.md) in, a
 * `Lesson` out. Pure: it runs in the renderer as well as in the command line tools.
 */
import MarkdownIt from 'markdown-it';
import type { StateCore, StateInline, Token } from 'markdown-it';
import type { Language } from '../api.ts';
import { lessonsCatalog } from '../i18n/catalog-lessons.ts';
import { createTranslator } from '../i18n/translate.ts';
import type {
  ExpectedOutput,
  Lesson,
  LessonBlock,
  LessonProblem,
  LineRange,
  NotRunnableReason,
  Prose,
  Scenario,
  Section,
} from './model.ts';

const PYTHON_LANGUAGES = new Set(['python', 'py', 'python3', 'py3', 'pycon']);
const PLAIN_TEXT_LANGUAGES = new Set([
  '',
  'text',
  'txt',
  'plain',
  'plaintext',
  'output',
  'console',
]);

/** Output labels, compared in lower case without their trailing colon. */
const OUTPUT_LABELS = new Set([
  'вывод',
  'вывод программы',
  'ожидаемый вывод',
  'результат',
  'результат выполнения',
  'output',
  'program output',
  'expected output',
  'result',
]);

// `1. Title`, and `1.Title` written without the space (not `3.5 seconds`).
const NUMBERED_POINT = /^\d+[.)](?=\s|$|[^\d\s])/;
const BARE_POINT_NUMBER = /^\d+[.)]$/;
/** `**emphasis**` inside inline code, which authors use to highlight part of a name. */
const CODE_EMPHASIS = /\*\*(?=\S)(.+?)(?<=\S)\*\*/g;

const md = createLessonMarkdown();
/** Reads only the blocks, for the link reference definitions they hold. */
const referenceScanner = new MarkdownIt({ html: false });
referenceScanner.core.ruler.enableOnly(['normalize', 'block']);

/**
 * The text with its front matter (Obsidian's properties: a YAML block between `---` lines at
 * the very top) blanked out, line for line, so that every line keeps its number: it is the
 * note's metadata, not its prose, and Markdown would read its last line as a heading.
 */
function withoutFrontMatter(source: string): string {
  if (!source.startsWith('---\n')) return source;
  const lines = source.split('\n');
  const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (end < 0) return source;
  return [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n');
}

/** Where a comment that starts a line opens, and what closes it. */
const COMMENTS = [
  { open: '<!--', close: '-->' },
  // Obsidian's own comments.
  { open: '%%', close: '%%' },
] as const;

/**
 * The text with its comments blanked out, line for line: an HTML comment (`<!-- … -->`) or an
 * Obsidian one (`%% … %%`) that starts a line, outside code blocks. An author comments code
 * out so that it is not shown and does not run.
 */
function withoutComments(source: string): string {
  const lines = source.split('\n');
  let fence: string | null = null;
  let closing: string | null = null;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (closing !== null) {
      if (line.includes(closing)) closing = null;
      lines[i] = '';
      changed = true;
      continue;
    }
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (
        marker &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        !line.slice(line.indexOf(marker) + marker.length).trim()
      )
        fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const start = line.trimStart();
    const comment = COMMENTS.find(({ open }) => start.startsWith(open));
    if (!comment) continue;
    const rest = start.slice(comment.open.length);
    const end = rest.indexOf(comment.close);
    // A comment followed by more text on its line is part of a paragraph: left as it is.
    if (end >= 0 && rest.slice(end + comment.close.length).trim() !== '') continue;
    if (end < 0) closing = comment.close;
    lines[i] = '';
    changed = true;
  }
  return changed ? lines.join('\n') : source;
}

/**
 * Reads a lesson. Never throws: what is wrong with the text is reported in `problems`, and
 * everything that could be read is kept.
 */
export function parseLesson(text: string, fileName: string): Lesson {
  const source = withoutComments(withoutFrontMatter(normalizeText(text)));
  const lesson: Lesson = {
    fileName,
    title: titleFromFileName(fileName),
    sections: [],
    scenarios: [],
    blocks: [],
    problems: [],
  };
  if (source.trim() === '') {
    lesson.problems.push({ kind: 'empty', severity: 'error', line: null });
    return lesson;
  }
  const lines = source.split('\n');
  const read: ChunkFindings = { hasPython: false, unterminated: new Set() };
  readBlocks(readTopLevelBlocks(source, lines, lesson, read), lesson, read.unterminated);
  // A lesson from anywhere could hold a hundred thousand scenarios, each a run of its own.
  const firstLeftOut = lesson.scenarios[MAX_SCENARIOS];
  if (firstLeftOut) {
    lesson.scenarios.length = MAX_SCENARIOS;
    lesson.problems.push({
      kind: 'too-many-scenarios',
      severity: 'warning',
      line: firstLeftOut.lines.start,
    });
  }
  const headingTitle = lesson.sections.find((s) => s.kind === 'heading' && s.level === 1);
  if (headingTitle) lesson.title = headingTitle.title;
  if (!read.hasPython) lesson.problems.push({ kind: 'no-code', severity: 'warning', line: null });
  lesson.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return lesson;
}

/** The scenarios a lesson is read with; a course's lesson has a few dozen at most. */
export const MAX_SCENARIOS = 200;

/**
 * The top-level blocks (paragraphs, headings, lists, code blocks) a lesson is read with. A
 * course's lesson has a few hundred, and a 5 MB lesson written as one about 30,000; a file of
 * a million one-letter paragraphs is not a lesson, and reading it whole took a minute. What
 * follows the last block read is not parsed at all.
 */
export const MAX_BLOCKS = 100_000;

/** The message for a lesson problem, without the file name and line. */
export function describeLessonProblem(problem: LessonProblem, language: Language): string {
  const t = createTranslator(lessonsCatalog, language);
  const locale = language === 'ru' ? 'ru-RU' : 'en-US';
  return t(`problem.${problem.kind}`, {
    fence: problem.fence ?? '```',
    max: MAX_SCENARIOS,
    blocks: MAX_BLOCKS.toLocaleString(locale),
    tokens: MAX_INLINE_TOKENS.toLocaleString(locale),
    characters: MAX_INLINE_CHARACTERS.toLocaleString(locale),
    shown: problem.link?.shown ?? '',
    opens: problem.link?.opens ?? '',
  });
}

/** Why a scenario cannot be run, as a reader should be told. */
export function describeNotRunnableReason(reason: NotRunnableReason, language: Language): string {
  const t = createTranslator(lessonsCatalog, language);
  return t(`reason.${reason}`);
}

/**
 * The scenario's title, or "Example N" when no section title precedes it. Given the lesson's
 * scenarios, the second and later examples under one heading say which they are
 * ("3. … (example 2)"), so that no two are listed alike.
 */
export function scenarioDisplayTitle(
  scenario: Pick<Scenario, 'number' | 'title'>,
  language: Language,
  scenarios: readonly Pick<Scenario, 'number' | 'title'>[] = [],
): string {
  const t = createTranslator(lessonsCatalog, language);
  const title = scenario.title;
  if (title === null) return t('scenario.untitled', { number: scenario.number });
  const alike = scenarios.filter((s) => s.title === title).map((s) => s.number);
  const index = alike.indexOf(scenario.number);
  return index > 0 ? t('scenario.repeated', { title, number: index + 1 }) : title;
}

/**
 * Why a Python block is not a whole program, or null when it is one: it imports asyncio and
 * starts an event loop. A signature such as `loop.run_until_complete(future)` does not import.
 */
export function findNotRunnableReason(code: string): NotRunnableReason | null {
  const lines = code.split('\n');
  if (lines.some((line) => line.startsWith('>>>'))) return 'interactive-session';
  const program = blankStringsAndComments(code);
  const importsAsyncio = /^\s*(?:import\s[^\n]*\basyncio\b|from\s+asyncio\b)/m.test(program);
  // `import asyncio as aio`: aio.run(...) starts the loop too.
  const names = ['asyncio', ...[...program.matchAll(/\basyncio\s+as\s+(\w+)/g)].map((m) => m[1])];
  const startsLoop =
    importsAsyncio &&
    (names.some((name) => new RegExp(`\\b${name}\\s*\\.\\s*run\\s*\\(`).test(program)) ||
      /\bRunner\s*\(/.test(program) ||
      /\.\s*run_until_complete\s*\(/.test(program) ||
      /\.\s*run_forever\s*\(/.test(program) ||
      (/^\s*from\s+asyncio\s+import\b[^\n]*(?:\brun\b|\*)/m.test(program) &&
        /(?<![\w.])run\s*\(/.test(program)));
  return startsLoop ? null : 'fragment';
}

// --- Markdown -----------------------------------------------------------------------------

function createLessonMarkdown() {
  // Obsidian shows a single line break as a line break, hence `breaks`.
  const parser = new MarkdownIt({ html: false, breaks: true, linkify: false, typographer: false });
  parser.core.ruler.at('inline', parseInlineShallow);
  parser.inline.ruler.before('link', 'wiki_link', parseWikiLink);
  parser.inline.ruler.before('link', 'unlinkable_bracket', skipUnlinkableBracket);
  parser.core.ruler.after('inline', 'link_destinations', showLinkDestinations);
  parser.renderer.rules['link_destination'] = (tokens, idx) =>
    ` <span class="link-destination">(→ ${escapeHtml(tokens[idx]?.content ?? '')})</span>`;
  const escapeHtml = parser.utils.escapeHtml;
  parser.renderer.rules['wiki_link'] = (tokens, idx) =>
    `<em class="wiki-link">${escapeHtml(tokens[idx]?.content ?? '')}</em>`;
  parser.renderer.rules['code_inline'] = (tokens, idx, _options, _env, renderer) => {
    const token = tokens[idx];
    if (!token) return '';
    const code = escapeHtml(token.content).replace(CODE_EMPHASIS, '<strong>$1</strong>');
    return `<code${renderer.renderAttrs(token)}>${code}</code>`;
  };
  return parser;
}

/**
 * How deep inline markup nests (emphasis in a link in emphasis…), as CommonMark's own preset
 * has it. markdown-it reads every `[` by scanning what follows it, and that scan looks inside
 * each `[` it meets down to this depth: a bracket costs as many steps as the limit allows, so a
 * paragraph of a million `[` took seconds with the default of 100. Blocks keep the default:
 * the `too-deep` problem is measured on them.
 */
const MAX_INLINE_NESTING = 20;

/**
 * The inline markup (links, emphasis, code…) a lesson is read with, in markdown-it's inline
 * tokens: a course's lesson has a few thousand. Each costs microseconds to read and render, and
 * a 5 MB paragraph of `[x](y)[` is two million of them (11 s). Past this budget, and in any
 * paragraph longer than MAX_INLINE_CHARACTERS (read in one go, before the budget could stop
 * it), the text is shown as it is written, plain (`plain-text`).
 */
export const MAX_INLINE_TOKENS = 500_000;
export const MAX_INLINE_CHARACTERS = 100_000;

/** What the inline rule keeps across a lesson's chunks, in markdown-it's `env`. */
interface InlineBudget {
  /** Inline tokens left to read. */
  inlineTokensLeft?: number;
  /** The first inline block shown plain, until its line is reported. */
  plainBlock?: Token;
  /** Whether it was: later blocks shown plain need no word of their own. */
  plainReported?: boolean;
}

/** markdown-it's `inline` core rule, run with the shallower inline nesting limit and budget. */
function parseInlineShallow(state: StateCore): void {
  const options = { ...state.md.options, maxNesting: MAX_INLINE_NESTING };
  const shallow: StateCore['md'] = Object.create(state.md, { options: { value: options } });
  const budget = state.env as InlineBudget;
  for (const token of state.tokens) {
    if (token.type !== 'inline') continue;
    const left = budget.inlineTokensLeft ?? MAX_INLINE_TOKENS;
    if (left <= 0 || token.content.length > MAX_INLINE_CHARACTERS) {
      const text = new state.Token('text', '', 0);
      text.content = token.content;
      token.children = [text];
      if (!budget.plainReported) budget.plainBlock ??= token;
      continue;
    }
    const children = (token.children ??= []);
    shallow.inline.parse(token.content, shallow, state.env, children);
    budget.inlineTokensLeft = left - children.length;
  }
}

/** What an inline text holds that links need: references, and where its last `](` is. */
interface LinkTargets {
  hasReferences: boolean;
  /** For each end the text is read to, where the last `](` before it starts; -1 for none. */
  lastDestination: Map<number, number>;
}

const linkTargets = new WeakMap<StateInline, LinkTargets>();

/**
 * A `[` or `![` that cannot open a link, read as text before markdown-it's link rules scan
 * for its end: an inline link needs a `](` after it, and a reference link a definition. A
 * paragraph of brackets with neither is then read in one pass.
 */
function skipUnlinkableBracket(state: StateInline, silent: boolean): boolean {
  const code = state.src.charCodeAt(state.pos);
  const opens =
    code === 0x5b /* [ */ ||
    (code === 0x21 /* ! */ && state.src.charCodeAt(state.pos + 1) === 0x5b);
  if (!opens) return false;
  let targets = linkTargets.get(state);
  if (!targets) {
    const references: unknown = state.env.references;
    const hasReferences =
      typeof references === 'object' && references !== null && Object.keys(references).length > 0;
    targets = { hasReferences, lastDestination: new Map() };
    linkTargets.set(state, targets);
  }
  if (targets.hasReferences) return false;
  let last = targets.lastDestination.get(state.posMax);
  if (last === undefined) {
    last = state.src.lastIndexOf('](', state.posMax - 2);
    targets.lastDestination.set(state.posMax, last);
  }
  if (last > state.pos) return false;
  if (!silent) state.pending += state.src[state.pos];
  state.pos += 1;
  return true;
}

/**
 * Every link says where it goes when pointed at (its `title`), and a link whose text is a web
 * address of another site than the one it opens (`[https://a.example](https://b.example)`,
 * as a phishing mail writes it) is followed by the address it opens, in plain sight.
 */
function showLinkDestinations(state: StateCore): void {
  for (const block of state.tokens) {
    const children = block.children;
    if (block.type !== 'inline' || !children) continue;
    for (let i = 0; i < children.length; i++) {
      const open = children[i];
      if (open?.type !== 'link_open') continue;
      const href = String(open.attrGet('href') ?? '');
      const title = String(open.attrGet('title') ?? '');
      open.attrSet('title', title && title !== href ? `${title} (${href})` : href);
      let close = i + 1;
      let text = '';
      while (close < children.length && children[close]?.type !== 'link_close') {
        text += children[close]?.content ?? '';
        close += 1;
      }
      const shown = addressHost(text.trim());
      const opens = addressHost(href);
      if (shown === null || shown === opens) continue;
      const destination = new state.Token('link_destination', '', 0);
      destination.content = href;
      destination.meta = { shown: text.trim() };
      children.splice(close + 1, 0, destination);
    }
  }
}

/** The host a text names when it reads as a web address (`https://a.example/x`, `www.a.example`). */
function addressHost(text: string): string | null {
  const address =
    /^(?:[a-z][a-z\d+.-]*:\/\/)?(?:[\p{L}\p{N}-]+\.)+\p{L}[\p{L}\p{N}-]*(?:[:/?#]\S*)?$/iu;
  if (!address.test(text)) return null;
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return url.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** `[[Page]]`, `[[Page|shown text]]`, `[[Page#Heading]]` and embeds `![[file]]`. */
function parseWikiLink(state: StateInline, silent: boolean): boolean {
  let pos = state.pos;
  if (state.src.charCodeAt(pos) === 0x21 /* ! */) pos += 1;
  if (!state.src.startsWith('[[', pos)) return false;
  // The link's text holds no bracket and no line break: the search stops at the first one, so
  // a paragraph of a million "[[" is read in linear time.
  let close = pos + 2;
  while (close < state.posMax && !'[]\n'.includes(state.src.charAt(close))) close += 1;
  if (!state.src.startsWith(']]', close) || close + 2 > state.posMax) return false;
  const inner = state.src.slice(pos + 2, close);
  if (inner.trim() === '') return false;
  if (!silent) {
    const token = state.push('wiki_link', '', 0);
    token.content = wikiLinkText(inner);
    token.markup = '[[';
  }
  state.pos = close + 2;
  return true;
}

function wikiLinkText(inner: string): string {
  const bar = inner.indexOf('|');
  const alias = bar >= 0 ? inner.slice(bar + 1).trim() : '';
  if (alias) return alias;
  const [page = '', ...anchors] = (bar >= 0 ? inner.slice(0, bar) : inner).split('#');
  const parts = [page.trim(), ...anchors.map((a) => a.trim()).filter((a) => !a.startsWith('^'))];
  return parts.filter(Boolean).join(' › ');
}

function renderBlock(tokens: Token[]): string {
  return md.renderer.render(tokens, md.options, {});
}

function renderInline(tokens: Token[]): string {
  return md.renderer.renderInline(tokens, md.options, {});
}

function inlineText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'wiki_link':
        text += token.content;
        break;
      case 'code_inline':
        text += token.content.replace(CODE_EMPHASIS, '$1');
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'image':
        text += inlineText(token.children ?? []);
        break;
    }
  }
  return text;
}

function blockText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  let listItem = false;
  for (const token of tokens) {
    if (token.type === 'list_item_open') listItem = true;
    if (token.type === 'inline') {
      const text = inlineText(token.children ?? []);
      parts.push(listItem ? `- ${text.trimEnd()}` : text.trimEnd());
      listItem = false;
    } else if (token.type === 'fence' || token.type === 'code_block') {
      parts.push(token.content.replace(/\n$/, ''));
    }
  }
  return parts.join('\n\n');
}

// --- Chunks -------------------------------------------------------------------------------

/** What reading the chunks found that the lesson as a whole is judged by. */
interface ChunkFindings {
  hasPython: boolean;
  /** The first lines of the fences that are never closed. */
  unterminated: Set<number | null>;
}

/** A chunk is cut at the first boundary after this many characters. */
const CHUNK_CHARACTERS = 64 * 1024;

/**
 * The lesson's top-level blocks, in order, read a chunk at a time. markdown-it's tokens take
 * a few hundred bytes each: a 5 MB lesson of short paragraphs is millions of them, and held
 * all at once they cost gigabytes and most of the time goes to the garbage collector. Read
 * chunk by chunk, each chunk's tokens are dropped before the next is read.
 */
function* readTopLevelBlocks(
  source: string,
  lines: readonly string[],
  lesson: Lesson,
  found: ChunkFindings,
): Generator<TopLevelBlock> {
  // Link reference definitions hold for the whole file, before and after them.
  const env: StateCore['env'] = {};
  if (source.includes(']:')) referenceScanner.parse(source, env);
  let tooDeep = false;
  for (const chunk of splitIntoChunks(lines)) {
    const tokens = md.parse(chunk.text, env);
    for (const token of tokens) {
      if (token.map) token.map = [token.map[0] + chunk.line, token.map[1] + chunk.line];
      if (token.type === 'fence' && PYTHON_LANGUAGES.has(fenceLanguage(token.info)))
        found.hasPython = true;
      for (const child of token.children ?? []) {
        if (child.type !== 'link_destination') continue;
        const shown = (child.meta as { shown: string }).shown;
        const line = (token.map?.[0] ?? 0) + 1;
        const link = { shown, opens: child.content };
        lesson.problems.push({ kind: 'misleading-link', severity: 'warning', line, link });
      }
    }
    for (const problem of findFenceProblems(tokens, lines)) {
      lesson.problems.push(problem);
      if (problem.kind === 'unterminated-fence') found.unterminated.add(problem.line);
    }
    const budget = env as InlineBudget;
    if (budget.plainBlock && !budget.plainReported) {
      // Its line is the file's now (the chunk's tokens were moved to it above).
      lesson.problems.push({
        kind: 'plain-text',
        severity: 'warning',
        line: (budget.plainBlock.map?.[0] ?? 0) + 1,
      });
      budget.plainReported = true;
    }
    // markdown-it stops reading at its nesting limit without a word: what follows is not read.
    const deepest = tokens.find((token) => token.level >= md.options.maxNesting - 1);
    if (deepest && !tooDeep) {
      tooDeep = true;
      const line = (deepest.map?.[0] ?? 0) + 1;
      lesson.problems.push({ kind: 'too-deep', severity: 'error', line });
    }
    yield* groupTopLevelBlocks(tokens);
  }
}

/**
 * The text cut into chunks that Markdown reads alike on their own and together: each cut is
 * before a line that starts at the margin after a blank line, outside a fence, and that is not
 * a list item (which could continue the list before it). Every block ends there: a paragraph
 * at a blank line, a list or a quote at a line that is not indented.
 */
function* splitIntoChunks(lines: readonly string[]): Generator<{ text: string; line: number }> {
  let start = 0;
  let size = 0;
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (
      fence === null &&
      size >= CHUNK_CHARACTERS &&
      /^[^\s\d*+-]/.test(line) &&
      (lines[i - 1] ?? '').trim() === ''
    ) {
      yield { text: lines.slice(start, i).join('\n'), line: start };
      start = i;
      size = 0;
    }
    size += line.length + 1;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker && isFenceClose(line, marker, fence)) fence = null;
    } else if (
      marker &&
      !(marker[0] === '`' && line.slice(line.indexOf(marker) + marker.length).includes('`'))
    ) {
      fence = marker;
    }
  }
  yield { text: lines.slice(start).join('\n'), line: start };
}

/** Whether a line holding the fence marker `marker` closes the fence opened with `fence`. */
function isFenceClose(line: string, marker: string, fence: string): boolean {
  return (
    marker[0] === fence[0] &&
    marker.length >= fence.length &&
    line.slice(line.indexOf(marker) + marker.length).trim() === ''
  );
}

// --- Structure ----------------------------------------------------------------------------

interface TopLevelBlock {
  tokens: Token[];
  lines: LineRange;
}

/** A piece of prose on its way into a scenario's explanation or discussion. */
interface Fragment extends Prose {
  /** The output label this paragraph consists of, as written; null when it is not one. */
  label: string | null;
  endsWithColon: boolean;
}

function groupTopLevelBlocks(tokens: Token[]): TopLevelBlock[] {
  const blocks: TopLevelBlock[] = [];
  let start = 0;
  let depth = 0;
  tokens.forEach((token, i) => {
    depth += token.nesting;
    if (depth !== 0) return;
    const slice = tokens.slice(start, i + 1);
    const map = slice[0]?.map;
    if (map) blocks.push({ tokens: slice, lines: { start: map[0] + 1, end: map[1] } });
    start = i + 1;
  });
  return blocks;
}

function readBlocks(
  topLevel: Iterable<TopLevelBlock>,
  lesson: Lesson,
  unterminated: ReadonlySet<number | null>,
): void {
  let section: Section | null = null;
  let headingLevel: number | null = null;
  /** The last scenario, while its expected output and discussion may still follow. */
  let open: Scenario | null = null;
  /** Prose since the last title, scenario or expected output. */
  let gap: Fragment[] = [];

  const closeOpen = () => {
    if (open) open.discussion = joinProse([open.discussion, ...gap]);
    open = null;
    gap = [];
  };

  let count = 0;
  for (const block of topLevel) {
    if (++count > MAX_BLOCKS) {
      // The blocks are read as they are needed: breaking off here leaves the rest unparsed.
      lesson.problems.push({
        kind: 'too-many-blocks',
        severity: 'warning',
        line: block.lines.start,
      });
      break;
    }
    const [first, second] = block.tokens;
    if (!first) continue;
    const title = readSectionTitle(block, lesson.sections.length + 1, headingLevel);
    if (title) {
      closeOpen();
      section = title.section;
      if (section.kind === 'heading') headingLevel = section.level;
      lesson.sections.push(section);
      lesson.blocks.push(proseBlock(block, section.id));
      if (title.rest) gap.push(title.rest);
      continue;
    }

    if (first.type === 'fence') {
      const language = fenceLanguage(first.info);
      const previous = gap.at(-1);
      const scenario: Scenario | null = open;
      if (scenario && !scenario.expected && isExpectedOutput(first, language, previous)) {
        if (previous?.label) gap.pop();
        scenario.discussion = joinProse([scenario.discussion, ...gap]);
        gap = [];
        scenario.expected = {
          text: first.content,
          lines: block.lines,
          label: previous?.label ?? null,
          fenceLanguage: language,
        } satisfies ExpectedOutput;
        lesson.blocks.push({
          kind: 'expected-output',
          scenarioId: scenario.id,
          lines: block.lines,
        });
        continue;
      }
      if (PYTHON_LANGUAGES.has(language)) {
        const number = lesson.scenarios.length + 1;
        let explanation = gap;
        if (scenario) {
          const [before, after] = splitGap(gap);
          scenario.discussion = joinProse([scenario.discussion, ...before]);
          explanation = after;
        }
        const reason = unterminated.has(block.lines.start)
          ? 'unterminated-fence'
          : language === 'pycon'
            ? 'interactive-session'
            : findNotRunnableReason(first.content);
        const created: Scenario = {
          id: `scenario-${number}`,
          number,
          title: section?.title ?? null,
          sectionId: section?.id ?? null,
          explanation: joinProse(explanation),
          discussion: joinProse([]),
          code: first.content,
          language,
          runnable: reason === null,
          notRunnableReason: reason,
          expected: null,
          lines: block.lines,
        };
        lesson.scenarios.push(created);
        lesson.blocks.push({ kind: 'scenario', scenarioId: created.id, lines: block.lines });
        open = created;
        gap = [];
        continue;
      }
    }

    const prose = proseBlock(block, section?.id ?? null);
    lesson.blocks.push(prose);
    const text = blockText(block.tokens);
    const paragraphText = first.type === 'paragraph_open' ? inlineText(second?.children ?? []) : '';
    gap.push({
      html: prose.html,
      text,
      label: outputLabel(paragraphText),
      endsWithColon: text.trimEnd().endsWith(':'),
    });
  }
  closeOpen();
}

/**
 * Prose between two scenarios of one section: the first paragraph after a scenario tells what
 * it did and stays with it; the rest leads to the next one. A lone paragraph ending with a
 * colon only introduces the next scenario.
 */
function splitGap(gap: Fragment[]): [Fragment[], Fragment[]] {
  if (gap.length === 1 && gap[0]?.endsWithColon) return [[], gap];
  return [gap.slice(0, 1), gap.slice(1)];
}

function isExpectedOutput(fence: Token, language: string, previous: Fragment | undefined): boolean {
  if (!previous) return false;
  if (previous.label !== null) {
    // Authors fence output as `python` too; a whole program after the label is still code.
    return !(PYTHON_LANGUAGES.has(language) && findNotRunnableReason(fence.content) === null);
  }
  return previous.endsWithColon && PLAIN_TEXT_LANGUAGES.has(language);
}

function outputLabel(paragraphText: string): string | null {
  const written = paragraphText.trim();
  const bare = written.replace(/\s*:$/, '').trim().toLowerCase();
  return OUTPUT_LABELS.has(bare) ? written : null;
}

function readSectionTitle(
  block: TopLevelBlock,
  number: number,
  headingLevel: number | null,
): { section: Section; rest: Fragment | null } | null {
  const [first, inline] = block.tokens;
  const children = inline?.children ?? [];
  const id = `section-${number}`;
  if (first?.type === 'heading_open' && /^h[1-3]$/.test(first.tag)) {
    const text = collapseSpace(inlineText(children));
    // A heading written as a numbered point (`### **2. Tasks run.**`) is titled as one.
    const title = NUMBERED_POINT.test(text) ? text.replace(/[\s.:]+$/, '') : text;
    const level = Number(first.tag.slice(1));
    const section: Section = {
      id,
      kind: 'heading',
      level,
      title,
      titleHtml: renderInline(children),
      lines: block.lines,
    };
    return { section, rest: null };
  }
  if (first?.type !== 'paragraph_open') return null;

  const open = children.findIndex((t) => !(t.type === 'text' && t.content.trim() === ''));
  if (children[open]?.type !== 'strong_open') return null;
  const close = children.findIndex((t, i) => i > open && t.type === 'strong_close');
  if (close < 0) return null;
  const strong = children.slice(open + 1, close);
  const strongText = collapseSpace(inlineText(strong));
  if (!NUMBERED_POINT.test(strongText)) return null;

  let restStart = close + 1;
  while (restStart < children.length && isBlankInline(children[restStart])) restStart += 1;
  const restTokens = children.slice(restStart);
  const restText = inlineText(restTokens).trim();
  const title = BARE_POINT_NUMBER.test(strongText)
    ? `${strongText} ${firstSentence(restText)}`
    : strongText;
  const section: Section = {
    id,
    kind: 'point',
    level: (headingLevel ?? 3) + 1,
    title: title.replace(/[\s.:]+$/, ''),
    titleHtml: renderInline(strong),
    lines: block.lines,
  };
  const rest =
    restText === ''
      ? null
      : {
          html: `<p>${renderInline(restTokens).trimStart()}</p>\n`,
          text: restText,
          label: null,
          endsWithColon: restText.endsWith(':'),
        };
  return { section, rest };
}

function isBlankInline(token: Token | undefined): boolean {
  if (!token) return false;
  return (
    token.type === 'softbreak' ||
    token.type === 'hardbreak' ||
    (token.type === 'text' && token.content.trim() === '')
  );
}

function proseBlock(
  block: TopLevelBlock,
  sectionId: string | null,
): Extract<LessonBlock, { kind: 'prose' }> {
  return { kind: 'prose', html: renderBlock(block.tokens), lines: block.lines, sectionId };
}

function joinProse(parts: readonly Prose[]): Prose {
  const present = parts.filter((p) => p.text !== '' || p.html !== '');
  return {
    html: present.map((p) => p.html).join(''),
    text: present.map((p) => p.text).join('\n\n'),
  };
}

// --- Fences -------------------------------------------------------------------------------

function fenceLanguage(info: string): string {
  return (info.trim().split(/\s+/)[0] ?? '').replace(/^\{\.?|\}$/g, '').toLowerCase();
}

/**
 * markdown-it closes an unterminated fence at the end of its container without saying so;
 * the fence was closed only if its last line is a closing fence.
 */
function findFenceProblems(tokens: Token[], lines: readonly string[]): LessonProblem[] {
  const problems: LessonProblem[] = [];
  for (const token of tokens) {
    if (token.type !== 'fence' || !token.map) continue;
    const [start, end] = token.map;
    if (!isClosingFence(lines[end - 1], token.markup) || end - 1 === start) {
      const fence = token.markup;
      problems.push({ kind: 'unterminated-fence', severity: 'error', line: start + 1, fence });
    }
    if (token.level > 0 && PYTHON_LANGUAGES.has(fenceLanguage(token.info))) {
      problems.push({ kind: 'nested-code', severity: 'warning', line: start + 1 });
    }
  }
  return problems;
}

function isClosingFence(line: string | undefined, markup: string): boolean {
  if (line === undefined) return false;
  const content = line.replace(/^(?:[ \t]*>)*[ \t]*/, '').trimEnd();
  const marker = markup[0] ?? '`';
  return content.length >= markup.length && [...content].every((c) => c === marker);
}

// --- Text ---------------------------------------------------------------------------------

function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.md$/i, '').replace(/\.(en|ru)$/i, '');
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/s.exec(text);
  return collapseSpace(match ? match[0] : text);
}

/** Drops a `#` comment; a `#` inside a one-line string literal is kept. */
/**
 * The code with its comments and the text inside its string literals (triple-quoted ones too)
 * blanked, line breaks kept: what is left is what Python runs.
 */
function blankStringsAndComments(code: string): string {
  let out = '';
  let i = 0;
  const blank = (c: string | undefined) => (c === '\n' ? '\n' : c === undefined ? '' : ' ');
  while (i < code.length) {
    const c = code[i] as string;
    if (c === '#') {
      while (i < code.length && code[i] !== '\n') i += 1;
    } else if (c === '"' || c === "'") {
      const close = code.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      out += close;
      i += close.length;
      while (i < code.length && !code.startsWith(close, i)) {
        if (close.length === 1 && code[i] === '\n') break; // an unclosed one-line string
        if (code[i] === '\\') {
          out += blank(code[i]);
          i += 1;
        }
        out += blank(code[i]);
        i += 1;
      }
      if (code.startsWith(close, i)) {
        out += close;
        i += close.length;
      }
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}
