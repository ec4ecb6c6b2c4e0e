/** The app's shared state, handed to components through typed context. */
import { createContext } from 'svelte';
import type { Navigator } from '../state/navigator.svelte.ts';
import type { Player } from '../state/player.svelte.ts';
import type { Session } from '../state/session.svelte.ts';
import type { SettingsState } from '../state/settings.svelte.ts';
import type { UiState } from '../state/ui.svelte.ts';

export interface AppContext {
  settings: SettingsState;
  session: Session;
  player: Player;
  ui: UiState;
  navigation: Navigator;
}

export const [getAppContext, setAppContext] = createContext<AppContext>();
