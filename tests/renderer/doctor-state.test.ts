/**
 * The doctor's panel state: findings once the run has ended, and the line of the finding the
 * student went to, marked while its step is on show. On a real run of the doctor's lesson.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { DoctorState } from '../../src-renderer/state/doctor.svelte.ts';
import { Player } from '../../src-renderer/state/player.svelte.ts';
import { Replay } from '../../src-renderer/replay/replay.ts';
import { useEngine } from '../engine/engine-fixture.ts';

const engine = useEngine();

test('going to a finding shows its step and marks its line until the playhead moves', async () => {
  const code = readFileSync(
    new URL('../shared/fixtures/doctor/blocking-call.py', import.meta.url),
    'utf8',
  );
  const { events } = await engine().run({ code, filename: 'blocking-call.py' });
  const player = new Player(
    () => 1,
    () => false,
  );
  const doctor = new DoctorState(player);
  player.load(new Replay(events.slice(0, -1)));
  expect(doctor.findings).toEqual([]);
  player.load(new Replay(events));
  const [finding] = doctor.findings;
  expect(finding).toMatchObject({ rule: 'blocking-call', line: 13 });
  expect(doctor.flaggedLine).toBeNull();
  if (!finding) throw new Error('no finding');
  doctor.show(finding);
  expect(player.step).toBe(finding?.step);
  expect(doctor.flaggedLine).toBe(13);
  player.seek(player.step + 1);
  expect(doctor.flaggedLine).toBeNull();
});
