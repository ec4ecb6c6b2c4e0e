/** Numbers, times and counted nouns as each language writes them. */
import type { Language } from '../../src-shared/api.ts';
import { createTranslator, plural, type Params } from '../../src-shared/i18n/translate.ts';
import { uiCatalog, type UiKey } from './catalog-ui.ts';

export type Translate = (key: UiKey, params?: Params) => string;

/** A catalog key whose text is a noun's plural forms (`noun.*`). */
export type NounKey = Extract<UiKey, `noun.${string}`>;

export interface Locale {
  language: Language;
  t: Translate;
  /** A duration in seconds: `1.5 s`, `1,5 с`; `inf`, as Python writes it, when not finite. */
  seconds(value: number): string;
  /** A moment of the loop's clock: `t = 1.5 s`, `t = 1,5 с`. */
  at(time: number): string;
  /**
   * A deadline seen from `now`: `t = 2.5 s (in 0.5 s)`, never a bare number that could be
   * read as a duration.
   */
  deadline(time: number, now: number): string;
  /** `count` and its noun in the right form: `2 tasks`, `2 задачи`; `из 2 задач` from `noun.*-of`. */
  count(count: number, noun: NounKey): string;
  /** Only the noun's form for `count`. */
  plural(count: number, noun: NounKey): string;
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
  const seconds = (value: number) =>
    Number.isFinite(value)
      ? t('time.seconds', { value: numbers.format(value) })
      : t('time.infinite');
  const at = (time: number) => t('time.at', { time: seconds(time) });
  const form = (count: number, noun: NounKey) => plural(language, count, t(noun));
  return {
    language,
    t,
    seconds,
    at,
    deadline: (time, now) =>
      Number.isFinite(time)
        ? t('time.deadline', { at: at(time), in: seconds(Math.max(0, time - now)) })
        : t('time.deadline-never', { at: at(time) }),
    count: (count, noun) =>
      t('count.noun', { count: numbers.format(count), noun: form(count, noun) }),
    plural: form,
  };
}
