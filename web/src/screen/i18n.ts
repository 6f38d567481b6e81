/** The screen's translator: always the meeting's language. */
import { common as commonEn, screen as screenEn } from '../lib/i18n/en';
import { I18n } from '../lib/i18n/i18n.svelte';
import { refusalTexts } from '../lib/i18n/refusals';
import { common as commonSv, screen as screenSv, type CommonMessages, type ScreenMessages } from '../lib/i18n/sv';

/** The screen's texts in Swedish and English. */
export const i18n = new I18n<CommonMessages & ScreenMessages>(
  {
    sv: { ...commonSv, ...screenSv, ...refusalTexts('sv') },
    en: { ...commonEn, ...screenEn, ...refusalTexts('en') },
  },
  'sv',
);
