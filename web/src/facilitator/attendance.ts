/**
 * The attendance panel's form: reading it into a `set_attendance`. What the
 * minutes will say is counted by shared/src/attendance.ts, the same rule the
 * server's minutes use, on the state the facilitator already holds.
 */
import { COUNT_MAX, type CommandInput } from '@karusell/shared/commands';
import { SECTORS, type Sector } from '@karusell/shared/events';

/** The command this panel sends. */
export type AttendanceCommand = Extract<CommandInput, { type: 'set_attendance' }>;

import type { GivenAttendance } from '@karusell/shared/attendance';
export type { GivenAttendance, MinutesAttendance, PhoneCounts } from '@karusell/shared/attendance';
export { minutesAttendance, phoneCounts } from '@karusell/shared/attendance';

/** The form's fields: the two totals and one per sector, as typed. */
export type AttendanceField = 'participants' | 'organisations' | Sector;
/** Every field, in the form's order. */
export const ATTENDANCE_FIELDS: readonly AttendanceField[] = ['participants', 'organisations', ...SECTORS];
/** The form's text, field by field. */
export type AttendanceFields = Record<AttendanceField, string>;

/** Why a field was not accepted. */
export type AttendanceProblem = { problem: 'notWhole' } | { problem: 'tooLarge'; max: number } | { problem: 'overTotal'; sum: number; total: number };


/** The fields showing what the facilitator gave; empty where the phones count. */
export function fieldsOf(given: GivenAttendance): AttendanceFields {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  const sectors = Object.fromEntries(SECTORS.map((s) => [s, given.sectors ? text(given.sectors[s] ?? 0) : '']));
  return { participants: text(given.participants), organisations: text(given.organisations), ...sectors } as AttendanceFields;
}

/** One field as a count: null when empty, else a whole number within the limit. */
function readCount(text: string): number | null | AttendanceProblem {
  // Spaces are allowed as thousands separators ("1 200").
  const trimmed = text.replace(/\s/g, '');
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return { problem: 'notWhole' };
  const count = Number(trimmed);
  return count > COUNT_MAX ? { problem: 'tooLarge', max: COUNT_MAX } : count;
}

/**
 * Reads the form into a `set_attendance`: an empty total is left to the
 * phones (null); the sectors are the facilitator's when any is filled in
 * (an empty one then counts 0), else the phones' (null).
 */
export function readAttendance(fields: AttendanceFields): { ok: true; command: AttendanceCommand } | { ok: false; problems: Partial<Record<AttendanceField, AttendanceProblem>> } {
  const problems: Partial<Record<AttendanceField, AttendanceProblem>> = {};
  const counts: Partial<Record<AttendanceField, number | null>> = {};
  for (const field of ATTENDANCE_FIELDS) {
    const count = readCount(fields[field]);
    if (count !== null && typeof count === 'object') problems[field] = count;
    else counts[field] = count;
  }
  const filled = SECTORS.filter((s) => typeof counts[s] === 'number');
  const sectors = filled.length ? Object.fromEntries(filled.map((s) => [s, counts[s]!])) : null;
  const sum = filled.reduce((total, s) => total + counts[s]!, 0);
  const total = counts.organisations;
  if (typeof total === 'number' && sum > total && !problems.organisations) problems.organisations = { problem: 'overTotal', sum, total };
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, command: { type: 'set_attendance', participants: counts.participants ?? null, organisations: total ?? null, sectors } };
}

/** Back to counting the phones: every total cleared. */
export const COUNT_FROM_PHONES: AttendanceCommand = { type: 'set_attendance', participants: null, organisations: null, sectors: null };
