/**
 * The facilitator's HTTP calls. Tokens travel only in the address fragment,
 * in storage and in the socket's auth, never in a query string.
 */
import { save, load } from '../lib/storage';

/** The answer to POST /api/workshops (CONTRACT.md §2). */
export interface CreatedWorkshop {
  id: string;
  code: string;
  facilitatorToken: string;
  screenToken: string;
  joinUrl: string;
  facilitatorUrl: string;
  screenUrl: string;
}

/** A refused or failed creation, ready to show. */
export interface CreateError {
  message: string;
  field?: string;
}

/** The outcome of creating a workshop. */
export type CreateResult = { ok: true; workshop: CreatedWorkshop } | { ok: false; error: CreateError | 'network' };

/** Creates a workshop from plan JSON (any value: the server validates it). */
export async function createWorkshop(plan: unknown): Promise<CreateResult> {
  let response: Response;
  try {
    response = await fetch('/api/workshops', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(plan),
    });
  } catch {
    return { ok: false, error: 'network' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 201 && body && typeof body === 'object') return { ok: true, workshop: body as CreatedWorkshop };
  const error = (body as { error?: { message?: unknown; field?: unknown } } | null)?.error;
  if (!error || typeof error.message !== 'string') return { ok: false, error: 'network' };
  return { ok: false, error: typeof error.field === 'string' ? { message: error.message, field: error.field } : { message: error.message } };
}

const screenKey = (workshopId: string) => `karusell:screen:${workshopId}`;

/** Remembers the screen's link for this workshop, so the run view can offer it. */
export function rememberScreenUrl(workshop: CreatedWorkshop): void {
  save(screenKey(workshop.id), workshop.screenUrl);
}

/** The screen's link on this server (same origin as this page), or null if this browser never knew it. */
export function screenHref(workshopId: string): string | null {
  const stored = load(screenKey(workshopId));
  if (!stored) return null;
  try {
    const url = new URL(stored);
    return `${url.pathname}${url.hash}`;
  } catch {
    return null;
  }
}

/** Deletes the workshop with all its data (the token in a header); true once it is gone. */
export async function deleteWorkshop(workshopId: string, token: string): Promise<boolean> {
  try {
    const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    return response.status === 204;
  } catch {
    return false;
  }
}

/** Forgets what this browser kept about a workshop (its screen link, which holds the screen's token). */
export function forgetWorkshop(workshopId: string): void {
  save(screenKey(workshopId), null);
}
