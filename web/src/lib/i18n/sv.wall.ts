/** The phone's idea-wall texts in Swedish: the source of truth for their keys. Loaded with the wall view (with sv.ideas.ts). */
import type { Catalogue, Shape } from './types';

/** Texts of the idea wall on the phone. */
export const wall = {
  introGroups: 'Välj en rubrik. Läs, betona eller skriv en ny idé – alla grupper skriver samtidigt.',
  introEach: 'Välj en rubrik. Läs, betona eller skriv en ny idé – alla skriver samtidigt.',
  headingsLabel: 'Rubriker',
  ideaCount: { one: '{count} idé', other: '{count} idéer' },
  ideasUnder: { one: '{count} idé under rubriken', other: '{count} idéer under rubriken' },
  noIdeas: 'Inga idéer under den här rubriken än. Skriv den första!',
  jumpToAdd: 'Skriv en idé under rubriken',
  addLabelGroup: 'Din grupps idé under ”{heading}”',
  addLabelOwn: 'Din idé under ”{heading}”',
  addedUnder: 'Idén är tillagd under ”{heading}”.',
  chooseGroupIntro: 'Idéväggen görs i grupper. Välj gruppen vid ditt bord för att kunna skriva och betona idéer.',
} satisfies Catalogue;

/** The shape of the wall texts. */
export type WallMessages = Shape<typeof wall>;
