/**
 * The phone's translator. The page carries only the Swedish texts needed
 * before joining (the join form itself is bilingual); the rest comes in the
 * language in use, so a phone downloads one language's texts, not both.
 */
import type { Language } from '@karusell/shared/plan';
import { I18n } from '../lib/i18n/i18n.svelte';
import { common as commonSv, joining as joiningSv, type CommonMessages, type JoiningMessages } from '../lib/i18n/sv';
import type { ParticipantMessages } from '../lib/i18n/sv.participant';
import { save } from '../lib/storage';
import { CHOICE_KEY, fetchTexts, storedChoice } from './language';

/** The phone's texts. */
export const i18n = new I18n<CommonMessages & JoiningMessages & ParticipantMessages>(
  { sv: { ...commonSv, ...joiningSv }, en: {} },
  'sv',
  fetchTexts,
);
// A phone set to English shows the Swedish join form until the English texts arrive.
const initial = storedChoice();
if (initial === 'en') void i18n.use(initial);

/** Shows the meeting in its own language unless the person picked one on this phone; resolves once the texts are in. */
export function followPlanLanguage(lang: Language): Promise<void> {
  return i18n.use(storedChoice() ?? lang);
}

/** The person's own pick, remembered on this phone. */
export function chooseLanguage(lang: Language): void {
  save(CHOICE_KEY, lang);
  void i18n.use(lang);
}

/**
 * A refused join in words. Before joining the phone does not know the
 * meeting's language, but the server does: for a meeting it found (locked,
 * ended, removed) its message is in that language, so it is used unless the
 * person picked a language here.
 */
export function joinRefusalText(code: string, serverMessage: string): string {
  const fromMeeting = code === 'locked' || code === 'ended' || code === 'removed';
  return fromMeeting && serverMessage && storedChoice() === null ? serverMessage : i18n.refusal(code, serverMessage);
}
