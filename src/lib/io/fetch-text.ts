/** Fetches a text resource with a time limit and errors a person can act on. */
export async function fetchText(url: string, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), opts.timeoutMs ?? 30_000);
  opts.signal?.addEventListener('abort', () => controller.abort(opts.signal?.reason));
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    return await response.text();
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof Error && controller.signal.reason.message === 'timeout') {
      throw new Error(`no answer within ${Math.round((opts.timeoutMs ?? 30_000) / 1000)} s`);
    }
    if (error instanceof TypeError) throw new Error('the server could not be reached (offline, or it does not allow cross-origin loading)');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
