/** The phone's texts for what has not got through yet, in English. Loaded with Unsent.svelte. */
import type { UnsentMessages } from './sv.unsent';

/** Texts of the list of things sent from this phone that have not landed (yet). */
export const unsent: UnsentMessages = {
  waitingHeading: 'Kept on this phone, sent when the connection is back',
  notThroughHeading: 'This did not get through',
  what_add_idea: 'Idea',
  what_ask_question: 'Question',
  what_cast_ranking: 'Your ranking',
  what_cast_dots: 'Your dots',
  what_cast_scale: 'Your answer on the scale',
  what_emphasise: 'Emphasis on an idea',
  what_withdraw_emphasis: 'Emphasis taken back',
  what_upvote_question: 'Vote for a question',
  what_set_profile: 'Name and organisation',
  what_join_group: 'Choice of group',
};
