/** The phone's idea-wall texts in English. Loaded with the wall view (with en.ideas.ts). */
import type { WallMessages } from './sv.wall';

/** Texts of the idea wall on the phone. */
export const wall: WallMessages = {
  introGroups: 'Pick a heading. Read, emphasise or write a new idea – all groups write at the same time.',
  introEach: 'Pick a heading. Read, emphasise or write a new idea – everyone writes at the same time.',
  headingsLabel: 'Headings',
  ideaCount: { one: '{count} idea', other: '{count} ideas' },
  ideasUnder: { one: '{count} idea under this heading', other: '{count} ideas under this heading' },
  noIdeas: 'No ideas under this heading yet. Write the first one!',
  jumpToAdd: 'Write an idea under this heading',
  addLabelGroup: 'Your group’s idea under “{heading}”',
  addLabelOwn: 'Your idea under “{heading}”',
  addedUnder: 'The idea has been added under “{heading}”.',
  chooseGroupIntro: 'The idea wall is done in groups. Choose the group at your table to write and emphasise ideas.',
};
