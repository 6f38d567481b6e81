/** The phone's question-time texts in English. Loaded with the questions view. */
import type { QuestionMessages } from './sv.questions';

/** Texts of the question time on the phone. */
export const questions: QuestionMessages = {
  now: 'Now: {title}',
  about: 'Questions for: {title}',
  intro: 'Send a question, and vote for other people’s questions you also want answered. The questions with the most votes come first.',
  askHeading: 'Ask a question',
  questionLabel: 'Your question',
  nameLabel: 'Your name (optional)',
  nameHint: 'Leave it empty to ask anonymously.',
  send: 'Send the question',
  sending: 'Sending…',
  sentStatus: 'The question has been sent.',
  notSent: 'The question was not sent: {message} The text is still in the box.',
  counter: '{count}/{max} characters',
  tooLong: '{over} characters too many.',
  answeringHeading: 'Being answered now',
  queueHeading: { one: '{count} question in the queue', other: '{count} questions in the queue' },
  answeredHeading: { one: '{count} answered question', other: '{count} answered questions' },
  noQuestions: 'No questions yet. Ask the first one!',
  votes: { one: '{count} vote', other: '{count} votes' },
  upvote: 'Vote up',
  voted: 'You have voted',
  yourQuestion: 'Your question',
  askedBy: 'From {name}',
  answer: 'The answer in brief:',
  refusal_item_not_running: 'The question time is no longer running.',
  refusal_unknown_question: 'That question no longer exists.',
  refusal_empty_text: 'Write a question first.',
  refusal_text_too_long: 'The question is too long: 500 characters at most.',
  refusal_closed: 'The connection closed before the question got through.',
};
