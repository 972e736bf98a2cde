import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Draft } from '../../../src/lib/state/draft.svelte';
import { applyChanges, parseSnapshot, serialise, type KeyValue } from '../../../src/lib/state/draft-core';
import { loadDataset, type Dataset } from '../../../src/lib/model/dataset';
import type { EventRecord } from '../../../src/lib/model/types';
import { loadBytes } from '../../../src/lib/model/load-bytes';

const loaded = loadDataset(readFileSync('data/events.json', 'utf8'), 'data/events.json');
if (!loaded.ok) throw new Error('bundled dataset must load');
const base = loaded.dataset;
const first = base.events.at(0)!;
const added: EventRecord = {
  id: 'new-1',
  title: 'New',
  summary: 'Added in a test',
  date: '2020-10-01',
  category: first.category,
  location: null,
  sources: [{ publisher: 'P', title: 'T', url: 'https://example.org/a' }],
};

function memory(): KeyValue & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    read: (k) => data.get(k) ?? null,
    write: (k, v) => (data.set(k, v), true),
    remove: (k) => void data.delete(k),
  };
}

function setup(kv: KeyValue = memory()): { draft: Draft; shown: () => Dataset } {
  let current = base;
  const draft = new Draft(
    (d) => (current = d),
    kv,
    () => 1_700_000_000_000,
  );
  draft.attach(base);
  return { draft, shown: () => current };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('applying edits', () => {
  it('adds, changes and deletes without touching the loaded dataset', () => {
    const { draft, shown } = setup();
    draft.put(added);
    draft.put({ ...first, title: 'Renamed' });
    draft.remove(base.events.at(1)!.id);
    const d = shown();
    expect(d.events.length).toBe(base.events.length);
    expect(d.events.rowOf('new-1') !== undefined).toBe(true);
    expect(d.events.at(d.events.rowOf(first.id)!)!.title).toBe('Renamed');
    expect(d.events.rowOf(base.events.at(1)!.id) !== undefined).toBe(false);
    expect(base.events.at(0)!.title).toBe(first.title);
    expect(draft.count).toBe(3);
    expect(draft.dirty).toBe(true);
  });

  it('removing an event added in the draft forgets it', () => {
    const { draft } = setup();
    draft.put(added);
    draft.remove('new-1');
    expect(draft.count).toBe(0);
  });

  it('applyChanges with no edits returns the loaded dataset itself', () => {
    expect(applyChanges(base, new Map())).toBe(base);
  });
});

describe('undo and redo', () => {
  it('steps back and forward through edits; a new edit clears redo', () => {
    const { draft, shown } = setup();
    draft.put(added);
    draft.put({ ...first, title: 'Renamed' });
    draft.undo();
    expect(shown().events.at(shown().events.rowOf(first.id)!)!.title).toBe(first.title);
    draft.undo();
    expect(shown().events.rowOf('new-1') !== undefined).toBe(false);
    expect(draft.undoCount).toBe(0);
    draft.redo();
    expect(shown().events.rowOf('new-1') !== undefined).toBe(true);
    draft.remove(first.id);
    expect(draft.redoCount).toBe(0);
  });
});

describe('autosave and restore', () => {
  it('round-trips through storage and is offered after a reload', () => {
    const kv = memory();
    const { draft } = setup(kv);
    draft.put(added);
    draft.remove(first.id);
    vi.advanceTimersByTime(300);
    const again = setup(kv).draft;
    expect(again.offer?.count).toBe(2);
    expect(again.offer?.savedAt).toBe(1_700_000_000_000);
    again.restore();
    expect(again.changes.get('new-1')).toEqual(added);
    expect(again.changes.get(first.id)).toBeNull();
  });

  it('flush writes at once; declining forgets the stored draft', () => {
    const kv = memory();
    const { draft } = setup(kv);
    draft.put(added);
    draft.flush();
    const again = setup(kv).draft;
    expect(again.offer?.count).toBe(1);
    again.decline();
    expect(setup(kv).draft.offer).toBeNull();
  });

  it('drops restored events that no longer validate', () => {
    const text = serialise({
      version: 1,
      dataset: 'd',
      changes: [
        ['x', { ...added, id: 'x', date: 'soon' }],
        ['y', null],
      ],
      savedAt: 1,
      savedToFile: false,
    });
    expect(parseSnapshot(text, 'd', new Set([added.category]))?.changes).toEqual([['y', null]]);
    expect(parseSnapshot('{not json', 'd', new Set())).toBeNull();
    expect(parseSnapshot(text, 'other', new Set())).toBeNull();
  });

  it('a failed write keeps the previous good snapshot', () => {
    const kv = memory();
    const { draft } = setup(kv);
    draft.put(added);
    draft.flush();
    let full = false;
    const flaky: KeyValue = { ...kv, write: (k, v) => (full ? false : kv.write(k, v)) };
    const second = new Draft(() => {}, flaky);
    second.attach(base);
    second.restore();
    full = true;
    second.remove(first.id);
    second.flush();
    expect(second.autosave).toBe('unavailable');
    expect(setup(kv).draft.offer?.count).toBe(1);
  });

  it.each([
    [
      'throws',
      (): never => {
        throw new DOMException('denied', 'SecurityError');
      },
    ],
    [
      'is full',
      (): never => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    ],
    ['refuses', (): boolean => false],
  ])('keeps the edits in memory when storage %s', (_, write) => {
    const { draft, shown } = setup({ read: () => null, write, remove: () => {} });
    draft.put(added);
    draft.flush();
    expect(draft.autosave).toBe('unavailable');
    expect(draft.count).toBe(1);
    expect(shown().events.rowOf('new-1') !== undefined).toBe(true);
    draft.markSaved();
    expect(draft.dirty).toBe(false);
  });

  it('discard shows the loaded dataset again and clears storage', () => {
    const kv = memory();
    const { draft, shown } = setup(kv);
    draft.put(added);
    draft.flush();
    draft.discard();
    expect(shown()).toBe(base);
    expect([...kv.data.keys()].filter((k) => k.startsWith('faultline:draft:'))).toEqual([]);
  });
});

describe('two tabs editing the same dataset', () => {
  it('pauses autosave when another tab writes the draft, so neither overwrites the other', () => {
    const kv = memory();
    const { draft: here } = setup(kv);
    const { draft: there } = setup(kv);
    there.put(added);
    there.flush();
    const theirs = [...kv.data.entries()].sort().join();
    // The browser tells this tab through a storage event for the draft's keys.
    here.externalChange(`${here.storageKey}:slot`);
    expect(here.conflict).toBe(true);
    here.remove(first.id);
    here.flush();
    vi.advanceTimersByTime(300);
    expect([...kv.data.entries()].sort().join()).toBe(theirs);
    // Choosing to keep this tab's edits writes them.
    here.keepThisTab();
    expect(here.conflict).toBe(false);
    const again = setup(kv).draft;
    expect(again.offer?.snapshot.changes.map(([id]) => id)).toEqual([first.id]);
  });

  it('ignores storage changes to other keys', () => {
    const { draft } = setup();
    draft.externalChange('faultline:share:size');
    draft.externalChange('faultline:draft:other.json:slot');
    expect(draft.conflict).toBe(false);
  });
});

describe('drafts are keyed by content, never by a name alone', () => {
  const text = readFileSync('data/events.json', 'utf8');
  const other = JSON.parse(text) as { events: EventRecord[] };
  other.events = other.events.slice(1);
  const loadAs = (t: string, name: string): Dataset => {
    const result = loadDataset(t, name);
    if (!result.ok) throw new Error('must load');
    return result.dataset;
  };

  it("another file with the same name is not offered the first one's edits (deletions included)", () => {
    const kv = memory();
    const { draft } = setup(kv);
    draft.remove(base.events.at(2)!.id);
    draft.put(added);
    draft.flush();
    const later = new Draft(
      () => undefined,
      kv,
      () => 1,
    );
    later.attach(loadAs(JSON.stringify(other, null, 2), 'data/events.json'));
    expect(later.offer).toBeNull();
    // The same content under the same name still finds its draft.
    later.attach(loadAs(text, 'data/events.json'));
    expect(later.offer?.count).toBe(2);
  });

  it('two pastes of different data do not share a draft', () => {
    const kv = memory();
    const first = new Draft(
      () => undefined,
      kv,
      () => 1,
    );
    first.attach(loadAs(text, 'pasted JSON'));
    first.put(added);
    first.flush();
    const second = new Draft(
      () => undefined,
      kv,
      () => 1,
    );
    second.attach(loadAs(JSON.stringify(other), 'pasted JSON'));
    expect(second.offer).toBeNull();
    expect(second.storageKey).not.toBe(first.storageKey);
  });

  it('the same bytes read as a file and as text get the same key; any change gives another', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    const fromBytes = loadBytes(bytes.buffer as ArrayBuffer, 'data/events.json');
    expect(fromBytes.ok && fromBytes.kind === 'parts' && fromBytes.parts.contentKey).toBe(base.contentKey);
    expect(loadAs(text.replace('"title"', ' "title"'), 'x').contentKey).not.toBe(base.contentKey);
  });
});
