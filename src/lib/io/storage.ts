/**
 * Browser storage that never throws. In a frame sandboxed without allow-same-origin the page
 * has an opaque origin and merely reading `window.localStorage` throws a SecurityError (so do
 * some private modes, and a full quota throws on write). Every storage access in the app goes
 * through here, and a feature that needs storage asks `storageAvailable()` and says when it
 * cannot keep anything (security.md T7, T19).
 */
export type StorageKind = 'localStorage' | 'sessionStorage';

const PROBE_KEY = 'faultline:probe';

function area(kind: StorageKind): Storage | null {
  try {
    return window[kind] ?? null;
  } catch {
    return null;
  }
}

/** True when values can be written and read back (a probe write, then removed). */
export function storageAvailable(kind: StorageKind = 'localStorage'): boolean {
  const storage = area(kind);
  if (!storage) return false;
  try {
    storage.setItem(PROBE_KEY, '1');
    storage.removeItem(PROBE_KEY);
    return true;
  } catch {
    return false;
  }
}

export function readStored(key: string, kind: StorageKind = 'localStorage'): string | null {
  try {
    return area(kind)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** False when the value could not be kept (no storage, quota, policy). */
export function writeStored(key: string, value: string, kind: StorageKind = 'localStorage'): boolean {
  try {
    const storage = area(kind);
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Never throws; a value that cannot be removed is simply left. */
export function removeStored(key: string, kind: StorageKind = 'localStorage'): void {
  try {
    area(kind)?.removeItem(key);
  } catch {
    // Storage gone or blocked: nothing to remove from.
  }
}
