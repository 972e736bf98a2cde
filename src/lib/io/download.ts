/** The one place that turns a Blob into a file the browser saves. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The longest slug a file name takes from a title: a title of a dozen words fits whole. */
export const SLUG_MAX = 80;

/**
 * A file-name-safe form of a title: "New START & NATO, 2020" → "new-start-nato-2020". A longer
 * title ends at the last whole word that fits in `max` characters, never inside one (a single
 * word longer than that is the only thing ever cut).
 */
export function fileSlug(title: string, fallback = 'faultline', max = SLUG_MAX): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug || fallback;
  // The character after the limit is kept in view: a hyphen there means the last word fits.
  const head = slug.slice(0, max + 1);
  const end = head.lastIndexOf('-');
  return (end > 0 ? head.slice(0, end) : slug.slice(0, max)) || fallback;
}

/** A day as a file name carries it, in the user's own calendar: 2026-12-05. */
export function fileDate(day: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
