/**
 * The Swedish catalogue: the source of truth for which messages exist.
 * Split by view so a phone never downloads the facilitator's texts; the
 * phone's own texts after joining are in sv.participant.ts.
 */
import type { Catalogue, Shape } from './types';

/** Texts every view uses. */
export const common = {
  appName: 'Karusell',
  languageLabel: 'Språk',
  statusConnecting: 'Ansluter…',
  statusConnected: 'Ansluten',
  statusReconnecting: 'Anslutningen bröts. Återansluter…',
  statusClosed: 'Frånkopplad',
  group: 'Grupp {n}',
  participants: { one: '{count} deltagare', other: '{count} deltagare' },
} satisfies Catalogue;

/** The phone's texts before it knows the meeting (and so its language): they ship with the page. */
export const joining = {
  joinHeading: 'Gå med i mötet / Join the meeting',
  codeLabel: 'Kod / Code',
  joinButton: 'Gå med / Join',
  runMeetingLink: 'Leder du mötet? Skapa ett möte här / Running the meeting? Create it here',
  codeInvalid: 'Koden har sex tecken, bokstäver och siffror, till exempel ABC234.',
  connecting: 'Ansluter till mötet…',
  cancelJoin: 'Avbryt',
  networkError: 'Kunde inte ansluta. Kontrollera nätet och försök igen.',
  refusal_unknown_code: 'Ingen pågående workshop har den koden.',
  refusal_locked: 'Mötet är låst för nya deltagare.',
  refusal_ended: 'Mötet är avslutat.',
  refusal_removed: 'Du har tagits bort från mötet.',
  refusal_rate_limited: 'För många försök. Vänta en stund och försök igen.',
} satisfies Catalogue;

/** Texts of the facilitator's views. */
export const facilitator = {
  pageTitle: '{title} – Karusell',
  createHeading: 'Skapa ett möte',
  createIntro: 'Börja från exempelmötet, eller klistra in eller ladda upp en mötesplan i JSON.',
  useExample: 'Använd exempelmötet (svenskt dialogmöte)',
  exampleHeading: 'Exempelmöte',
  ownPlanHeading: 'Egen mötesplan',
  planLabel: 'Mötesplan (JSON)',
  fileLabel: 'Ladda upp en mötesplan (.json)',
  create: 'Skapa mötet',
  creating: 'Skapar…',
  errorField: 'Fält: {field}',
  badJson: 'Texten är inte giltig JSON. {detail}',
  emptyPlan: 'Klistra in en mötesplan eller ladda upp en fil först.',
  fileUnreadable: 'Filen gick inte att läsa.',
  networkError: 'Kunde inte nå servern. Försök igen.',
  joinHeading: 'Så går deltagarna med',
  codeLabel: 'Kod',
  qrAlt: 'QR-kod som öppnar {url}',
  addressLabel: 'Adress',
  openScreen: 'Öppna skärmvyn för projektorn',
  screenUnknown: 'Länken till skärmvyn finns bara i webbläsaren där mötet skapades.',
  opensNewTab: '(öppnas i en ny flik)',
  groupsHeading: 'Grupper',
  groupsCountLabel: 'Antal grupper',
  setGroups: 'Ändra antal',
  noGroups: 'Mötet arbetar inte i grupper.',
  groupWithCount: { one: 'Grupp {n} · {count} deltagare', other: 'Grupp {n} · {count} deltagare' },
  withoutGroup: 'Utan grupp',
  nobodyYet: 'Ingen ännu.',
  anonymous: 'Anonym {n}',
  moveLabel: 'Flytta {name} till',
  noGroupOption: 'Ingen grupp',
  agendaHeading: 'Agenda',
  start: 'Starta',
  end: 'Avsluta',
  phase_pending: 'Ej startad',
  phase_running: 'Pågår nu',
  phase_ended: 'Avslutad',
  kind_talk: 'Föredrag',
  kind_carousel: 'Karusell',
  kind_wall: 'Idévägg',
  kind_ranking: 'Rangordning',
  kind_dots: 'Prickröstning',
  kind_scale: 'Skalfråga',
  kind_qa: 'Frågestund',
  coming: 'Den här övningen kommer snart. Den kan redan startas och avslutas.',
  notesHeading: 'Anteckningar',
  noNotes: 'Inga anteckningar än.',
  newNoteLabel: 'Ny anteckning',
  addNote: 'Lägg till anteckningen',
  edit: 'Redigera',
  editNoteLabel: 'Redigera anteckningen',
  save: 'Spara',
  cancel: 'Avbryt',
  edited: '(redigerad)',
  dismiss: 'Stäng',
  newMeeting: 'Skapa ett nytt möte',
  refused: 'Det gick inte: {message}',
} satisfies Catalogue;

/** Texts of the projector screen. */
export const screen = {
  pageTitle: '{title} – Karusell',
  joinAt: 'Gå med på',
  orScan: 'eller skanna QR-koden',
  codeLabel: 'Kod',
  qrAlt: 'QR-kod som öppnar {url}',
  nowHeading: 'Just nu',
  waiting: 'Mötet börjar snart.',
  ended: 'Mötet är avslutat. Tack!',
  groupsHeading: 'Grupper',
  members: { one: '{count} person', other: '{count} personer' },
} satisfies Catalogue;

/** The shape of the common texts. */
export type CommonMessages = Shape<typeof common>;
/** The shape of the phone's texts before joining. */
export type JoiningMessages = Shape<typeof joining>;
/** The shape of the facilitator's texts. */
export type FacilitatorMessages = Shape<typeof facilitator>;
/** The shape of the screen's texts. */
export type ScreenMessages = Shape<typeof screen>;
