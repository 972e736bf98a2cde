/**
 * JSON input for the importers. Files up to a few MB go through our strict parser, which knows
 * the line of every value (so problems read "file:line: …") and drops "__proto__" keys; larger ones
 * get a depth pre-scan and then the engine's JSON.parse, which is much faster. Either way, nesting
 * deeper than the dataset limit is refused before anything recurses into it.
 */
import { checkDepth, parseJson, positionFinder } from '../../model/json';
import { LIMITS } from '../../model/limits';
import { sizeMessage } from '../../model/load-bytes';

export type JsonRead =
  | {
      ok: true;
      value: unknown;
      lineOf: (pointer: string) => number | undefined;
      warnings: { line: number; message: string }[];
    }
  | { ok: false; message: string; line?: number };

const STRICT_PARSE_CHARS = 4 * 1024 * 1024;

export function readJson(text: string): JsonRead {
  if (text.length > LIMITS.maxFileBytes) {
    // In MiB like every size message (a file browser's MB): "the limit is 67.108864 MB" read as nonsense.
    return { ok: false, message: sizeMessage(text.length, LIMITS.maxFileBytes)! };
  }
  const where = positionFinder(text);
  if (text.length > STRICT_PARSE_CHARS) {
    const deep = checkDepth(text, LIMITS.maxDepth);
    if (deep) return { ok: false, message: deep.message, line: where(deep.offset).line };
    try {
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      return { ok: true, value: JSON.parse(body) as unknown, lineOf: () => undefined, warnings: [] };
    } catch {
      // The strict parser below explains the syntax error with its position.
    }
  }
  const parsed = parseJson(text, { maxDepth: LIMITS.maxDepth });
  if (!parsed.ok) return { ok: false, message: parsed.error.message, line: where(parsed.error.offset).line };
  const lineOf = (pointer: string): number | undefined => {
    const offset = parsed.locate(pointer);
    return offset >= 0 ? where(offset).line : undefined;
  };
  return {
    ok: true,
    value: parsed.value,
    lineOf,
    warnings: parsed.warnings.map((w) => ({
      line: where(w.offset).line,
      message: `${w.pointer || '/'}: ${w.message}`,
    })),
  };
}
