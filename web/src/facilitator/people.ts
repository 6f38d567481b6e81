/** How the facilitator names participants: by name, else "Anonymous n" by join order (stable as others join). */
import type { Participant } from '@karusell/shared/state';

/** Participant id → the label the facilitator sees. */
export function participantLabels(participants: readonly Participant[], anonymous: (n: number) => string): Map<string, string> {
  const byJoin = [...participants].sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
  const labels = new Map<string, string>();
  byJoin.forEach((p, i) => {
    const name = p.profile.name ?? anonymous(i + 1);
    labels.set(p.id, p.profile.organisation ? `${name} (${p.profile.organisation})` : name);
  });
  return labels;
}
