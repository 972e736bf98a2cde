import { openFile, openText, type ImportReport, type Loader, type OpenOutcome } from '../io/open-file';
import type { Problem } from '../model/problems';

/** The outcome the Data menu shows after the last open (file, drop or paste). */
export interface LoadReport {
  name: string;
  ok: boolean;
  /** A failure before validation: size, unreadable file, unknown format. */
  error: string | null;
  /** Validation problems of a rejected file (positions included), from AppState.status. */
  problems: readonly Problem[];
  import: ImportReport | null;
}

/**
 * Shared by the Data menu and the drop overlay, so a dropped file and a picked one take the same
 * path and their result shows in the same panel. `confirm` lets the caller ask before data with
 * unsaved edits is replaced (a Svelte dialog, never window.confirm).
 */
export class DataLoader {
  report = $state.raw<LoadReport | null>(null);
  busy = $state(false);
  /** Bumped when a result arrives that the user should see (opens the menu after a drop). */
  shown = $state(0);

  constructor(
    private readonly app: Loader & { status: { kind: string; problems?: Problem[] } },
    private readonly confirm: () => Promise<boolean> = () => Promise.resolve(true),
    /** After a successful load: the draft rebases on the new data. */
    private readonly onloaded: () => void = () => {},
  ) {}

  async openFile(file: File): Promise<boolean> {
    if (this.busy || !(await this.confirm())) return false;
    this.busy = true;
    try {
      return this.#finish(file.name, await openFile(this.app, file));
    } finally {
      this.busy = false;
    }
  }

  async openText(text: string, name = 'pasted JSON'): Promise<boolean> {
    if (this.busy || !(await this.confirm())) return false;
    return this.#finish(name, openText(this.app, text, name, 'Pasted JSON'));
  }

  clear(): void {
    this.report = null;
  }

  #finish(name: string, outcome: OpenOutcome): boolean {
    const status = this.app.status;
    const problems = !outcome.ok && status.kind === 'failed' ? (status.problems ?? []) : [];
    this.report = { name, ok: outcome.ok, error: outcome.error, problems, import: outcome.report };
    this.shown++;
    if (outcome.ok) this.onloaded();
    return outcome.ok;
  }
}
