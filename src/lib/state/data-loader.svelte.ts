import type { ImportOptions } from '../io/formats';
import type { DataSource, OpenReport } from '../io/read-source';
import type { AppState } from './app-state.svelte';
import { t } from '../i18n/i18n.svelte';

/**
 * The Data menu's and the drop overlay's side of opening data: asks before edits would be
 * replaced, keeps one open at a time, and holds the last report for the result panel. The open
 * itself is AppState.open, the same as every other source's. `confirm` lets the caller ask with
 * a Svelte dialog (never window.confirm).
 */
export class DataLoader {
  #report = $state.raw<OpenReport | null>(null);
  /** The last file or files opened: the import result can run their import again with a choice. */
  #last: Extract<DataSource, { kind: 'file' | 'files' }> | null = null;
  #busy = $state(false);
  #shown = $state(0);

  constructor(
    private readonly app: Pick<AppState, 'open'>,
    private readonly confirm: () => Promise<boolean> = () => Promise.resolve(true),
    /** After a successful open: the draft rebases on the new data. */
    private readonly onloaded: () => void = () => {},
  ) {}

  /** The outcome the Data menu shows after the last open (file, drop or paste). */
  get report(): OpenReport | null {
    return this.#report;
  }

  /** An open is under way. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Bumped when a result arrives that the user should see (opens the menu after a drop). */
  get shown(): number {
    return this.#shown;
  }

  /** One file, or several picked or dropped together (read as one import: a timemap export's three files). */
  openFile(files: File | readonly File[]): Promise<boolean> {
    const list = files instanceof File ? [files] : files;
    if (list.length === 0) return Promise.resolve(false);
    return this.#open(
      list.length === 1
        ? { kind: 'file', file: list[0]!, origin: t('origin.file', { name: list[0]!.name }) }
        : { kind: 'files', files: list, origin: t('origin.files', { names: filesName(list) }) },
      true,
    );
  }

  /** Whether the last open can run again with other import options (it was a file, not a paste). */
  get canReimport(): boolean {
    return this.#last !== null;
  }

  /** Runs the last file's (or files') import again with these options: a date format the result offered. */
  reimport(options: ImportOptions): Promise<boolean> {
    const last = this.#last;
    if (!last) return Promise.resolve(false);
    return this.#open({ ...last, options: { ...last.options, ...options } }, true);
  }

  openText(text: string, name = 'pasted JSON'): Promise<boolean> {
    // As a file, so a large paste is read in the worker like a large file, not on the page.
    return this.#open({ kind: 'file', file: new File([text], name), origin: t('origin.pasted') }, false);
  }

  clear(): void {
    this.#report = null;
  }

  /** `reimportable`: a file or files picked or dropped (a paste cannot be read again with other options). */
  async #open(source: DataSource, reimportable: boolean): Promise<boolean> {
    if (this.#busy || !(await this.confirm())) return false;
    this.#busy = true;
    this.#last = reimportable && (source.kind === 'file' || source.kind === 'files') ? source : null;
    try {
      const report = await this.app.open(source);
      this.#report = report;
      this.#shown++;
      if (report.ok) this.onloaded();
      return report.ok;
    } finally {
      this.#busy = false;
    }
  }
}

/** "a, b and c", or "a, b and 3 more files": as the origin line names several files. */
function filesName(files: readonly File[]): string {
  const names = files.map((f) => f.name);
  if (names.length <= 3) return t('origin.and', { first: names.slice(0, -1).join(', '), last: names.at(-1)! });
  return t('origin.andMore', { first: names.slice(0, 2).join(', '), count: names.length - 2 });
}
