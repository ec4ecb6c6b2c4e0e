/**
 * The HTML replay's page (src-renderer/replay-page/), built into one HTML file with its script
 * and styles inlined by vite-plugin-singlefile. Files the export code refers to (resvg's
 * WebAssembly, the fonts) are left out: the replay page never exports, so they are not inlined,
 * and scripts/build-renderer.mjs takes only the HTML file.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { REPLAY_PAGE_BUILD, REPLAY_PAGE_SOURCE } from './src-shared/build-paths.mjs';

export default defineConfig({
  root: '.',
  base: './',
  plugins: [svelte(), viteSingleFile({ useRecommendedBuildConfig: false })],
  build: {
    outDir: REPLAY_PAGE_BUILD,
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: '',
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    chunkSizeWarningLimit: 8192,
    rolldownOptions: {
      input: { replay: REPLAY_PAGE_SOURCE },
      // One script: the page has no other file to load.
      output: { codeSplitting: false },
    },
  },
});
