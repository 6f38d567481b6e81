/**
 * Small, safe wrappers around Web Storage: a blocked or full storage (private
 * mode, strict settings) must never stop a meeting, only forget things.
 */

type Area = 'local' | 'session';

function area(which: Area): Storage | null {
  try {
    return which === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return null;
  }
}

/** Reads a value; null when absent or storage is unavailable. */
export function load(key: string, which: Area = 'local'): string | null {
  try {
    return area(which)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores a value, or removes it when null. */
export function save(key: string, value: string | null, which: Area = 'local'): void {
  try {
    const storage = area(which);
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Storage is full or blocked: the value is simply not remembered.
  }
}

/** Reads `#workshop=<id>&token=<token>` from the address; null when incomplete. */
export function readFragment(hash: string): { workshopId: string; token: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const workshopId = params.get('workshop');
  const token = params.get('token');
  return workshopId && token ? { workshopId, token } : null;
}
