import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { watModule } from './vite-plugins.ts';

export default defineConfig({
  // The renderer's state classes use Svelte's runes: compiled as the browser would. The engine's
  // call trampoline is WebAssembly text: assembled as the engine's build assembles it.
  plugins: [svelte(), watModule()],
  resolve: { conditions: ['browser'] },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/e2e-electron/**', 'tests/hostile/**', 'node_modules/**'],
    // The engine's tests start Pyodide in confined child processes: build the engine first, and give
    // each engine file room (the first start prepares the interpreter, about 3 s here).
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: engine-heavy files in parallel only slow each other down.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
