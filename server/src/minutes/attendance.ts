/**
 * Who came: the head count and the organisations, from the facilitator's
 * totals (set_attendance) or else from the phones' profiles, counted by the
 * rule in shared/src/attendance.ts that the facilitator's panel shows too.
 */
import { minutesAttendance, phoneCounts, type MinutesAttendance } from '@karusell/shared/attendance';
import type { WorkshopState } from '@karusell/shared';

export { organisationKey } from '@karusell/shared/attendance';

/** The counts the minutes report. */
export function attendanceOf(state: WorkshopState): MinutesAttendance {
  return minutesAttendance(state.attendance, phoneCounts(state));
}
