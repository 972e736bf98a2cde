/**
 * Coordinates from text cells (security.md T15, §4 #31-34). Number("") is 0 and parseFloat("45,5")
 * is 45, so neither is used: a cell must be a whole decimal number or it is not a coordinate.
 * Missing or unreadable coordinates make the location empty (never 0,0); a decimal comma is an
 * error unless the import says the file uses one; out-of-range values are errors.
 */
import type { At, ImportLog } from './common';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

export type CoordinateCell =
  | { kind: 'ok'; value: number }
  | { kind: 'missing' }
  | { kind: 'unreadable' }
  | { kind: 'decimal-comma'; value: number };

export function readCoordinate(cell: string): CoordinateCell {
  const text = cell.trim();
  if (text === '') return { kind: 'missing' };
  if (DECIMAL_COMMA.test(text)) return { kind: 'decimal-comma', value: Number(text.replace(',', '.')) };
  if (!DECIMAL.test(text)) return { kind: 'unreadable' };
  const value = Number(text);
  // "1e400" matches the grammar but is Infinity.
  return Number.isFinite(value) ? { kind: 'ok', value: value === 0 ? 0 : value } : { kind: 'unreadable' };
}

/**
 * Latitude and longitude cells → a point, null (no place, with a warning) or 'skip' (an error was
 * logged and the row must not be imported).
 */
export function readPoint(
  latCell: string,
  lonCell: string,
  opts: { decimalComma?: boolean },
  log: ImportLog,
  at: At,
): { lat: number; lon: number } | null | 'skip' {
  const cells = [
    { name: 'latitude', text: latCell.trim(), read: readCoordinate(latCell) },
    { name: 'longitude', text: lonCell.trim(), read: readCoordinate(lonCell) },
  ] as const;
  if (cells.every((c) => c.read.kind === 'missing')) {
    log.warn(at, 'no coordinates; location left empty');
    return null;
  }
  const values: number[] = [];
  for (const { name, text, read } of cells) {
    if (read.kind === 'decimal-comma' && !opts.decimalComma) {
      log.error(
        at,
        `${name} '${text}' has a decimal comma; import with the decimal-comma option to read it as ${read.value}; row skipped`,
      );
      return 'skip';
    }
    if (read.kind === 'missing') {
      log.warn(at, `${name} is empty; location left empty`);
      return null;
    }
    if (read.kind === 'unreadable') {
      log.warn(at, `${name} '${text}' is not a number; location left empty`);
      return null;
    }
    values.push(read.value);
  }
  const [lat = 0, lon = 0] = values;
  const latBad = Math.abs(lat) > 90;
  const lonBad = Math.abs(lon) > 180;
  if (latBad || lonBad) {
    const swap = Math.abs(lon) <= 90 && Math.abs(lat) <= 180 ? '; did you swap latitude and longitude?' : '';
    const what = latBad
      ? `latitude ${lat} is out of range (-90 to 90)`
      : `longitude ${lon} is out of range (-180 to 180)`;
    log.error(at, `${what}${swap}; row skipped`);
    return 'skip';
  }
  return { lat, lon };
}
