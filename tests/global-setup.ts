// Builds the engine's worker before the tests, so that they always run today's engine.
import { buildEngine } from '../scripts/build-engine.mjs';

export default async function setup(): Promise<void> {
  await buildEngine();
}
