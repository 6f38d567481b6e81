/**
 * Lookups in a validated plan. Kept apart from plan.ts (which holds the
 * valibot schema) so the phone can use them without loading the validator.
 */
import type { AgendaItem, Plan, RankingItem, RankingOption } from './plan';

/** Options of a ranking: its own options, or the stations/headings of the item named by `of`. */
export function rankingOptions(plan: Plan, item: RankingItem): RankingOption[] {
  if (item.options) return item.options.map(({ id, title }) => ({ id, title }));
  const source = item.of === undefined ? undefined : findItem(plan, item.of);
  if (source?.kind === 'carousel') return source.stations.map(({ id, prompt }) => ({ id, title: prompt }));
  if (source?.kind === 'wall') return source.headings.map(({ id, title }) => ({ id, title }));
  return [];
}

/** The agenda item with this id, if any. */
export function findItem(plan: Plan, id: string): AgendaItem | undefined {
  return plan.agenda.find((item) => item.id === id);
}
