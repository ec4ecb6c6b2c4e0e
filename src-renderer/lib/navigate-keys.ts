/**
 * The keys of navigation by meaning: choose a task (T, Shift+T; Escape forgets it) and walk
 * its steps only (] next, [ previous); W switches the why-arrows. They are read by their place on the keyboard, not by
 * the letter it types, so that they work the same with a Russian layout.
 */
import type { Navigator } from '../state/navigator.svelte.ts';

/** Handles a key press that no playback key took; returns whether it was one of ours. */
export function handleNavigateKey(event: KeyboardEvent, navigation: Navigator): boolean {
  switch (event.code) {
    case 'KeyT':
      navigation.cycleTask(event.shiftKey);
      return true;
    case 'KeyW':
      navigation.toggleWhy();
      return true;
    case 'BracketRight':
      navigation.taskStep(false);
      return true;
    case 'BracketLeft':
      navigation.taskStep(true);
      return true;
    case 'Escape':
      if (navigation.task === null && navigation.notice === null) return false;
      navigation.selectTask(null);
      return true;
    default:
      return false;
  }
}
