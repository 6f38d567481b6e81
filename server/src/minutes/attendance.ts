/**
 * Who came: the head count and the organisations, from the facilitator's
 * totals (set_attendance) or else from the phones' profiles.
 */
import { SECTORS, type Sector, type WorkshopState } from '@karusell/shared';

/**
 * An organisation name as compared (CONTRACT §4): trimmed, Unicode NFC,
 * case folded and inner spaces collapsed, so "Röda  korset" and
 * " RÖDA KORSET" are one organisation. toLowerCase plus the few full
 * case foldings Swedish and German text meet (ß → ss, final sigma).
 */
export function organisationKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}

/** The counts the minutes report. */
export interface Attendance {
  participants: number;
  organisations: number;
  /** Organisations per sector, from the profiles that gave one (first sector given per organisation). */
  sectors: { sector: Sector; count: number }[];
  /** Whether the organisations count is the facilitator's total while the sectors come from phones (then they are a lower bound). */
  organisationsGiven: boolean;
}

/**
 * Participants: the facilitator's head count, or everyone who joined from a
 * phone and was not removed (a removed phone was a mistake or a duplicate).
 * Organisations: the facilitator's total, or the distinct names the phones gave.
 */
export function attendanceOf(state: WorkshopState): Attendance {
  const present = Object.values(state.participants)
    .filter((p) => !p.removed)
    .sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
  const sectorOf = new Map<string, Sector | undefined>();
  for (const { profile } of present) {
    const name = profile.organisation ? organisationKey(profile.organisation) : '';
    if (!name) continue;
    if (sectorOf.get(name) === undefined) sectorOf.set(name, profile.sector);
  }
  const counted = state.attendance.sectors;
  // The facilitator's counts per sector replace the phones'.
  const sectors = SECTORS.map((sector) => ({ sector, count: counted ? counted[sector] ?? 0 : [...sectorOf.values()].filter((s) => s === sector).length }))
    .filter((s) => s.count > 0);
  const given = state.attendance.organisations;
  return {
    participants: state.attendance.participants ?? present.length,
    organisations: given ?? (counted ? sectors.reduce((sum, s) => sum + s.count, 0) : sectorOf.size),
    sectors,
    organisationsGiven: given !== null && !counted,
  };
}
