/**
 * A gesture's continuous steps (a brush drag, playback) reach the URL at most this often; its
 * last step is written at once when it ends, and a page hide writes what is held back.
 * Each history write costs Chromium a same-document navigation and a favicon reload (2–7 ms of
 * main thread, measured at 100k events): at 300 ms one brush frame in eighteen carried one, which
 * made them the slowest 5 % of frames. Nobody reads the address bar during a drag.
 *
 * In a file of its own, free of runes and of the interface's messages, so browser tests running in
 * Node can import it (url-sync.svelte.ts reaches i18n.svelte.ts, which only the Svelte compiler reads).
 */
export const REPLACE_EVERY_MS = 1000;
