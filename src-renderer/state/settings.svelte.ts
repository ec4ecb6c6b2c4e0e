/** The user's settings, kept by the host; the language and theme they resolve to. */
import {
  DEFAULT_SETTINGS,
  type Language,
  type LoopscopeApi,
  type Settings,
} from '../../src-shared/api.ts';
import { languageFromLocale } from '../../src-shared/i18n/translate.ts';
import { clampZoom } from '../../src-shared/settings.ts';
import { createLocale } from '../i18n/format.ts';

function watchMedia(query: string, onChange: (matches: boolean) => void): boolean {
  if (typeof matchMedia !== 'function') return false;
  const list = matchMedia(query);
  list.addEventListener('change', (event) => onChange(event.matches));
  return list.matches;
}

export class SettingsState {
  value = $state<Settings>({ ...DEFAULT_SETTINGS });
  systemDark = $state(false);
  systemContrast = $state(false);
  reducedMotion = $state(false);
  readonly systemLanguage: Language = languageFromLocale(
    typeof navigator === 'undefined' ? null : navigator.language,
  );

  language = $derived<Language>(
    this.value.language === 'system' ? this.systemLanguage : this.value.language,
  );
  locale = $derived(createLocale(this.language));
  theme = $derived.by(() => {
    if (this.value.theme !== 'system') return this.value.theme;
    if (this.systemContrast) return 'contrast';
    return this.systemDark ? 'dark' : 'light';
  });

  /** How long a view's animation lasts: none when motion is unwanted or playback too fast. */
  motionMs = $derived.by(() => {
    if (this.reducedMotion) return 0;
    const ms = 420 / this.value.speed;
    return ms < 80 ? 0 : Math.min(ms, 600);
  });

  constructor(private readonly api: LoopscopeApi) {
    this.systemDark = watchMedia('(prefers-color-scheme: dark)', (v) => (this.systemDark = v));
    this.systemContrast = watchMedia('(prefers-contrast: more)', (v) => (this.systemContrast = v));
    this.reducedMotion = watchMedia(
      '(prefers-reduced-motion: reduce)',
      (v) => (this.reducedMotion = v),
    );
  }

  async load(): Promise<void> {
    try {
      this.value = { ...DEFAULT_SETTINGS, ...(await this.api.settings.get()) };
    } catch {
      // The defaults serve when the host cannot read its settings.
    }
  }

  update(patch: Partial<Settings>): void {
    this.value = { ...this.value, ...patch };
    void this.api.settings.set(patch).catch(() => {});
  }

  zoomBy(factor: number): void {
    this.update({ zoom: clampZoom(this.value.zoom * factor) });
  }
}
