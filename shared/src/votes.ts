/**
 * Priority votes: rankings, dots and scales. A voter is a group (`g:3`) or a
 * participant (`p:<id>`) as the plan's `voter` says; a later ballot by the
 * same voter replaces the earlier one. Until results are revealed (or with
 * `reveal: "live"`), phones and the screen are shown only how many have
 * voted, and a phone its own (or its group's) ballot.
 */
import { findItem, rankingOptions } from './agenda';
import type { VoteState } from './ballots';
import type { CommandOf } from './commands';
import type { DecideContext, Decision } from './decide';
import type { Ballot, WorkshopEvent } from './events';
import type { DotsItem, RankingItem, ScaleItem } from './plan';
import { own, type WorkshopState } from './state';
import { ballotProblem } from './voting';

export { evolveVotes, type CastBallot, type VoteState } from './ballots';

/** An agenda item people vote in. */
export type VoteItem = RankingItem | DotsItem | ScaleItem;

/** Whether an agenda item is a vote. */
export function isVoteItem(item: { kind: string } | undefined): item is VoteItem {
  return item?.kind === 'ranking' || item?.kind === 'dots' || item?.kind === 'scale';
}

/** The vote's state; an empty one before the first ballot. */
export function voteOf(state: WorkshopState, item: string): VoteState {
  return own(state.votes, item) ?? { ballots: {}, voters: [], voted: 0, revealed: false };
}

/** Whether everyone may see this vote's ballots now: live votes always, others once revealed. */
export function resultsShown(state: WorkshopState, item: VoteItem): boolean {
  return item.reveal === 'live' || voteOf(state, item.id).revealed;
}

/** The voter key a participant casts for in this vote, or a refusal. */
export function voterKey(state: WorkshopState, item: VoteItem, participant: string): { ok: true; key: string } | { ok: false; code: 'no_group' } {
  if (item.voter === 'participant') return { ok: true, key: `p:${participant}` };
  const group = own(state.participants, participant)?.group ?? null;
  if (state.groups < 1 || group === null) return { ok: false, code: 'no_group' };
  return { ok: true, key: `g:${group}` };
}

type Cast = CommandOf<'cast_ranking' | 'cast_dots' | 'cast_scale'>;
const KIND = { cast_ranking: 'ranking', cast_dots: 'dots', cast_scale: 'scale' } as const;

/** cast_ranking / cast_dots / cast_scale: a valid ballot for the running vote, replacing the voter's earlier one. */
export function decideCast(state: WorkshopState, c: Cast, ctx: DecideContext): Decision {
  const item = findItem(state.plan, c.item);
  if (!item) return { ok: false, code: 'unknown_item' };
  if (item.kind !== KIND[c.type] || !isVoteItem(item)) return { ok: false, code: 'wrong_vote_kind' };
  if (state.running !== item.id) return { ok: false, code: 'item_not_running' };
  if (ctx.actor.role !== 'participant') return { ok: false, code: 'forbidden' };
  const participant = ctx.actor.participant;
  const voter = voterKey(state, item, participant);
  if (!voter.ok) return { ok: false, code: voter.code };
  const checked = checkBallot(state, item, c);
  if (!checked.ok) return checked.decision;
  const earlier = own(voteOf(state, item.id).ballots, voter.key);
  if (earlier && sameBallot(earlier.ballot, checked.ballot)) return { ok: true, events: [] };
  const events: WorkshopEvent[] = [{ type: 'ballot_cast', item: item.id, voter: voter.key, participant, ballot: checked.ballot, at: ctx.now }];
  if (!resultsShown(state, item)) {
    // Everyone else learns only the count; the ballot goes to the facilitator and the voter's own phones.
    events.push({ type: 'votes_counted', item: item.id, voted: voteOf(state, item.id).voted + (earlier ? 0 : 1), at: ctx.now });
  }
  return { ok: true, events };
}

/** reveal_results: phones and the screen see the ballots from now on. */
export function decideReveal(state: WorkshopState, c: CommandOf<'reveal_results'>, at: number): Decision {
  const item = findItem(state.plan, c.item);
  if (!item) return { ok: false, code: 'unknown_item' };
  if (!isVoteItem(item)) return { ok: false, code: 'not_a_vote' };
  if (voteOf(state, item.id).revealed) return { ok: true, events: [] };
  return { ok: true, events: [{ type: 'results_revealed', item: item.id, at }] };
}

type Checked = { ok: true; ballot: Ballot } | { ok: false; decision: Decision };
const refused = (code: Extract<Decision, { ok: false }>['code']): Checked => ({ ok: false, decision: { ok: false, code } });

function checkBallot(state: WorkshopState, item: VoteItem, c: Cast): Checked {
  if (item.kind === 'ranking' && c.type === 'cast_ranking') {
    const options = rankingOptions(state.plan, item).map((o) => o.id);
    const problem = ballotProblem(c.ranks, options, item.ties);
    if (problem) return refused(problem);
    return { ok: true, ballot: { kind: 'ranking', ranks: Object.fromEntries(options.map((o) => [o, c.ranks[o]!])) } };
  }
  if (item.kind === 'dots' && c.type === 'cast_dots') return checkDots(state, item, c.dots);
  if (item.kind === 'scale' && c.type === 'cast_scale') {
    if (!Number.isInteger(c.value) || c.value < item.min || c.value > item.max) return refused('value_out_of_range');
    return { ok: true, ballot: { kind: 'scale', value: c.value } };
  }
  return refused('wrong_vote_kind');
}

/** The ideas dots may go on: the named item's ideas that everyone can see. */
export function dottableIdeas(state: WorkshopState, item: DotsItem): string[] {
  return state.ideaOrder.filter((id) => {
    const idea = state.ideas[id]!;
    return idea.item === item.wall && !idea.hidden && !idea.mergedInto;
  });
}

function checkDots(state: WorkshopState, item: DotsItem, given: Readonly<Record<string, number>>): Checked {
  const allowed = new Set(dottableIdeas(state, item));
  const dots: Record<string, number> = {};
  let total = 0;
  // Kept in the order the ideas came, so equal ballots are stored the same way.
  for (const id of Object.keys(given)) if (!allowed.has(id)) return refused('unknown_idea');
  for (const id of allowed) {
    const n = Object.hasOwn(given, id) ? given[id]! : 0;
    if (!Number.isInteger(n) || n < 0) return refused('bad_dot_count');
    if (n === 0) continue;
    if (item.maxPerIdea !== undefined && n > item.maxPerIdea) return refused('too_many_on_idea');
    total += n;
    dots[id] = n;
  }
  if (total > item.dotsPerVoter) return refused('too_many_dots');
  return { ok: true, ballot: { kind: 'dots', dots } };
}

function sameBallot(a: Ballot, b: Ballot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
