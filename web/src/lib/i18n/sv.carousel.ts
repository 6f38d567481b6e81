/** The phone's carousel texts in Swedish: the source of truth for their keys. Loaded with the carousel view (with sv.ideas.ts). */
import type { Catalogue, Shape } from './types';

/** Texts of the carousel on the phone. */
export const carousel = {
  goTo: 'Grupp {n} — gå till station {station}',
  roundOf: 'Runda {round} av {rounds}',
  newRound: 'Ny runda! Grupp {n}, gå till station {station}. Frågan: {prompt}',
  timeLabel: 'Tid kvar',
  timeRunning: 'kvar av rundan',
  timePaused: 'Pausad',
  timeUp: 'Tiden är ute',
  timeUpHint: 'Mötesledaren flyttar snart grupperna vidare. Ni kan skriva klart.',
  question: 'Stationens fråga',
  ideasHeading: { one: '{count} idé på stationen', other: '{count} idéer på stationen' },
  noIdeas: 'Inga idéer här än. Skriv den första!',
  addLabel: 'Din grupps idé',
  addLabelAt: 'Din grupps idé till station {station}',
  draftElsewhere: 'Rundan har bytts. Texten läggs till på station {station}, där ni började skriva den.',
  draftMove: 'Lägg den på station {station} i stället',
  toStation: 'Till station {station}',
  chooseGroupIntro: 'Karusellen görs i grupper. Välj gruppen vid ditt bord, så ser du vilken station ni ska gå till.',
} satisfies Catalogue;

/** The shape of the carousel texts. */
export type CarouselMessages = Shape<typeof carousel>;
