/**
 * Translators for the phone's lazily loaded views. A view's catalogues ship
 * with the view (both languages: they are small), so the page itself never
 * carries them; the language is the phone's, so they switch with it.
 */
import { format, type Vars } from '../lib/i18n/i18n.svelte';
import type { Catalogue, Shape } from '../lib/i18n/types';
import { i18n } from './i18n';

/** `t` over a view's catalogues, and `refusal`, which prefers the view's own words for a refusal code. */
export function viewTexts<M extends Catalogue>(texts: { sv: M; en: Shape<M> }) {
  const t = (key: keyof M & string, vars?: Vars): string => format(i18n.lang, texts[i18n.lang][key] as M[keyof M], vars);
  const refusal = (code: string, message: string): string =>
    `refusal_${code}` in texts.sv ? t(`refusal_${code}`) : i18n.refusal(code, message);
  return { t, refusal };
}
