/**
 * Words around a vote's results that the facilitator and the screen both
 * show: how many have voted of how many expected, and where an idea stands
 * (its heading, or its station's number). Each passes its own translator.
 */
import type { Idea } from '@karusell/shared/events';
import type { Plan } from '@karusell/shared/plan';
import type { VoteProgress } from '@karusell/shared/results';
import type { VoteItem } from '@karusell/shared/votes';
import type { Vars } from './i18n/i18n.svelte';
import type { ResultMessages } from './i18n/sv.results';

/** A translator that knows the vote texts (the facilitator's and the screen's both do). */
export type ResultText = (key: keyof ResultMessages & string, vars?: Vars) => string;

/** "3 av 8 grupper har röstat" / "12 av 40 deltagare har röstat". */
export function votedOf(t: ResultText, item: VoteItem, progress: VoteProgress): string {
  return t(item.voter === 'group' ? 'groupsVotedOf' : 'peopleVotedOf', { voted: progress.voted, count: progress.expected });
}

/** The heading an idea is under, or its station's number. */
export function slotLabel(t: ResultText, plan: Plan, idea: Idea): string {
  const source = plan.agenda.find((i) => i.id === idea.item);
  if (source?.kind === 'wall') return source.headings.find((h) => h.id === idea.slot)?.title ?? '';
  if (source?.kind === 'carousel') return t('stationNumber', { n: source.stations.findIndex((s) => s.id === idea.slot) + 1 });
  return '';
}
