/** The screen's translator: always the meeting's language. */
import { common as commonEn, screen as screenEn } from '../lib/i18n/en';
import { I18n } from '../lib/i18n/i18n.svelte';
import { refusalTexts } from '../lib/i18n/refusals';
import { results as resultsEn } from '../lib/i18n/en.results';
import { results as resultsSv, type ResultMessages } from '../lib/i18n/sv.results';
import { common as commonSv, screen as screenSv, type CommonMessages, type ScreenMessages } from '../lib/i18n/sv';

/** The screen's texts in Swedish and English. */
export const i18n = new I18n<CommonMessages & ScreenMessages & ResultMessages>(
  {
    sv: { ...commonSv, ...screenSv, ...resultsSv, ...refusalTexts('sv') },
    en: { ...commonEn, ...screenEn, ...resultsEn, ...refusalTexts('en') },
  },
  'sv',
);
