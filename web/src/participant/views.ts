/**
 * Each exercise's phone view is a chunk of its own, fetched the first time
 * such an exercise runs (or, for a phone coming back, as soon as the page
 * starts: see main.ts).
 */
import type { WorkshopState } from '@karusell/shared/state';

const vote = () => import('./Vote.svelte');
/** The view chunk per agenda item kind. */
export const loaders = {
  carousel: () => import('./Carousel.svelte'),
  wall: () => import('./Wall.svelte'),
  qa: () => import('./Questions.svelte'),
  ranking: vote,
  dots: vote,
  scale: vote,
};
/** An item kind with a view of its own. */
export type ViewKind = keyof typeof loaders;

/** Starts (or joins) the download of the view of the item running in `state`; resolves once it is in, or could not be had. */
export function fetchView(state: WorkshopState | null): Promise<unknown> {
  const kind = state?.running ? state.plan.agenda.find((item) => item.id === state.running)?.kind : undefined;
  return kind && Object.hasOwn(loaders, kind) ? loaders[kind as ViewKind]().catch(() => {}) : Promise.resolve();
}
