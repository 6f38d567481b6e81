/** The phone's question-time texts in Swedish: the source of truth for their keys. Loaded with the questions view. */
import type { Catalogue, Shape } from './types';

/** Texts of the question time on the phone. */
export const questions = {
  now: 'Just nu: {title}',
  about: 'Frågor till: {title}',
  intro: 'Skicka en fråga, och rösta på andras frågor som du också vill ha svar på. Frågorna med flest röster står först.',
  askHeading: 'Ställ en fråga',
  questionLabel: 'Din fråga',
  nameLabel: 'Ditt namn (frivilligt)',
  nameHint: 'Lämna tomt för att fråga anonymt.',
  send: 'Skicka frågan',
  sending: 'Skickas…',
  sentStatus: 'Frågan är skickad.',
  notSent: 'Frågan skickades inte: {message} Texten finns kvar i rutan.',
  counter: '{count}/{max} tecken',
  tooLong: '{over} tecken för mycket.',
  answeringHeading: 'Besvaras nu',
  queueHeading: { one: '{count} fråga i kön', other: '{count} frågor i kön' },
  answeredHeading: { one: '{count} besvarad fråga', other: '{count} besvarade frågor' },
  noQuestions: 'Inga frågor än. Ställ den första!',
  votes: { one: '{count} röst', other: '{count} röster' },
  upvote: 'Rösta upp',
  voted: 'Du har röstat',
  yourQuestion: 'Din fråga',
  askedBy: 'Från {name}',
  answer: 'Svaret i korthet:',
  refusal_item_not_running: 'Frågestunden pågår inte längre.',
  refusal_unknown_question: 'Frågan finns inte längre.',
  refusal_empty_text: 'Skriv en fråga först.',
  refusal_text_too_long: 'Frågan är för lång: högst 500 tecken.',
  refusal_closed: 'Anslutningen stängdes innan frågan kom fram.',
} satisfies Catalogue;

/** The shape of the question-time texts. */
export type QuestionMessages = Shape<typeof questions>;
