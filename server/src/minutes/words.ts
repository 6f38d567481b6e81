/**
 * The minutes' own words in Swedish and English, and the language's forms of
 * dates, times and numbers. Fixed tables rather than Intl, so the minutes
 * come out byte for byte the same on every machine and Node version.
 */
import type { Language, Sector } from '@karusell/shared';

const MONTHS = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

// Style guides in both languages write small counts as words.
const NUMBER_WORDS = {
  sv: ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'],
  en: ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
} as const;

/** "13 maj 2024" / "13 May 2024" from "2024-05-13". */
export function longDate(date: string, lang: Language): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[lang][(m ?? 1) - 1]} ${y}`;
}

/** "14.00" / "14:00" from "14:00". */
export function clockTime(time: string, lang: Language): string {
  return lang === 'sv' ? time.replace(':', '.') : time;
}

/** "13 maj 2024, kl. 14.00–17.30" / "13 May 2024, 14:00–17:30"; any part may be missing. */
export function when(lang: Language, date?: string, start?: string, end?: string): string {
  const times = [start, end].filter((t): t is string => t !== undefined).map((t) => clockTime(t, lang)).join('–');
  const clock = times && (lang === 'sv' ? `kl. ${times}` : times);
  return [date ? longDate(date, lang) : '', clock].filter(Boolean).join(', ');
}

/** A decimal number in the language's form: "1,5" / "1.5". */
export function decimal(n: number, lang: Language): string {
  const text = String(Math.round(n * 100) / 100);
  return lang === 'sv' ? text.replace('.', ',') : text;
}

/** A noun's forms: indefinite and definite, singular and plural. */
export interface Noun {
  one: string;
  many: string;
  theOne: string;
  theMany: string;
}

const numberWord = (n: number, lang: Language) => (Number.isInteger(n) && n >= 1 && n <= 12 ? NUMBER_WORDS[lang][n]! : decimal(n, lang));

/** A count with its noun: "åtta grupper", "en grupp", "15 grupper", "1,5 minuter". */
export function counted(n: number, noun: Noun, lang: Language): string {
  return `${numberWord(n, lang)} ${n === 1 ? noun.one : noun.many}`;
}

/** A definite count: "de tre rubrikerna", "rubriken" / "the three headings", "the heading". */
export function theCounted(n: number, noun: Noun, lang: Language): string {
  if (n === 1) return noun.theOne;
  return lang === 'sv' ? `de ${numberWord(n, lang)} ${noun.theMany}` : `the ${numberWord(n, lang)} ${noun.theMany}`;
}

/** A count in digits with its noun: "1 röst", "3 röster". */
export function tally(n: number, noun: Noun): string {
  return `${n} ${n === 1 ? noun.one : noun.many}`;
}

/** Text in the language's quotation marks. */
export function quoted(text: string, lang: Language): string {
  return lang === 'sv' ? `”${text}”` : `“${text}”`;
}

const noun = (one: string, many: string, theOne: string, theMany: string): Noun => ({ one, many, theOne, theMany });

/** Every fixed word and sentence of the minutes. */
export interface Words {
  title: string;
  intro: (work: boolean, title: string, date: string | null) => string;
  background: string;
  agenda: string;
  results: string;
  place: string;
  time: string;
  participants: string;
  organisations: string;
  ofWhich: string;
  ofWhichAtLeast: string;
  sectors: Record<Sector, string>;
  purpose: string;
  goal: string;
  nouns: Record<'group' | 'station' | 'heading' | 'option' | 'minute' | 'dot' | 'vote' | 'answer', Noun>;
  carouselMethod: (groups: string, stations: string, minutes: string) => string;
  wallMethod: (headings: string, who: string) => string;
  rankingMethod: (who: string, options: string, of: string | null, n: number, lowerIsBetter: boolean, ties: boolean) => string;
  dotsMethod: (who: string, dots: string, wall: string, max: string | null) => string;
  scaleMethod: (who: string, min: number, max: number) => string;
  qaMethod: (talk: string | null) => string;
  theGroups: string;
  theParticipants: string;
  eachGroup: string;
  eachParticipant: string;
  seeResults: (n: string) => string;
  seeExercise: (n: string) => string;
  seeNotes: (n: string) => string;
  notHeld: string;
  noResults: string;
  noIdeas: string;
  legend: string;
  meanWord: string;
  option: string;
  valuesByGroup: (groups: string) => string;
  valuesByBallot: string;
  priorityOrder: string;
  noVotes: string;
  voted: (voted: number, expected: number, groups: boolean) => string;
  answered: (voted: number, expected: number, groups: boolean) => string;
  noDots: string;
  scaleMean: (mean: string, answers: string) => string;
  answer: string;
  notes: string;
  noQuestions: string;
  meanTitle: string;
}

const sv: Words = {
  title: 'Anteckningar',
  intro: (work, title, date) =>
    `Nedan följer en sammanställning av ${work ? 'det material som arbetades fram via grupparbeten samt gemensamma diskussioner' : 'det som kom fram'}` +
    ` på ${title}${date ? ` den ${date}` : ''}.`,
  background: '1. Bakgrund',
  agenda: '2. Agenda och upplägg',
  results: '3. Resultat',
  place: 'Var',
  time: 'När',
  participants: 'Antal deltagare',
  organisations: 'Antal organisationer',
  ofWhich: 'varav',
  ofWhichAtLeast: 'varav minst',
  sectors: { civil: 'civilsamhället', public: 'offentlig sektor', business: 'näringsliv', other: 'annat' },
  purpose: 'Syftet med mötet',
  goal: 'Mål',
  nouns: {
    group: noun('grupp', 'grupper', 'gruppen', 'grupperna'),
    station: noun('frågeställning', 'frågeställningar', 'frågeställningen', 'frågeställningarna'),
    heading: noun('rubrik', 'rubriker', 'rubriken', 'rubrikerna'),
    option: noun('alternativ', 'alternativ', 'alternativet', 'alternativen'),
    minute: noun('minut', 'minuter', 'minuten', 'minuterna'),
    dot: noun('prick', 'prickar', 'pricken', 'prickarna'),
    vote: noun('röst', 'röster', 'rösten', 'rösterna'),
    answer: noun('svar', 'svar', 'svaret', 'svaren'),
  },
  carouselMethod: (groups, stations, minutes) =>
    `Deltagarna delade in sig i ${groups} och cirkulerade mellan ${stations}, ${minutes} vid varje:`,
  wallMethod: (headings, who) => `Under ${headings} resonerade ${who} kring konkreta idéer:`,
  rankingMethod: (who, options, of, n, lower, ties) =>
    `${who} rangordnade ${options}${of ? ` i ${of}` : ''} med siffrorna 1–${n}, där 1 är ${lower ? 'högst' : 'lägst'} prioriterat` +
    `${ties ? '; samma siffra fick ges flera gånger' : ''}.`,
  dotsMethod: (who, dots, wall, max) => `${who} fick ${dots} att fördela på idéerna i ${wall}${max ? `, högst ${max} på samma idé` : ''}.`,
  scaleMethod: (who, min, max) => `${who} svarade på en skala från ${min} till ${max}.`,
  qaMethod: (talk) => `Frågor${talk ? ` till ${talk}` : ''} från deltagarna, skickade från telefonen eller ställda muntligt.`,
  theGroups: 'grupperna',
  theParticipants: 'deltagarna',
  eachGroup: 'Varje grupp',
  eachParticipant: 'Varje deltagare',
  seeResults: (n) => `Se under punkt ${n} för resultat.`,
  seeExercise: (n) => `Se under punkt ${n} för resultat från övningen.`,
  seeNotes: (n) => `Se under punkt ${n} för anteckningar.`,
  notHeld: 'Punkten har inte genomförts.',
  noResults: 'Inga resultat ännu.',
  noIdeas: 'Inga idéer.',
  legend: 'Utropstecken (!) innebär att idén betonats av flera grupper.',
  meanWord: 'medeltal',
  option: 'Alternativ',
  valuesByGroup: (groups) => `Siffrorna står i gruppordning (${groups}).`,
  valuesByBallot: 'Siffrorna står i den ordning rösterna kom in.',
  priorityOrder: 'Prioritetsordning:',
  noVotes: 'inga röster',
  voted: (v, e, groups) => `${v} av ${e} ${groups ? 'grupper' : 'deltagare'} har röstat.`,
  answered: (v, e, groups) => `${v} av ${e} ${groups ? 'grupper' : 'deltagare'} har svarat.`,
  noDots: 'Inga prickar ännu.',
  scaleMean: (mean, answers) => `Medeltal ${mean} (${answers}).`,
  answer: 'Svar',
  notes: 'Anteckningar',
  noQuestions: 'Inga frågor.',
  meanTitle: 'Medeltal',
};

const en: Words = {
  title: 'Minutes',
  intro: (work, title, date) =>
    `Below is a summary of ${work ? 'the material produced in group work and joint discussions' : 'what came up'}` +
    ` at ${title}${date ? ` on ${date}` : ''}.`,
  background: '1. Background',
  agenda: '2. Agenda',
  results: '3. Results',
  place: 'Where',
  time: 'When',
  participants: 'Number of participants',
  organisations: 'Number of organisations',
  ofWhich: 'of which',
  ofWhichAtLeast: 'of which at least',
  sectors: { civil: 'civil society', public: 'public sector', business: 'business', other: 'other' },
  purpose: 'Purpose of the meeting',
  goal: 'Goal',
  nouns: {
    group: noun('group', 'groups', 'the group', 'groups'),
    station: noun('question', 'questions', 'the question', 'questions'),
    heading: noun('heading', 'headings', 'the heading', 'headings'),
    option: noun('option', 'options', 'the option', 'options'),
    minute: noun('minute', 'minutes', 'the minute', 'minutes'),
    dot: noun('dot', 'dots', 'the dot', 'dots'),
    vote: noun('vote', 'votes', 'the vote', 'votes'),
    answer: noun('answer', 'answers', 'the answer', 'answers'),
  },
  carouselMethod: (groups, stations, minutes) =>
    `The participants formed ${groups} and moved between ${stations}, ${minutes} at each:`,
  wallMethod: (headings, who) => `Under ${headings}, ${who} discussed concrete ideas:`,
  rankingMethod: (who, options, of, n, lower, ties) =>
    `${who} ranked ${options}${of ? ` of ${of}` : ''} from 1 to ${n}, 1 being the ${lower ? 'highest' : 'lowest'} priority` +
    `${ties ? '; the same number could be given more than once' : ''}.`,
  dotsMethod: (who, dots, wall, max) => `${who} had ${dots} to spread over the ideas of ${wall}${max ? `, at most ${max} on one idea` : ''}.`,
  scaleMethod: (who, min, max) => `${who} answered on a scale from ${min} to ${max}.`,
  qaMethod: (talk) => `Questions${talk ? ` to ${talk}` : ''} from the participants, sent from their phones or asked aloud.`,
  theGroups: 'the groups',
  theParticipants: 'the participants',
  eachGroup: 'Each group',
  eachParticipant: 'Each participant',
  seeResults: (n) => `See ${n} for the results.`,
  seeExercise: (n) => `See ${n} for the results of the exercise.`,
  seeNotes: (n) => `See ${n} for notes.`,
  notHeld: 'This item has not been held.',
  noResults: 'No results yet.',
  noIdeas: 'No ideas.',
  legend: 'An exclamation mark (!) means the idea was emphasised by more groups.',
  meanWord: 'mean',
  option: 'Option',
  valuesByGroup: (groups) => `The numbers are in group order (${groups}).`,
  valuesByBallot: 'The numbers are in the order the ballots came in.',
  priorityOrder: 'Order of priority:',
  noVotes: 'no votes',
  voted: (v, e, groups) => `${v} of ${e} ${groups ? 'groups' : 'participants'} have voted.`,
  answered: (v, e, groups) => `${v} of ${e} ${groups ? 'groups' : 'participants'} have answered.`,
  noDots: 'No dots yet.',
  scaleMean: (mean, answers) => `Mean ${mean} (${answers}).`,
  answer: 'Answer',
  notes: 'Notes',
  noQuestions: 'No questions.',
  meanTitle: 'Mean',
};

/** The minutes' words in a language. */
export const WORDS: Record<Language, Words> = { sv, en };
