/**
 * Who came, as the minutes report it (CONTRACT §4): the facilitator's
 * totals where given (set_attendance), else what the phones' profiles say.
 * The minutes (server) and the facilitator's attendance panel (web) both
 * count with this.
 */
import { SECTORS, type Sector, type SectorCounts } from './events';
import { activeParticipants, type WorkshopState } from './state';

/** The facilitator's totals, as the state holds them (null: counted from the phones). */
export type GivenAttendance = WorkshopState['attendance'];

/** The counts from the phones alone: joined and not removed; organisations by name as the minutes compare them. */
export interface PhoneCounts {
  participants: number;
  organisations: number;
  sectors: Record<Sector, number>;
}

/** What the minutes' two lines will say, and where each number comes from. */
export interface MinutesAttendance {
  participants: number;
  organisations: number;
  /** The sectors listed after the organisations; empty when the minutes list none. */
  sectors: { sector: Sector; count: number }[];
  /** The sectors are the phones' under the facilitator's total, so the minutes say "at least". */
  atLeast: boolean;
}

/** An organisation name as the minutes compare it (CONTRACT §4): trimmed, NFC, case folded, inner spaces collapsed. */
export function organisationKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}

/** Counts the phones: each organisation once, with the first sector any of its people gave (in join order). */
export function phoneCounts(state: WorkshopState): PhoneCounts {
  const people = activeParticipants(state).sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
  const sectorOf = new Map<string, Sector | undefined>();
  for (const { profile } of people) {
    const key = profile.organisation ? organisationKey(profile.organisation) : '';
    if (key && sectorOf.get(key) === undefined) sectorOf.set(key, profile.sector);
  }
  const sectors = Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<Sector, number>;
  for (const sector of sectorOf.values()) if (sector) sectors[sector] += 1;
  return { participants: people.length, organisations: sectorOf.size, sectors };
}

/** The numbers the minutes report now: each given total replaces the phones' count. */
export function minutesAttendance(given: GivenAttendance, phones: PhoneCounts): MinutesAttendance {
  const perSector: SectorCounts = given.sectors ?? phones.sectors;
  const sectors = SECTORS.map((sector) => ({ sector, count: perSector[sector] ?? 0 })).filter((s) => s.count > 0);
  const known = sectors.reduce((sum, s) => sum + s.count, 0);
  const organisations = given.organisations ?? (given.sectors ? known : phones.organisations);
  // Past the total the sectors say nothing, so the minutes leave them out.
  return {
    participants: given.participants ?? phones.participants,
    organisations,
    sectors: known <= organisations ? sectors : [],
    atLeast: given.organisations !== null && !given.sectors,
  };
}
