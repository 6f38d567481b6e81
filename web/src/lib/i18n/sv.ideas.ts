/** The phone's texts for ideas, shared by the carousel and the idea wall, in Swedish: the source of truth for their keys. Loaded with those views. */
import type { Catalogue, Shape } from './types';

/** Texts of ideas on the phone: the list, emphasis, the add box and texts that did not get through. */
export const ideas = {
  now: 'Just nu: {title}',
  byGroup: 'Grupp {n}',
  byOwnGroup: 'Grupp {n} (din grupp)',
  byFacilitator: 'Mötesledaren',
  byParticipant: 'En deltagare',
  byYou: 'Du',
  emphasise: 'Betona (!)',
  withdraw: 'Ångra betoning',
  add: 'Lägg till',
  counter: '{count}/{max} tecken',
  tooLong: '{over} tecken för mycket.',
  sending: 'Skickas…',
  sent: 'Skickad',
  addedStatus: 'Idén är tillagd.',
  notSent: 'Skickades inte: {message}',
  yourText: 'Din text, som inte skickades',
  copy: 'Kopiera',
  copied: 'Kopierad',
  copyFailed: 'Kunde inte kopiera. Markera texten och kopiera den själv.',
  retry: 'Försök igen',
  discard: 'Ta bort',
  chooseGroupFirst: 'Välj en grupp först',
  refusal_not_at_station: 'Din grupp har inte kommit till den stationen än.',
  refusal_item_not_running: 'Övningen pågår inte längre.',
  refusal_empty_text: 'Skriv något först.',
  refusal_text_too_long: 'Texten är för lång: högst 500 tecken.',
  refusal_no_group: 'Välj en grupp först.',
  refusal_unknown_idea: 'Idén finns inte.',
  refusal_unknown_slot: 'Rubriken finns inte längre.',
  refusal_closed: 'Anslutningen stängdes innan texten kom fram.',
} satisfies Catalogue;

/** The shape of the idea texts. */
export type IdeaMessages = Shape<typeof ideas>;
