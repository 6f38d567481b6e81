/** The facilitator's texts for the attendance the minutes report, in Swedish: the source of truth for their keys. */
import { participant } from './sv.participant';
import type { Catalogue, Shape } from './types';

/** Texts of the attendance panel. */
export const attendance = {
  attendanceHeading: 'Närvaro för anteckningarna',
  attendanceIntro: 'Anteckningarna räknar dem som gått med från telefon. Kom det fler, till exempel utan telefon, skriv in hur många som kom.',
  attendanceNowHeading: 'Det här står i anteckningarna nu',
  minutesParticipants: 'Antal deltagare: {count}',
  minutesOrganisations: 'Antal organisationer: {count}',
  minutesOfWhich: '{line}, varav {list}',
  minutesOfWhichAtLeast: '{line}, varav minst {list}',
  minutesSector: '{sector} {count}',
  minutesSector_civil: 'civilsamhället',
  minutesSector_public: 'offentlig sektor',
  minutesSector_business: 'näringsliv',
  minutesSector_other: 'annat',
  sourcePhones: 'Räknat från telefonerna.',
  sourceGiven: 'Ditt antal. Telefonerna: {count}.',
  sourceGivenSectorsPhones: 'Ditt antal. Telefonerna: {count}. Sektorerna är räknade från telefonerna.',
  sourceSectorSum: 'Summan av dina antal per sektor. Telefonerna: {count}.',
  attendanceParticipantsLabel: 'Antal deltagare',
  attendanceOrganisationsLabel: 'Antal organisationer',
  attendanceParticipantsHint: 'Lämna tomt för att räkna från telefonerna.',
  attendanceOrganisationsHint: 'Lämna tomt för att räkna från telefonerna, eller för summan av sektorerna om du fyller i dem.',
  attendanceSectorsLegend: 'Organisationer per sektor',
  attendanceSectorsHint: 'Lämna alla tomma för att räkna från telefonerna. Fyller du i någon räknas en tom sektor som 0.',
  sector_civil: participant.sector_civil,
  sector_public: participant.sector_public,
  sector_business: participant.sector_business,
  sector_other: participant.sector_other,
  attendanceSave: 'Spara antalen',
  attendanceSaving: 'Sparar…',
  attendanceFromPhones: 'Räkna från telefonerna',
  attendanceSaved: 'Sparat. Anteckningarna har dina antal.',
  attendanceCleared: 'Anteckningarna räknar från telefonerna igen.',
  attendanceNotWhole: 'Skriv ett heltal, 0 eller mer, eller lämna fältet tomt.',
  attendanceTooLarge: 'Skriv ett tal som är högst {max}.',
  attendanceOverTotal: 'Sektorerna nedan blir sammanlagt {sum} organisationer, fler än {total}. Öka antalet eller ändra sektorerna.',
} satisfies Catalogue;

/** The shape of the attendance texts. */
export type AttendanceMessages = Shape<typeof attendance>;
