/**
 * Translation: every user-visible string lives in a catalog with an English and a Russian
 * text under one key. Each part of the app owns its catalog file (`catalog-*.ts`); a catalog is
 * written `defineCatalog({ en: {...}, ru: {...} })`, which makes the compiler check that both
 * languages have exactly the same keys.
 *
 * Placeholders are `{name}`; plural forms are chosen with `plural()`.
 */
import type { Language } from '../api.ts';

export type Messages = Readonly<Record<string, string>>;

export interface Catalog<K extends string> {
  en: Readonly<Record<K, string>>;
  ru: Readonly<Record<K, string>>;
}

/** Declares a catalog; the type parameter ties both languages to the English keys. */
export function defineCatalog<const E extends Messages>(catalog: {
  en: E;
  ru: { readonly [K in keyof E]: string };
}): Catalog<Extract<keyof E, string>> {
  return catalog as Catalog<Extract<keyof E, string>>;
}

export type Params = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders. */
export function formatMessage(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one language and one catalog. */
export function createTranslator<K extends string>(catalog: Catalog<K>, language: Language) {
  const messages = catalog[language];
  return (key: K, params?: Params): string => formatMessage(messages[key], params);
}

/** Which of a language's written forms each CLDR plural category takes. */
const PLURAL_FORMS: Record<Language, Partial<Record<Intl.LDMLPluralRule, number>>> = {
  en: { one: 0, other: 1 },
  // Russian writes a fraction with the form of "few": 1,5 задачи.
  ru: { one: 0, few: 1, many: 2, other: 1 },
};

const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * Picks the plural form for `n` with the language's CLDR rules (`Intl.PluralRules`): English
 * has one/other, Russian has one/few/many (1 задача, 2 задачи, 5 задач). Forms are written
 * "one|few|many" (Russian) or "one|other".
 */
export function plural(language: Language, n: number, forms: string): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const parts = forms.split('|');
  const index = PLURAL_FORMS[language][rules.select(n)] ?? parts.length - 1;
  return parts[Math.min(index, parts.length - 1)] ?? '';
}

/** The language of a locale string such as `ru-RU`, `ru_RU.UTF-8` or `en-GB`. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
