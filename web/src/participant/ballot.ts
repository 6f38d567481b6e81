/**
 * A phone's ballot on its way to the server: the command that casts it, and
 * the refusal the server would give, predicted so the phone answers at once
 * (the server's verdict is still the truth).
 */
import type { CommandInput } from '@karusell/shared/commands';
import type { Ballot } from '@karusell/shared/events';
import type { VoteItem } from '@karusell/shared/votes';
import { ballotProblem } from '@karusell/shared/voting';

/** The refusal code this ballot would get (or `empty_ballot` for dots with none placed), or null when it can go. */
export function predictedRefusal(item: VoteItem, ballot: Ballot | null, options: readonly string[]): string | null {
  if (item.kind === 'ranking') return ballotProblem(ballot?.kind === 'ranking' ? ballot.ranks : {}, options, item.ties);
  if (item.kind === 'dots') return ballot?.kind === 'dots' && Object.values(ballot.dots).some((n) => n > 0) ? null : 'empty_ballot';
  return ballot?.kind === 'scale' ? null : 'value_out_of_range';
}

/** The command that casts this ballot in this vote. */
export function castCommand(item: VoteItem, ballot: Ballot): CommandInput {
  if (ballot.kind === 'ranking') return { type: 'cast_ranking', item: item.id, ranks: ballot.ranks };
  if (ballot.kind === 'dots') return { type: 'cast_dots', item: item.id, dots: ballot.dots };
  return { type: 'cast_scale', item: item.id, value: ballot.value };
}
