/** The facilitator's translator: follows the plan's language unless the facilitator picks one. */
import type { Language } from '@karusell/shared/plan';
import { common as commonEn, facilitator as facilitatorEn } from '../lib/i18n/en';
import { attendance as attendanceEn } from '../lib/i18n/en.attendance';
import { exercises as exercisesEn } from '../lib/i18n/en.exercises';
import { I18n } from '../lib/i18n/i18n.svelte';
import { refusalTexts } from '../lib/i18n/refusals';
import { results as resultsEn } from '../lib/i18n/en.results';
import { results as resultsSv, type ResultMessages } from '../lib/i18n/sv.results';
import { attendance as attendanceSv, type AttendanceMessages } from '../lib/i18n/sv.attendance';
import { common as commonSv, facilitator as facilitatorSv, type CommonMessages, type FacilitatorMessages } from '../lib/i18n/sv';
import { exercises as exercisesSv, type ExerciseMessages } from '../lib/i18n/sv.exercises';
import { load, save } from '../lib/storage';

const CHOICE_KEY = 'karusell:facilitator:language';

function storedChoice(): Language | null {
  const stored = load(CHOICE_KEY, 'session');
  return stored === 'sv' || stored === 'en' ? stored : null;
}

/** The facilitator's texts in Swedish and English. */
export const i18n = new I18n<CommonMessages & FacilitatorMessages & ExerciseMessages & ResultMessages & AttendanceMessages>(
  {
    sv: { ...commonSv, ...facilitatorSv, ...exercisesSv, ...resultsSv, ...attendanceSv, ...refusalTexts('sv') },
    en: { ...commonEn, ...facilitatorEn, ...exercisesEn, ...resultsEn, ...attendanceEn, ...refusalTexts('en') },
  },
  storedChoice() ?? 'sv',
);

/** Uses the meeting's language unless the facilitator picked one in this tab. */
export function followPlanLanguage(lang: Language): void {
  if (storedChoice() === null) void i18n.use(lang);
}

/** The facilitator's own pick, for this tab. */
export function chooseLanguage(lang: Language): void {
  save(CHOICE_KEY, lang, 'session');
  void i18n.use(lang);
}
