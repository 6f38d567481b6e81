/** The phone's texts once joined, in Swedish: the source of truth for their keys. Loaded only when used. */
import type { Catalogue, Shape } from './types';

/** The phone's texts once joined, loaded in the language in use. */
export const participant = {
  profileHeading: 'Vem är du?',
  profileIntro: 'Allt här är frivilligt. Du kan delta helt anonymt.',
  nameLabel: 'Namn (frivilligt)',
  organisationLabel: 'Organisation (frivilligt)',
  sectorLabel: 'Vilken sorts organisation? (frivilligt)',
  sectorNone: 'Vill inte säga',
  sector_civil: 'Civilsamhället (förening, ideell organisation)',
  sector_public: 'Offentlig sektor (kommun, region, myndighet)',
  sector_business: 'Näringslivet (företag)',
  sector_other: 'Annat',
  save: 'Spara',
  saving: 'Sparar…',
  skip: 'Hoppa över',
  cancel: 'Avbryt',
  groupHeading: 'Välj din grupp',
  groupIntro: 'Numret står på ditt bord, eller så säger mötesledaren det.',
  groupCurrent: 'Grupp {n} (din grupp)',
  youAreInGroup: 'Du är i grupp {n}.',
  noGroupYet: 'Du har inte valt grupp än.',
  chooseGroup: 'Välj grupp',
  changeGroup: 'Byt grupp',
  editProfile: 'Ändra namn och organisation',
  youAre: 'Du deltar som {name}.',
  youAreAnonymous: 'Du deltar anonymt.',
  nowHeading: 'Just nu',
  waiting: 'Väntar på att mötesledaren ska starta nästa punkt.',
  meetingEnded: 'Mötet är avslutat. Tack för att du deltog!',
  refusal_workshop_ended: 'Mötet är avslutat.',
  refusal_no_such_group: 'Den gruppen finns inte.',
} satisfies Catalogue;

/** The shape of the participant's texts. */
export type ParticipantMessages = Shape<typeof participant>;
