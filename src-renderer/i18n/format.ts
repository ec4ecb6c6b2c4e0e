/** Numbers and times as each language writes them. */
import type { Language } from '../../src-shared/api.ts';
import { createTranslator, plural, type Params } from '../../src-shared/i18n/translate.ts';
import { uiCatalog, type UiKey } from './catalog-ui.ts';

export type Translate = (key: UiKey, params?: Params) => string;

export interface Locale {
  language: Language;
  t: Translate;
  /** A virtual time or duration in seconds: `1.5 s`, `1,5 с`. */
  seconds(value: number): string;
  /** The word for `count` things, from a `plural.*` key. */
  plural(count: number, key: UiKey): string;
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

export function createLocale(language: Language): Locale {
  const t = createTranslator(uiCatalog, language);
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 3, useGrouping: false });
    numberFormats.set(language, format);
  }
  const numbers = format;
  return {
    language,
    t,
    seconds: (value) => t('time.seconds', { value: numbers.format(value) }),
    plural: (count, key) => plural(language, count, t(key)),
  };
}
