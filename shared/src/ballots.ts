/**
 * The ballots of each vote and their fold, apart from the rules in votes.ts
 * so that a phone, which folds every event, does not load those rules
 * until a vote runs. votes.ts re-exports everything here.
 */
import type { Ballot, WorkshopEvent } from './events';
import { own } from './state';

/** One voter's current ballot. */
export interface CastBallot {
  ballot: Ballot;
  /** Who cast it (with `voter: group`, the member whose phone it came from). */
  participant: string;
  at: number;
}

/** The ballots of one vote, as far as the viewer is shown them. */
export interface VoteState {
  /** Current ballot per voter key. */
  ballots: Record<string, CastBallot>;
  /** Voter keys in the order of their first ballot. */
  voters: string[];
  /** How many voters have cast a ballot (also when the ballots themselves are not shown). */
  voted: number;
  revealed: boolean;
}

/** Folds a vote event into the votes. */
export function evolveVotes(votes: Record<string, VoteState>, event: WorkshopEvent, at: number): Record<string, VoteState> {
  if (event.type !== 'ballot_cast' && event.type !== 'votes_counted' && event.type !== 'results_revealed') return votes;
  const vote = own(votes, event.item) ?? { ballots: {}, voters: [], voted: 0, revealed: false };
  switch (event.type) {
    case 'ballot_cast': {
      const fresh = !Object.hasOwn(vote.ballots, event.voter);
      const ballots = { ...vote.ballots, [event.voter]: { ballot: event.ballot, participant: event.participant, at } };
      const voters = fresh ? [...vote.voters, event.voter] : vote.voters;
      return { ...votes, [event.item]: { ...vote, ballots, voters, voted: fresh ? vote.voted + 1 : vote.voted } };
    }
    case 'votes_counted':
      return { ...votes, [event.item]: { ...vote, voted: event.voted } };
    case 'results_revealed':
      return { ...votes, [event.item]: { ...vote, revealed: true } };
  }
}

