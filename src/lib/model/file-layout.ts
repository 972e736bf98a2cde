/**
 * How a dataset file was laid out: its "$schema", the order of its top-level keys, of its
 * categories' keys, of its events and of each event's keys (and of the keys of its location,
 * status, fatalities and sources). Read once when our JSON is loaded and kept on the dataset, so a
 * download writes the file back the way it came: with no edit it is the same bytes (for a file
 * written with 2-space indentation), and an edit changes only the lines of the event it touched.
 * Pure; the writer is io/json-layout.ts.
 */

/** The key order of one event: its own keys, and those of each object (or list of objects) it holds. */
export interface KeyShape {
  readonly keys: readonly string[];
  /** Object members (location, status, fatalities) → their keys; lists of objects (sources) → each item's keys. */
  readonly nested: Readonly<Record<string, readonly string[] | readonly (readonly string[] | null)[]>>;
}

export interface FileLayout {
  /** The file's "$schema" (editors' autocomplete, see the README), when it had one. */
  readonly schema?: string;
  /** Top-level keys in the file's order. */
  readonly rootKeys: readonly string[];
  /** Each category's keys, by category id. */
  readonly categoryKeys: Readonly<Record<string, readonly string[]>>;
  /** Event ids in the file's order (the events the validator accepted). */
  readonly order: readonly string[];
  /** For the event at each position of `order`, the index of its key order in `shapes`. */
  readonly shapeOf: Uint32Array;
  /** The distinct key orders: a file's events mostly share a handful. */
  readonly shapes: readonly KeyShape[];
}

type Raw = Record<string, unknown>;
/** Up to this many distinct shapes, each is tried in turn before a new one is built. */
const FEW_SHAPES = 64;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The key order of one event as it is in the file ("__proto__", which no reader keeps, aside). */
export function shapeOf(event: Raw): KeyShape {
  const nested: Record<string, readonly string[] | readonly (readonly string[] | null)[]> = {};
  const keys: string[] = [];
  for (const key of Object.keys(event)) {
    if (key === '__proto__') continue;
    keys.push(key);
    const value = event[key];
    if (isRecord(value)) nested[key] = ownKeys(value);
    else if (Array.isArray(value) && value.some(isRecord))
      nested[key] = value.map((item) => (isRecord(item) ? ownKeys(item) : null));
  }
  return { keys, nested };
}

const ownKeys = (value: Raw): string[] => Object.keys(value).filter((k) => k !== '__proto__');

/** Whether `keys` are `value`'s own keys in order ("__proto__" aside), without building a list. */
function hasKeys(value: Raw, keys: readonly string[] | null | undefined): boolean {
  if (!keys) return false;
  let i = 0;
  for (const key in value) {
    if (key === '__proto__' || !Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (keys[i++] !== key) return false;
  }
  return i === keys.length;
}

/** Whether `event` has the key order `shape` records: the common case of a file, checked without allocating. */
function matchesShape(event: Raw, shape: KeyShape): boolean {
  let i = 0;
  for (const key in event) {
    if (key === '__proto__' || !Object.prototype.hasOwnProperty.call(event, key)) continue;
    if (shape.keys[i++] !== key) return false;
    const value = event[key];
    const kept = Object.prototype.hasOwnProperty.call(shape.nested, key) ? shape.nested[key] : undefined;
    if (isRecord(value)) {
      if (!hasKeys(value, kept as readonly string[] | undefined)) return false;
    } else if (Array.isArray(value) && value.some(isRecord)) {
      const items = kept as readonly (readonly string[] | null)[] | undefined;
      if (!items || items.length !== value.length) return false;
      for (let j = 0; j < value.length; j++) {
        const item: unknown = value[j];
        if (isRecord(item) ? !hasKeys(item, items[j]) : items[j] !== null) return false;
      }
    } else if (kept !== undefined) return false;
  }
  return i === shape.keys.length;
}

/**
 * The layout of a parsed file. `accepted` are the events the validator kept, each with its index
 * in the file's event list (in file order), so a rejected event takes no place in the layout.
 */
export function captureLayout(
  root: unknown,
  accepted: readonly { index: number; event: { id: string } }[],
): FileLayout {
  const file = isRecord(root) ? root : {};
  const rawEvents = Array.isArray(file['events']) ? (file['events'] as unknown[]) : [];
  const categoryKeys: Record<string, readonly string[]> = {};
  if (Array.isArray(file['categories']))
    for (const c of file['categories'] as unknown[])
      if (isRecord(c) && typeof c['id'] === 'string' && !(c['id'] in categoryKeys))
        categoryKeys[c['id']] = Object.keys(c);
  const shapes: KeyShape[] = [];
  const interned = new Map<string, number>();
  const shapeIndex = new Uint32Array(accepted.length);
  const order: string[] = [];
  let last = -1;
  accepted.forEach(({ index, event }, i) => {
    const raw = rawEvents[index];
    const record = isRecord(raw) ? raw : {};
    // Events mostly share a few shapes: checked against the last one, then (while there are few)
    // the others, with no list built; only a new shape builds its lists and its text key.
    let at = last >= 0 && matchesShape(record, shapes[last]!) ? last : undefined;
    for (let k = 0; at === undefined && shapes.length <= FEW_SHAPES && k < shapes.length; k++)
      if (k !== last && matchesShape(record, shapes[k]!)) at = k;
    if (at === undefined) {
      const shape = shapeOf(record);
      const key = JSON.stringify(shape);
      at = interned.get(key);
      if (at === undefined) {
        at = shapes.push(shape) - 1;
        interned.set(key, at);
      }
    }
    shapeIndex[i] = last = at;
    order.push(event.id);
  });
  const schema = file['$schema'];
  return {
    ...(typeof schema === 'string' ? { schema } : {}),
    rootKeys: Object.keys(file),
    categoryKeys,
    order,
    shapeOf: shapeIndex,
    shapes,
  };
}

/**
 * `present` (an object's keys in canonical order) in the order `kept` gives: the keys `kept` names
 * first, as they were; a key it does not name goes right after the key that precedes it in the
 * canonical order (so an "end" added to an event lands after its "date"), or first when none does.
 */
export function mergeKeyOrder(kept: readonly string[], present: readonly string[]): string[] {
  const has = new Set(present);
  const out = kept.filter((k) => has.has(k));
  const placed = new Set(out);
  present.forEach((key, i) => {
    if (placed.has(key)) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const before = out.indexOf(present[j]!);
      if (before >= 0) {
        at = before + 1;
        break;
      }
    }
    out.splice(at, 0, key);
    placed.add(key);
  });
  return out;
}

/** `value`'s own keys rearranged to `keys` (from mergeKeyOrder). */
export function reorder(value: Raw, keys: readonly string[]): Raw {
  const out: Raw = {};
  for (const key of keys) if (Object.prototype.hasOwnProperty.call(value, key)) out[key] = value[key];
  return out;
}

/** An event (already in canonical key order) given the key order `shape` recorded, nested objects too. */
export function shapeEvent(event: Raw, shape: KeyShape | undefined): Raw {
  if (!shape) return event;
  const present = Object.keys(event).filter(
    // An event with no place reads back with "location": null; a file that left the key out keeps it out.
    (key) => !(key === 'location' && event[key] === null && !shape.keys.includes(key)),
  );
  const out = reorder(event, mergeKeyOrder(shape.keys, present));
  for (const [key, kept] of Object.entries(shape.nested)) {
    const value = out[key];
    if (isRecord(value) && isStringList(kept)) out[key] = reorder(value, mergeKeyOrder(kept, Object.keys(value)));
    else if (Array.isArray(value) && !isStringList(kept)) {
      // Items past the recorded ones (a source added) take the key order of the last recorded item.
      const items = kept as readonly (readonly string[] | null)[];
      const fallback = [...items].reverse().find((k) => k !== null) ?? null;
      out[key] = value.map((item: unknown, i) => {
        const keys = i < items.length ? items[i] : fallback;
        return isRecord(item) && keys ? reorder(item, mergeKeyOrder(keys, Object.keys(item))) : item;
      });
    }
  }
  return out;
}

function isStringList(v: readonly unknown[]): v is readonly string[] {
  return v.every((x) => typeof x === 'string');
}

/**
 * The rows to write, in the file's order: the rows `wanted` whose events the file held, where it
 * held them, then the events it did not hold (added since). In a file whose events run in time
 * order (as the curated one does) each added event goes after the events that start at or before
 * it; in any other file the added events go at the end, in time order. `wanted` are row numbers in
 * time order (the dataset's rows), `start` their start times.
 */
export function fileRowOrder(
  layout: FileLayout,
  rowOf: (id: string) => number | undefined,
  wanted: ArrayLike<number>,
  start: ArrayLike<number>,
): number[] {
  const want = new Set<number>();
  for (let i = 0; i < wanted.length; i++) want.add(wanted[i]!);
  const kept: number[] = [];
  const placed = new Set<number>();
  for (const id of layout.order) {
    const row = rowOf(id);
    if (row === undefined || !want.has(row) || placed.has(row)) continue;
    kept.push(row);
    placed.add(row);
  }
  const added: number[] = [];
  for (let i = 0; i < wanted.length; i++) if (!placed.has(wanted[i]!)) added.push(wanted[i]!);
  if (added.length === 0) return kept;
  added.sort((a, b) => a - b);
  let inTimeOrder = true;
  for (let i = 1; i < kept.length && inTimeOrder; i++) inTimeOrder = start[kept[i - 1]!]! <= start[kept[i]!]!;
  if (!inTimeOrder) return [...kept, ...added];
  const out: number[] = [];
  let k = 0;
  for (const row of added) {
    while (k < kept.length && start[kept[k]!]! <= start[row]!) out.push(kept[k++]!);
    out.push(row);
  }
  while (k < kept.length) out.push(kept[k++]!);
  return out;
}

/** The recorded key order of each event, by id: built once per download. */
export function shapesById(layout: FileLayout): Map<string, KeyShape> {
  const out = new Map<string, KeyShape>();
  layout.order.forEach((id, i) => {
    if (!out.has(id)) out.set(id, layout.shapes[layout.shapeOf[i]!]!);
  });
  return out;
}
