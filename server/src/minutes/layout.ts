/**
 * Which agenda items get a results section (3.1, 3.2 …) and where each item's
 * results are. A ranking with `of` is reported inside the exercise it ranks,
 * a Q&A with `of` inside its talk; a talk gets a section only when there is
 * something to report (notes or questions), as in the reference minutes.
 */
import { own, type AgendaItem, type Note, type Question, type WorkshopState } from '@karusell/shared';

/** The results sections in agenda order, and the section each item's results are in. */
export interface Layout {
  sections: AgendaItem[];
  /** Item id → "3.N", for items whose results are in some section. */
  numberOf: Map<string, string>;
}

/** The facilitator's notes on an item, in the order they were added. */
export function notesOn(state: WorkshopState, item: string): Note[] {
  return state.noteOrder.map((id) => state.notes[id]!).filter((note) => note.item === item);
}

/** The questions of a Q&A item that are not hidden, in the order they were asked. */
export function questionsOf(state: WorkshopState, item: string): Question[] {
  return state.questionOrder.map((id) => state.questions[id]!).filter((q) => q.item === item && q.status !== 'hidden');
}

/** Whether an item has run or has notes: ideas, ballots and questions only come while an item runs. */
export function held(state: WorkshopState, item: AgendaItem): boolean {
  return (own(state.items, item.id)?.runs ?? 0) > 0 || notesOn(state, item.id).length > 0;
}

/** The items reported inside this one: rankings of an exercise, Q&As of a talk. */
export function insideOf(state: WorkshopState, item: AgendaItem): AgendaItem[] {
  return state.plan.agenda.filter((other) =>
    (other.kind === 'ranking' && other.of === item.id) || (other.kind === 'qa' && other.of === item.id));
}

/** The item whose section reports this one (itself unless it is a ranking or Q&A with `of`). */
export function hostOf(state: WorkshopState, item: AgendaItem): AgendaItem {
  const of = item.kind === 'ranking' || item.kind === 'qa' ? item.of : undefined;
  return (of !== undefined && state.plan.agenda.find((other) => other.id === of)) || item;
}

function hasSection(state: WorkshopState, item: AgendaItem): boolean {
  if (hostOf(state, item) !== item) return false;
  const inside = insideOf(state, item).some((other) => held(state, other));
  if (item.kind === 'talk') return notesOn(state, item.id).length > 0 || inside;
  return held(state, item) || inside;
}

/** Numbers the results sections and points every item at its section. */
export function layoutOf(state: WorkshopState): Layout {
  const sections = state.plan.agenda.filter((item) => hasSection(state, item));
  const numberOf = new Map<string, string>();
  sections.forEach((item, i) => numberOf.set(item.id, `3.${i + 1}`));
  for (const item of state.plan.agenda) {
    const host = numberOf.get(hostOf(state, item).id);
    if (host && held(state, item) && !numberOf.has(item.id)) numberOf.set(item.id, host);
  }
  return { sections, numberOf };
}
