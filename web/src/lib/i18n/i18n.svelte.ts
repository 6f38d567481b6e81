/**
 * The tiny translator: `t(key, vars)` looks a key up in the current
 * language's catalogue, fills `{name}` placeholders and picks plural forms
 * with Intl.PluralRules (the count is `vars.count`). The language is state,
 * so every text that reads it updates when it changes. A catalogue may be
 * loaded only when its language is first used (the phone does that).
 */
import type { Language } from '@karusell/shared/plan';
import type { Catalogue, Message } from './types';

/** Values for a message's placeholders. */
export type Vars = Record<string, string | number>;

/** Both languages, for switches: each language named in itself. */
export const LANGUAGES: readonly { lang: Language; name: string }[] = [
  { lang: 'sv', name: 'Svenska' },
  { lang: 'en', name: 'English' },
];

const pluralRules = new Map<Language, Intl.PluralRules>();

function pluralOf(lang: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}

/** Fills one message in one language. */
export function format(lang: Language, message: Message, vars: Vars = {}): string {
  const count = typeof vars.count === 'number' ? vars.count : 0;
  const text = typeof message === 'string' ? message : (message[pluralOf(lang, count)] ?? message.other);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * A translator over one catalogue per language; the language is reactive.
 * With `load`, the catalogues given are only a start: the rest of a
 * language's texts are loaded when `use` first switches to it.
 */
export class I18n<M extends Catalogue> {
  lang: Language = $state.raw('sv');
  /** Bumped when texts arrive, so everything that shows a text looks again. */
  #version = $state.raw(0);
  readonly #catalogues: Record<Language, Partial<M>>;
  readonly #load: ((lang: Language) => Promise<Partial<M>>) | undefined;
  readonly #complete = new Set<Language>();
  #wanted: Language = 'sv';

  constructor(catalogues: Record<Language, Partial<M>>, lang: Language, load?: (lang: Language) => Promise<Partial<M>>) {
    this.#catalogues = catalogues;
    this.#load = load;
    if (!load) this.#complete = new Set(['sv', 'en']);
    this.#show(lang);
  }

  /** Switches the language, first loading the rest of its texts if needed; resolves once shown. */
  async use(lang: Language): Promise<void> {
    this.#wanted = lang;
    if (this.#load && !this.#complete.has(lang)) {
      const more = await this.#load(lang).catch(() => null);
      if (!more) return;
      this.#catalogues[lang] = { ...this.#catalogues[lang], ...more };
      this.#complete.add(lang);
      this.#version += 1;
      if (this.#wanted !== lang) return;
    }
    this.#show(lang);
  }

  #show(lang: Language): void {
    this.lang = lang;
    document.documentElement.lang = lang;
  }

  /** The text of a message in the current language. */
  t = (key: keyof M & string, vars?: Vars): string => {
    void this.#version;
    const message = this.#catalogues[this.lang][key];
    return message === undefined ? key : format(this.lang, message, vars);
  };

  /** A refusal's sentence (catalogue key `refusal_<code>`); the server's own message when the catalogue has none. */
  refusal = (code: string, fallback = ''): string => {
    const message = this.#catalogues[this.lang][`refusal_${code}`];
    return typeof message === 'string' ? message : fallback || code;
  };
}
