/** The playback keys, also those a presentation clicker sends (PageUp/PageDown). */
import type { Navigator } from '../state/navigator.svelte.ts';
import type { Player } from '../state/player.svelte.ts';
import { handleNavigateKey } from './navigate-keys.ts';

export interface KeyActions {
  player: Player;
  navigation: Navigator;
  togglePresentation(): void;
  run(): void;
}

/** Input types that take no typing: the player's keys go past them. */
const NOT_TYPED = new Set([
  'range',
  'button',
  'submit',
  'reset',
  'checkbox',
  'radio',
  'color',
  'file',
]);

/**
 * Whether the key press goes to a text being edited (a field, the code editor) or to the
 * modal question: only then are the keys theirs. A drop-down, a button or a menu keeps no
 * key: after a scenario is chosen with the mouse the focus stays in its `<select>`, and the
 * presenter's clicker (PageDown), the arrows, Home/End and Space must still drive the player,
 * not switch the scenario. (A drop-down still opens from the keyboard with Alt+Down or F4.)
 */
export function isEditingText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.cm-editor, dialog[open]')) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPED.has(target.type);
}

/** Handles a key press; returns whether it was one of ours. */
export function handleKey(event: KeyboardEvent, actions: KeyActions): boolean {
  if (event.key === 'F11') {
    actions.togglePresentation();
    return true;
  }
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    actions.run();
    return true;
  }
  if (event.altKey || event.ctrlKey || event.metaKey || isEditingText(event.target)) return false;
  const { player } = actions;
  // The scrubber moves itself with the arrows and Home/End: its own input event seeks.
  const onScrubber = event.target instanceof HTMLInputElement && event.target.type === 'range';
  switch (event.key) {
    case ' ':
      player.toggle();
      return true;
    case 'ArrowRight':
    case 'PageDown':
      if (onScrubber && event.key === 'ArrowRight') return false;
      if (event.shiftKey) player.nextIteration();
      else player.forward();
      return true;
    case 'ArrowLeft':
    case 'PageUp':
      if (onScrubber && event.key === 'ArrowLeft') return false;
      if (event.shiftKey) player.previousIteration();
      else player.back();
      return true;
    case 'ArrowDown':
      if (onScrubber) return false;
      player.nextIteration();
      return true;
    case 'ArrowUp':
      if (onScrubber) return false;
      player.previousIteration();
      return true;
    case 'o':
    case 'O':
      if (event.shiftKey) player.previousOutput();
      else player.nextOutput();
      return true;
    case 'Home':
      if (onScrubber) return false;
      player.start();
      return true;
    case 'End':
      if (onScrubber) return false;
      player.end();
      return true;
    default:
      return handleNavigateKey(event, actions.navigation);
  }
}
