/**
 * Stable refusal codes and the sentence a person reads for each, in Swedish
 * and English. The server answers in the workshop's language; a phone may
 * show the same code in the language its user picked.
 */
import type { Language } from './plan';

/** Message per refusal code, per language. */
export const REFUSALS = {
  bad_command: { sv: 'Kommandot har fel form.', en: 'The command is not in the right shape.' },
  unknown_command: { sv: 'Okänt kommando.', en: 'Unknown command.' },
  forbidden: { sv: 'Din roll får inte göra det här.', en: 'Your role may not do this.' },
  rate_limited: { sv: 'För många försök. Vänta en stund och försök igen.', en: 'Too many attempts. Wait a moment and try again.' },
  workshop_ended: { sv: 'Mötet är avslutat.', en: 'The meeting has ended.' },
  unknown_participant: { sv: 'Deltagaren finns inte.', en: 'No such participant.' },
  removed: { sv: 'Du har tagits bort från mötet.', en: 'You have been removed from the meeting.' },
  unknown_item: { sv: 'Punkten finns inte på agendan.', en: 'That item is not on the agenda.' },
  item_running: { sv: 'Punkten pågår redan.', en: 'That item is already running.' },
  item_not_running: { sv: 'Punkten pågår inte just nu.', en: 'That item is not running now.' },
  unknown_note: { sv: 'Anteckningen finns inte.', en: 'No such note.' },
  empty_text: { sv: 'Skriv något först.', en: 'Write something first.' },
  no_groups: { sv: 'Mötet arbetar inte i grupper.', en: 'This meeting does not work in groups.' },
  no_such_group: { sv: 'Den gruppen finns inte.', en: 'That group does not exist.' },
  group_item_running: {
    sv: 'Grupperna kan inte ändras medan en gruppövning pågår. Be mötesledaren flytta dig.',
    en: 'Groups cannot change while a group exercise runs. Ask the facilitator to move you.',
  },
  unknown_slot: { sv: 'Den stationen eller rubriken finns inte i övningen.', en: 'That station or heading is not in this exercise.' },
  text_too_long: { sv: 'Texten är för lång: högst 500 tecken.', en: 'The text is too long: 500 characters at most.' },
  no_group: { sv: 'Välj en grupp först.', en: 'Choose a group first.' },
  not_at_station: {
    sv: 'Din grupp har inte kommit till den stationen än.',
    en: 'Your group has not reached that station yet.',
  },
  unknown_idea: { sv: 'Idén finns inte.', en: 'No such idea.' },
  last_round: { sv: 'Det här är sista rundan. Avsluta övningen i stället.', en: 'This is the last round. End the exercise instead.' },
  not_a_carousel: { sv: 'Punkten är ingen karusell.', en: 'That item is not a carousel.' },
  merge_into_itself: { sv: 'En idé kan inte slås ihop med sig själv.', en: 'An idea cannot be merged with itself.' },
  merge_across_items: { sv: 'Bara idéer i samma övning kan slås ihop.', en: 'Only ideas in the same exercise can be merged.' },
  already_merged: {
    sv: 'Idén är redan ihopslagen med en annan. Ångra den sammanslagningen först.',
    en: 'That idea is already merged into another. Undo that merge first.',
  },
  not_a_qa: { sv: 'Punkten är ingen frågestund.', en: 'That item is not a question time.' },
  unknown_question: { sv: 'Frågan finns inte.', en: 'No such question.' },
  wrong_vote_kind: { sv: 'Den här punkten är inte den sortens röstning.', en: 'This item is not that kind of vote.' },
  not_a_vote: { sv: 'Punkten är ingen röstning.', en: 'That item is not a vote.' },
  missing_option: { sv: 'Ge varje alternativ en siffra.', en: 'Give every option a number.' },
  unknown_option: { sv: 'Ett av alternativen finns inte i röstningen.', en: 'One of the options is not in this vote.' },
  rank_out_of_range: {
    sv: 'Varje alternativ ska ha ett heltal från 1 till antalet alternativ.',
    en: 'Each option needs a whole number from 1 to the number of options.',
  },
  not_a_permutation: {
    sv: 'Varje siffra får bara användas en gång: ge alternativen olika platser.',
    en: 'Each number may be used only once: give the options different places.',
  },
  value_out_of_range: { sv: 'Välj ett värde inom skalan.', en: 'Choose a value on the scale.' },
  bad_dot_count: { sv: 'Antalet prickar måste vara ett heltal, 0 eller mer.', en: 'The number of dots must be a whole number, 0 or more.' },
  too_many_on_idea: { sv: 'Du har satt fler prickar på en idé än som är tillåtet.', en: 'You put more dots on one idea than allowed.' },
  too_many_dots: { sv: 'Du har satt ut fler prickar än du har.', en: 'You placed more dots than you have.' },
  internal: { sv: 'Något gick fel hos servern. Försök igen.', en: 'Something went wrong on the server. Try again.' },
  unknown_code: { sv: 'Ingen pågående workshop har den koden.', en: 'No running workshop has that code.' },
  bad_token: { sv: 'Länken är inte giltig.', en: 'The link is not valid.' },
  locked: { sv: 'Mötet är låst för nya deltagare.', en: 'The meeting is locked to new participants.' },
  ended: { sv: 'Mötet är avslutat.', en: 'The meeting has ended.' },
} as const satisfies Record<string, Record<Language, string>>;

/** A stable refusal code. */
export type RefusalCode = keyof typeof REFUSALS;

/** Codes a refused connection carries in `connect_error`'s `data.code`. */
export type ConnectRefusalCode = 'unknown_code' | 'bad_token' | 'locked' | 'ended' | 'removed' | 'rate_limited';

/** The readable sentence for a refusal code. */
export function refusalMessage(code: RefusalCode, language: Language): string {
  return REFUSALS[code][language];
}
