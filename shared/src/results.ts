/**
 * A vote's results from the state as a viewer holds it: the ranking table of
 * the reference minutes (one row per option, each voter's value, the mean),
 * the ideas by dots, the scale's mean and distribution, and how many of the
 * expected voters have voted. The facilitator view, the screen, the phones
 * and the minutes all read results from here.
 */
import { rankingOptions } from './agenda';
import { survivorOf } from './ideas';
import type { Idea } from './events';
import type { DotsItem, Language, RankingItem, RankingOption, ScaleItem } from './plan';
import { activeParticipants, groupSizes, own, type WorkshopState } from './state';
import { dottableIdeas, voteOf, type VoteItem } from './votes';
import { priorityOrder, rankingRows, type Mean, type RankingRow } from './voting';

/** How many have voted, of how many expected (groups with members, or participants who joined). */
export interface VoteProgress {
  voted: number;
  expected: number;
}

/** A ranking's results. */
export interface RankingResult {
  kind: 'ranking';
  options: RankingOption[];
  /** Voter keys in column order: by group number, or in the order participants first voted. */
  voters: string[];
  /** One row per option in plan order. */
  rows: RankingRow[];
  /** Option ids by priority. */
  order: string[];
  lowerIsBetter: boolean;
}

/** A dots vote's results: the named item's visible ideas, most dots first (ties in the order they came). */
export interface DotsResult {
  kind: 'dots';
  ideas: { idea: Idea; dots: number }[];
}

/** A scale's results: the mean and how many chose each value from min to max. */
export interface ScaleResult {
  kind: 'scale';
  mean: Mean;
  counts: { value: number; count: number }[];
}

/** The results of any vote. */
export type VoteResult = RankingResult | DotsResult | ScaleResult;

/** Expected voters: groups with at least one member, or participants who joined (and were not removed). */
export function voteProgress(state: WorkshopState, item: VoteItem): VoteProgress {
  const expected = item.voter === 'group' ? groupSizes(state).filter((n) => n > 0).length : activeParticipants(state).length;
  return { voted: voteOf(state, item.id).voted, expected };
}

/** Voter keys in the order a table shows them: groups by number, participants by their first ballot. */
export function voterOrder(state: WorkshopState, item: VoteItem): string[] {
  const voters = [...voteOf(state, item.id).voters];
  if (item.voter !== 'group') return voters;
  return voters.sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
}

/** A column heading for a voter: "Grupp 3" / "Group 3", or the participant's place in ballot order. */
export function voterLabel(key: string, index: number, language: Language): string {
  if (key.startsWith('g:')) return `${language === 'sv' ? 'Grupp' : 'Group'} ${key.slice(2)}`;
  return `${language === 'sv' ? 'Röst' : 'Ballot'} ${index + 1}`;
}

function ranking(state: WorkshopState, item: RankingItem): RankingResult {
  const options = rankingOptions(state.plan, item);
  const vote = voteOf(state, item.id);
  const voters = voterOrder(state, item);
  const ballots = voters.map((key) => {
    const cast = own(vote.ballots, key)?.ballot;
    return cast?.kind === 'ranking' ? cast.ranks : {};
  });
  const rows = rankingRows(options.map((o) => o.id), ballots);
  return { kind: 'ranking', options, voters, rows, order: priorityOrder(rows, item.lowerIsBetter), lowerIsBetter: item.lowerIsBetter };
}

function dots(state: WorkshopState, item: DotsItem): DotsResult {
  const totals = new Map<string, number>(dottableIdeas(state, item).map((id) => [id, 0]));
  for (const { ballot } of Object.values(voteOf(state, item.id).ballots)) {
    if (ballot.kind !== 'dots') continue;
    for (const [id, n] of Object.entries(ballot.dots)) {
      // A dot on an idea merged away after the vote counts for the idea it joined; hidden ones are left out.
      const target = survivorOf(state, id);
      if (target && totals.has(target.id)) totals.set(target.id, totals.get(target.id)! + n);
    }
  }
  const ideas = [...totals].map(([id, n], index) => ({ idea: state.ideas[id]!, dots: n, index }));
  ideas.sort((a, b) => b.dots - a.dots || a.index - b.index);
  return { kind: 'dots', ideas: ideas.map(({ idea, dots: n }) => ({ idea, dots: n })) };
}

function scale(state: WorkshopState, item: ScaleItem): ScaleResult {
  const values = Object.values(voteOf(state, item.id).ballots).flatMap(({ ballot }) => (ballot.kind === 'scale' ? [ballot.value] : []));
  const counts = Array.from({ length: item.max - item.min + 1 }, (_, i) => ({ value: item.min + i, count: 0 }));
  for (const value of values) {
    const slot = counts[value - item.min];
    if (slot) slot.count += 1;
  }
  return { kind: 'scale', mean: { sum: values.reduce((a, b) => a + b, 0), count: values.length }, counts };
}

/** The results of a vote item, from the ballots the state holds. */
export function voteResult(state: WorkshopState, item: VoteItem): VoteResult {
  if (item.kind === 'ranking') return ranking(state, item);
  if (item.kind === 'dots') return dots(state, item);
  return scale(state, item);
}

/** The vote items that rank or dot this exercise (so the minutes report them inside its section). */
export function votesOn(state: WorkshopState, exercise: string): VoteItem[] {
  return state.plan.agenda.filter((item): item is VoteItem =>
    (item.kind === 'ranking' && item.of === exercise) || (item.kind === 'dots' && item.wall === exercise));
}
