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

/**
 * The plural categories of each language, in the order its forms are written: English has
 * one/other; Russian has one/few/many, and `other` for fractions (1 задача, 2 задачи,
 * 5 задач, 1,5 задачи).
 */
const PLURAL_ORDER: Record<Language, readonly Intl.LDMLPluralRule[]> = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
};
/** Where a category's form is missing: a Russian fraction takes the `few` form. */
const PLURAL_FALLBACK: Partial<Record<Intl.LDMLPluralRule, Intl.LDMLPluralRule>> = {
  other: 'few',
};
const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * Picks the plural form for `n` with the language's own rules (`Intl.PluralRules`). Forms are
 * written in the order of PLURAL_ORDER, separated by `|`: "one|other", "one|few|many[|other]".
 */
export function plural(language: Language, n: number, forms: string): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const parts = forms.split('|');
  const order = PLURAL_ORDER[language];
  const category = rules.select(n);
  const at = (c: Intl.LDMLPluralRule | undefined) => (c ? order.indexOf(c) : -1);
  let index = at(category);
  if (index < 0 || index >= parts.length) index = at(PLURAL_FALLBACK[category]);
  if (index < 0 || index >= parts.length) index = parts.length - 1;
  return parts[index] ?? '';
}

/** The language of a locale string such as `ru-RU`, `ru_RU.UTF-8` or `en-GB`. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
