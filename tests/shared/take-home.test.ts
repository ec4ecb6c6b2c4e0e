/**
 * The pure parts of taking a replay home: the names files are saved under, the HTML replay's
 * page filled with a replay that no program's text can break out of, and reading a replay in
 * the page with its reasons in both languages.
 */
import { describe, expect, it } from 'vitest';
import {
  createReplayFile,
  parseReplayFile,
  type ReplayFile,
} from '../../src-shared/replay-file.ts';
import { fillReplayPage, REPLAY_DATA_TAG } from '../../src-shared/replay-page.ts';
import { isReplayFileName, saveFileName } from '../../src-shared/save-kinds.ts';
import {
  frameMetaOf,
  lessonOfScenario,
  openReplayBytes,
  replayBaseName,
} from '../../src-renderer/export/replay-io.ts';
import { fixtureEvents } from './export-fixtures.ts';

const events = fixtureEvents('gather.jsonl');
const replay: ReplayFile = {
  code: 'print("</script><script>alert(1)</script><!--")\n',
  lesson: { title: 'Gather', file: '03-gather.en.md', scenario: { number: 2, title: 'workers' } },
  language: 'ru',
  appVersion: '0.1.0',
  events,
};

describe('names of saved files', () => {
  it('keep a base name, drop folders and what a file system refuses, and take the kind’s extension', () => {
    expect(saveFileName('03-gather.en-2', 'replay')).toBe('03-gather.en-2.loopscope.json');
    expect(saveFileName('../../etc/passwd', 'png')).toBe('passwd.png');
    expect(saveFileName('C:\\Users\\a:b*?.md', 'svg')).toBe('a_b__.svg');
    expect(saveFileName('...\u0000', 'gif')).toBe('loopscope.gif');
    expect(saveFileName('run.loopscope.json', 'html')).toBe('run.html');
    expect(saveFileName('x'.repeat(300), 'webm')).toBe(`${'x'.repeat(120)}.webm`);
    // A replay file names its lesson: that name is anyone's.
    expect(saveFileName('a\u0085b\u2028c\u202e\u2066d', 'png')).toBe('abcd.png');
    expect(saveFileName('CON', 'replay')).toBe('_CON.loopscope.json');
    expect(saveFileName('Lpt9.rep', 'svg')).toBe('_Lpt9.svg');
    expect(saveFileName('🐍'.repeat(130), 'gif')).toBe(`${'🐍'.repeat(120)}.gif`);
  });

  it('know a replay or a trace by its extension', () => {
    expect(['a.loopscope.json', 'b.JSONL', 'c.json'].every(isReplayFileName)).toBe(true);
    expect(['a.md', 'b.py', 'c.json.txt'].some(isReplayFileName)).toBe(false);
  });

  it('come from the lesson and scenario, or from the file the replay was opened from', () => {
    expect(replayBaseName(replay, null)).toBe('03-gather.en-2');
    expect(replayBaseName(replay, 'homework.loopscope.json')).toBe('homework');
    expect(replayBaseName({ ...replay, lesson: null }, null)).toBe('gather');
    expect(frameMetaOf(replay)).toEqual({
      lesson: 'Gather',
      scenario: { number: 2, title: 'workers' },
      file: '03-gather.en.md',
    });
    expect(lessonOfScenario(null, 'x.md', null)).toBeNull();
  });
});

describe('the HTML replay page', () => {
  const template = `<html><head></head><body>${REPLAY_DATA_TAG}<script type="module">run()</script></body></html>`;

  it('holds the replay whole, and no text in it can end its tag', () => {
    const page = fillReplayPage(template, createReplayFile(replay), {
      name: 'a "quoted" <name>.loopscope.json',
      theme: 'dark',
      language: 'ru',
    });
    // The only script ends are the data tag's and the page's own script's.
    expect(page.match(/<\/script/gi)).toHaveLength(2);
    expect(page).not.toContain('<!--');
    const data = /<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(page)?.[1];
    const parsed = parseReplayFile(data ?? '');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    expect(parsed.replay.code).toBe(replay.code);
    expect(parsed.replay.events).toEqual(events);
    expect(page).toContain('data-theme="dark" data-language="ru"');
    expect(page).toContain('data-name="a &quot;quoted&quot; &lt;name&gt;.loopscope.json"');
  });

  it('refuses a page without one place for the replay', () => {
    expect(() =>
      fillReplayPage('<html></html>', '{}', { name: '', theme: '', language: '' }),
    ).toThrow();
    expect(() =>
      fillReplayPage(template + REPLAY_DATA_TAG, '{}', { name: '', theme: '', language: '' }),
    ).toThrow();
  });
});

describe('opening a replay in the page', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('opens a replay file and the CLI’s JSON Lines alike', async () => {
    const file = await openReplayBytes(
      { name: 'a', size: 1, bytes: bytes(createReplayFile(replay)) },
      'en',
    );
    const lines = events.map((e) => JSON.stringify(e)).join('\n');
    const trace = await openReplayBytes({ name: 'b', size: 1, bytes: bytes(lines) }, 'en');
    expect(file.ok && trace.ok && file.replay.events.length === trace.replay.events.length).toBe(
      true,
    );
  });

  it('says why a file cannot be replayed, in the language asked', async () => {
    const large = await openReplayBytes(
      { name: 'a', size: 300 * 1024 * 1024, bytes: new Uint8Array() },
      'ru',
    );
    expect(large).toEqual({
      ok: false,
      reason: 'файл занимает 300 МБ; запись может занимать не больше 256 МБ',
    });
    const cut = await openReplayBytes({ name: 'a', size: 9, bytes: bytes('{"format"') }, 'en');
    expect(cut.ok ? '' : cut.reason).toMatch(/^the file is cut short/);
    const newer = createReplayFile(replay).replace('"version":1', '"version":2');
    const refused = await openReplayBytes({ name: 'a', size: 1, bytes: bytes(newer) }, 'en');
    expect(refused.ok ? '' : refused.reason).toContain('replay format 2');
  });
});
