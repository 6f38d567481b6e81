/** The shared refusal sentences as catalogue entries (`refusal_<code>`), for the facilitator and the screen. */
import type { Language } from '@karusell/shared/plan';
import { REFUSALS } from '@karusell/shared/refusals';

/** Every refusal code's sentence in one language, keyed `refusal_<code>`. */
export function refusalTexts(lang: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(REFUSALS).map(([code, text]) => [`refusal_${code}`, text[lang]]));
}
