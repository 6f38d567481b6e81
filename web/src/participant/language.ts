/**
 * The phone's language and where its texts come from, without Svelte, so the
 * entry (main.ts) can start fetching them before the app has arrived.
 */
import type { Language } from '@karusell/shared/plan';
import type { CommonMessages, JoiningMessages } from '../lib/i18n/sv';
import type { ParticipantMessages } from '../lib/i18n/sv.participant';
import { load } from '../lib/storage';

/** Where the person's own pick is remembered on this phone. */
export const CHOICE_KEY = 'karusell:language';

/** The language the person picked on this phone, if any. */
export function storedChoice(): Language | null {
  const stored = load(CHOICE_KEY);
  return stored === 'sv' || stored === 'en' ? stored : null;
}

/** The rest of a language's texts (the page carries only the Swedish needed before joining); the import is fetched once. */
export async function fetchTexts(lang: Language): Promise<Partial<CommonMessages & JoiningMessages & ParticipantMessages>> {
  return lang === 'sv' ? (await import('../lib/i18n/sv.participant')).participant : (await import('./english')).english;
}
