/** The phone's texts for what has not got through yet, in Swedish: the source of truth for their keys. Loaded with Unsent.svelte. */
import type { Catalogue, Shape } from './types';

/** Texts of the list of things sent from this phone that have not landed (yet). */
export const unsent = {
  waitingHeading: 'Sparat i telefonen, skickas när anslutningen är tillbaka',
  notThroughHeading: 'Det här kom inte fram',
  what_add_idea: 'Idé',
  what_ask_question: 'Fråga',
  what_cast_ranking: 'Din rangordning',
  what_cast_dots: 'Dina prickar',
  what_cast_scale: 'Ditt svar på skalfrågan',
  what_emphasise: 'Betoning av en idé',
  what_withdraw_emphasis: 'Ångrad betoning av en idé',
  what_upvote_question: 'Röst på en fråga',
  what_set_profile: 'Namn och organisation',
  what_join_group: 'Val av grupp',
} satisfies Catalogue;

/** The shape of these texts. */
export type UnsentMessages = Shape<typeof unsent>;
