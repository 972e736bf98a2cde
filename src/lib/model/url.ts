/**
 * Links come from untrusted data. Only absolute http(s) URLs that the WHATWG URL parser accepts
 * become links; everything else (javascript:, data:, tricks with tabs, NULs or entities) is text.
 */
export function safeHttpUrl(text: string): URL | null {
  // The URL parser silently strips leading C0 controls, spaces, tabs and newlines; a link whose
  // written form differs from what a browser would follow is refused rather than repaired.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}
