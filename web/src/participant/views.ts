/**
 * Each exercise's phone view is a chunk of its own, fetched the first time
 * such an exercise runs (or, for a phone coming back, as soon as the page
 * shows what it last saw: see session.svelte.ts).
 */

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
