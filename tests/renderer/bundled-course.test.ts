/**
 * Every view and the narration describe the same instant: for every step of every bundled
 * scenario, in every lens, what the narration says the picture shows is what the view-models
 * show (the ready queue, the running handle, the timers, the task cards, where control is,
 * the clock, the phase), and the code lens names nothing by asyncio's private names.
 */
import { describe, expect, test } from 'vitest';
import type { RunState } from '../../src-shared/loop-state.ts';
import { createLocale } from '../../src-renderer/i18n/format.ts';
import { LENSES, type Lens } from '../../src-renderer/replay/lens.ts';
import { narrate, type Claim } from '../../src-renderer/replay/narration.ts';
import { findPrivateNames } from '../../src-renderer/replay/private-names.ts';
import { Replay } from '../../src-renderer/replay/replay.ts';
import { pillStatus } from '../../src-renderer/replay/task-words.ts';
import {
  codeFocus,
  currentLoop,
  deriveReadyQueue,
  deriveRunning,
  deriveTaskCards,
  deriveTimers,
  phaseOf,
} from '../../src-renderer/replay/view-model.ts';
import { useBundledTraces } from './bundled-traces.ts';

const en = createLocale('en');
const ru = createLocale('ru');
const traces = useBundledTraces();

/** What the views show at a step, as the components derive it. */
function viewsAt(replay: Replay, step: number, state: RunState) {
  const loop = currentLoop(state);
  return {
    queue: deriveReadyQueue(state, loop).map((e) => e.id),
    running: deriveRunning(state, loop)?.id ?? null,
    timers: deriveTimers(state, loop).map((e) => e.id),
    cards: deriveTaskCards(state, replay.eventAt(step), replay),
    focus: codeFocus(replay, step, state),
    time: state.time,
    phase: phaseOf(state, replay.eventAt(step)),
  };
}

/** Why a claim does not hold of the views, or null when it does. */
function contradiction(claim: Claim, views: ReturnType<typeof viewsAt>): string | null {
  const card = (task: number) => views.cards.find((c) => c.id === task);
  switch (claim.kind) {
    case 'queued':
      return views.queue.includes(claim.handle) ? null : `handle ${claim.handle} is not queued`;
    case 'not-queued':
      return views.queue.includes(claim.handle) ? `handle ${claim.handle} is queued` : null;
    case 'running':
      return views.running === claim.handle ? null : `running is ${views.running}`;
    case 'timer':
      return views.timers.includes(claim.handle) ? null : `no timer ${claim.handle}`;
    case 'not-timer':
      return views.timers.includes(claim.handle) ? `timer ${claim.handle} is shown` : null;
    case 'status':
      return card(claim.task)?.status === claim.status
        ? null
        : `task ${claim.task} shows ${card(claim.task)?.status}, not ${claim.status}`;
    case 'cancel-requested': {
      const shown = card(claim.task);
      return shown && ['cancelling', 'cancelled'].includes(pillStatus(shown))
        ? null
        : `task ${claim.task} does not show its cancellation`;
    }
    case 'focus':
      if (views.focus.kind !== claim.focus) return `control is shown in ${views.focus.kind}`;
      if (claim.line !== undefined && views.focus.kind === 'program') {
        return views.focus.line === claim.line ? null : `the code shows line ${views.focus.line}`;
      }
      return null;
    case 'time':
      return Math.abs(views.time - claim.time) < 1e-6 ? null : `the clock shows ${views.time}`;
    case 'phase':
      return views.phase === claim.phase ? null : `the phase is ${views.phase}`;
  }
}

/** The steps a learner stops at in `lens`: every stop, from the first to the last. */
function stopsOf(replay: Replay, lens: Lens): number[] {
  const steps = replay.lenses.steps(lens);
  return Array.from({ length: steps.count + 1 }, (_, i) => steps.stopAt(i));
}

describe('the narration and the views agree', () => {
  test('on every step of every bundled scenario, in every lens', () => {
    expect(traces().length).toBeGreaterThan(30);
    const problems: string[] = [];
    let checked = 0;
    for (const trace of traces()) {
      const replay = new Replay(trace.events);
      expect(replay.fault, trace.name).toBeNull();
      for (const lens of LENSES) {
        for (const step of stopsOf(replay, lens)) {
          const state = replay.stateAt(step);
          const said = narrate(replay, step, state, en, lens);
          const views = viewsAt(replay, step, state);
          for (const claim of said.claims) {
            const wrong = contradiction(claim, views);
            checked++;
            if (wrong)
              problems.push(`${trace.name} ${lens} step ${step}: “${said.text}”: ${wrong}`);
          }
          // Whoever the code view says runs is running on its card.
          const focus = views.focus;
          if (focus.kind === 'program' && focus.task !== null) {
            const shown = views.cards.find((c) => c.id === focus.task)?.status;
            if (shown !== 'running') {
              problems.push(`${trace.name} ${lens} step ${step}: the code runs a ${shown} task`);
            }
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  test('every step has a whole sentence in both languages, and the code lens names nothing private', () => {
    const problems: string[] = [];
    for (const trace of traces()) {
      const replay = new Replay(trace.events);
      for (const lens of LENSES) {
        for (const step of stopsOf(replay, lens)) {
          const state = replay.stateAt(step);
          for (const locale of [en, ru]) {
            const { text } = narrate(replay, step, state, locale, lens);
            if (/\{\w+\}|undefined|NaN|\?\)/.test(text) || text.length < 10) {
              problems.push(`${trace.name} ${lens} ${step} ${locale.language}: ${text}`);
            }
            const hidden = lens === 'code' ? findPrivateNames(text, replay.program.program) : [];
            if (hidden.length > 0) {
              problems.push(
                `${trace.name} step ${step} ${locale.language}: ${hidden.join(', ')} in “${text}”`,
              );
            }
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  test('the code lens takes fewer steps than the loop, and the loop fewer than every event', () => {
    for (const trace of traces()) {
      const replay = new Replay(trace.events);
      const [code, loop, all] = LENSES.map((lens) => replay.lenses.steps(lens).count);
      expect(code, trace.name).toBeLessThan(loop ?? 0);
      expect(loop, trace.name).toBeLessThan(all ?? 0);
    }
  });
});
