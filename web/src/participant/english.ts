/** Everything the phone says in English, loaded only when English is first used. */
import { common, joining } from '../lib/i18n/en';
import { participant } from '../lib/i18n/en.participant';

/** The phone's English texts. */
export const english = { ...common, ...joining, ...participant };
