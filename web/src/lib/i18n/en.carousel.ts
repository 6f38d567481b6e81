/** The phone's carousel texts in English. Loaded with the carousel view (with en.ideas.ts). */
import type { CarouselMessages } from './sv.carousel';

/** Texts of the carousel on the phone. */
export const carousel: CarouselMessages = {
  goTo: 'Group {n} — go to station {station}',
  roundOf: 'Round {round} of {rounds}',
  newRound: 'New round! Group {n}, go to station {station}. The question: {prompt}',
  timeLabel: 'Time left',
  timeRunning: 'left in this round',
  timePaused: 'Paused',
  timeUp: 'Time is up',
  timeUpHint: 'The facilitator will move the groups on soon. You can finish writing.',
  question: 'The station’s question',
  ideasHeading: { one: '{count} idea at this station', other: '{count} ideas at this station' },
  noIdeas: 'No ideas here yet. Write the first one!',
  addLabel: 'Your group’s idea',
  addLabelAt: 'Your group’s idea for station {station}',
  draftElsewhere: 'The round has changed. The text will be added at station {station}, where you started writing it.',
  draftMove: 'Put it at station {station} instead',
  toStation: 'For station {station}',
  chooseGroupIntro: 'The carousel is done in groups. Choose the group at your table to see which station to go to.',
};
