/**
 * Section 2 of the minutes: every agenda item in order with its description,
 * a sentence on the method generated from the plan, the carousel's questions
 * or the wall's headings, and where its results are ("Se under punkt 3.1").
 */
import { findItem, rankingOptions, type AgendaItem, type Language, type Voter, type WorkshopState } from '@karusell/shared';
import { heading, list, paragraph, strong, type Block } from './model';
import { held, hostOf, type Layout } from './layout';
import { paragraphsOf } from './results';
import { counted, quoted, theCounted, WORDS, type Words } from './words';

function whoEach(w: Words, voter: Voter): string {
  return voter === 'group' ? w.eachGroup : w.eachParticipant;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The method sentence (and the list of questions or headings) of one item. */
function method(state: WorkshopState, item: AgendaItem, lang: Language): Block[] {
  const w = WORDS[lang];
  const titleOf = (id: string) => quoted(findItem(state.plan, id)?.title ?? id, lang);
  switch (item.kind) {
    case 'carousel':
      return [
        paragraph(w.carouselMethod(
          counted(state.groups, w.nouns.group, lang),
          counted(item.stations.length, w.nouns.station, lang),
          counted(item.roundMinutes, w.nouns.minute, lang),
        )),
        list(item.stations.map((s) => s.prompt)),
      ];
    case 'wall':
      return [
        paragraph(w.wallMethod(theCounted(item.headings.length, w.nouns.heading, lang), state.groups > 0 ? w.theGroups : w.theParticipants)),
        list(item.headings.map((h) => h.title)),
      ];
    case 'ranking': {
      const options = rankingOptions(state.plan, item);
      const source = item.of === undefined ? undefined : findItem(state.plan, item.of);
      const noun = source?.kind === 'wall' ? w.nouns.heading : source?.kind === 'carousel' ? w.nouns.station : w.nouns.option;
      const who = capitalised(item.voter === 'group' ? w.theGroups : w.theParticipants);
      const sentence = w.rankingMethod(who, theCounted(options.length, noun, lang), item.of ? titleOf(item.of) : null, options.length, item.lowerIsBetter, item.ties);
      return [paragraph(sentence), ...(item.options ? [list(item.options.map((o) => o.title))] : [])];
    }
    case 'dots': {
      const max = item.maxPerIdea === undefined ? null : String(item.maxPerIdea);
      return [paragraph(w.dotsMethod(whoEach(w, item.voter), counted(item.dotsPerVoter, w.nouns.dot, lang), titleOf(item.wall), max))];
    }
    case 'scale':
      return [paragraph(w.scaleMethod(whoEach(w, item.voter), item.min, item.max))];
    case 'qa':
      return [paragraph(w.qaMethod(item.of ? titleOf(item.of) : null))];
    case 'talk':
      return [];
  }
}

/** Where the item's results are, or that it has not been held (a talk without notes says nothing). */
function pointer(state: WorkshopState, item: AgendaItem, lang: Language, layout: Layout): Block[] {
  const w = WORDS[lang];
  const number = layout.numberOf.get(item.id);
  if (number) {
    if (item.kind === 'talk' || item.kind === 'qa') return [paragraph(w.seeNotes(number))];
    return [paragraph(item.kind === 'carousel' || item.kind === 'wall' || hostOf(state, item) !== item ? w.seeExercise(number) : w.seeResults(number))];
  }
  return item.kind === 'talk' || held(state, item) ? [] : [paragraph(w.notHeld)];
}

/** Section 2: the agenda as one list, each item with its description, method and pointer under it. */
export function agendaBlocks(state: WorkshopState, lang: Language, layout: Layout): Block[] {
  const items = state.plan.agenda.map((item) => {
    const blocks = [
      ...(item.description ? paragraphsOf(item.description) : []),
      ...method(state, item, lang),
      ...pointer(state, item, lang, layout),
    ];
    return blocks.length ? { text: strong(item.title), blocks } : { text: strong(item.title) };
  });
  return [heading(2, WORDS[lang].agenda), { type: 'list', ordered: false, items }];
}
