/** Vote texts of the facilitator and the projector screen, in Swedish: the source of truth for their keys. */
import type { Catalogue, Shape } from './types';

/** Texts of votes and their results, for the facilitator and the screen. */
export const results = {
  optionColumn: 'Alternativ',
  meanColumn: 'Medeltal',
  ballotsColumn: 'Antal röster',
  ballotsCaption: 'Rösterna per alternativ',
  priorityHeading: 'Prioritetsordning',
  placeTitle: '{place}. {title}',
  groupsVotedOf: { one: '{voted} av {count} grupp har röstat', other: '{voted} av {count} grupper har röstat' },
  peopleVotedOf: { one: '{voted} av {count} deltagare har röstat', other: '{voted} av {count} deltagare har röstat' },
  noBallots: 'Inga röster än.',
  ideaColumn: 'Idé',
  headingColumn: 'Rubrik',
  stationColumn: 'Station',
  stationNumber: 'Station {n}',
  dotsColumn: 'Prickar',
  dotsCaption: 'Idéerna efter antal prickar',
  dots: { one: '{count} prick', other: '{count} prickar' },
  valueColumn: 'Värde',
  countColumn: 'Antal svar',
  scaleCaption: 'Hur många valde varje värde',
  meanIs: 'Medeltal: {mean}',
  answers: { one: '{count} svar', other: '{count} svar' },
  scaleRange: 'Skala från {min} till {max}',
  // The facilitator.
  voteNotStarted: 'Röstningen har inte startat. Starta den så kan deltagarna rösta på telefonen.',
  voteRunning: 'Deltagarna röstar nu på telefonen.',
  voteEnded: 'Röstningen är avslutad. Resultatet kommer med i anteckningarna.',
  revealResults: 'Visa resultat',
  revealHint: 'Skärmen och telefonerna visar bara hur många som har röstat tills du visar resultatet.',
  revealedNote: 'Resultatet visas på skärmen och telefonerna.',
  liveNote: 'Resultatet visas direkt på skärmen och telefonerna medan röstningen pågår.',
  // The screen.
  voteHint: 'Rösta på telefonen.',
  voteClosed: 'Röstningen är avslutad',
  waitingReveal: 'Resultatet visas när mötesledaren visar det.',
  meanChartTitle: 'Medeltal per alternativ, i prioritetsordning',
  dotsChartTitle: 'Idéerna med flest prickar',
  chartEntry: '{label}: {value}',
  moreIdeas: { one: '+ {count} idé till med prickar', other: '+ {count} idéer till med prickar' },
  noDots: 'Inga prickar än.',
} satisfies Catalogue;

/** The shape of the vote texts of the facilitator and the screen. */
export type ResultMessages = Shape<typeof results>;
