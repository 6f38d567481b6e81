/**
 * Builds the minutes of a workshop, at any moment of the meeting, in the
 * shape of the reference minutes: a title and an introductory line, then
 * 1. Background, 2. Agenda and 3. Results (CONTRACT.md §4).
 */
import type { Language, WorkshopState } from '@karusell/shared';
import { agendaBlocks } from './agenda';
import { attendanceOf } from './attendance';
import { layoutOf } from './layout';
import { heading, list, paragraph, type Block, type Minutes } from './model';
import { paragraphsOf, resultBlocks } from './results';
import { longDate, when, WORDS } from './words';

function organisationsLine(state: WorkshopState, lang: Language): string {
  const w = WORDS[lang];
  const counts = attendanceOf(state);
  // With the facilitator's total, the phones' sectors are only a lower bound ("at least"); past the total they are left out.
  const sectors = counts.sectors.length
    ? `, ${counts.atLeast ? w.ofWhichAtLeast : w.ofWhich} ${counts.sectors.map((s) => `${w.sectors[s.sector]} ${s.count}`).join(', ')}`
    : '';
  return `${w.organisations}: ${counts.organisations}${sectors}`;
}

function backgroundBlocks(state: WorkshopState, lang: Language): Block[] {
  const w = WORDS[lang];
  const { place, date, start, end, purpose, goal } = state.plan;
  const time = when(lang, date, start, end);
  const facts = [
    ...(place ? [`${w.place}: ${place}`] : []),
    ...(time ? [`${w.time}: ${time}`] : []),
    `${w.participants}: ${attendanceOf(state).participants}`,
    organisationsLine(state, lang),
  ];
  return [
    heading(2, w.background),
    list(facts),
    ...(purpose ? [heading(3, w.purpose), ...paragraphsOf(purpose)] : []),
    ...(goal ? [heading(3, w.goal), ...paragraphsOf(goal)] : []),
  ];
}

/** The minutes of a workshop in a language (the plan's unless asked otherwise). */
export function buildMinutes(state: WorkshopState, lang: Language = state.plan.language): Minutes {
  const w = WORDS[lang];
  const { plan } = state;
  const date = plan.date ? longDate(plan.date, lang) : null;
  const title = [w.title, plan.title, date].filter(Boolean).join(' ');
  const work = plan.agenda.some((item) => item.kind !== 'talk' && item.kind !== 'qa');
  const layout = layoutOf(state);
  return {
    lang,
    title,
    blocks: [
      heading(1, title),
      paragraph(w.intro(work, plan.title, date)),
      ...backgroundBlocks(state, lang),
      ...agendaBlocks(state, lang, layout),
      ...resultBlocks(state, lang, layout),
    ],
  };
}
