import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

// The only reader of import files: it streams the file in chunks and never holds more than one
// record (plus one chunk), whatever the file's size or shape. Memory bound per reader: one chunk
// (1 MiB) + one captured value (at most LIMITS.recordBytes = 4 MiB of bytes) + that value decoded
// and parsed (a few times its size): some tens of MB, never in proportion to the file. Measured
// (test/bench/importMemory.bench.ts): `kk import` of a 256 MB file of any odd shape peaks within
// ~50 MB of the same command on an empty file, and a 64 MB JavaScript heap checks them all
// (test/core/casework/importShape.test.ts). A file that is not an object with the expected keys
// is refused as soon as that is seen.

/** Caps on what one value may be; a value over a cap is refused, not read into memory. */
export const LIMITS = {
  /**
   * One record (a traject or melding with everything in it), in bytes of the file. 4 MiB holds a
   * traject with 1,000 journal entries of 3,000 characters each; a larger one is not a case file
   * (and would cost the checking thread and the core tens of MB each to parse and hand over).
   */
  recordBytes: 4 * 1024 * 1024,
  /** A top-level value that is not a list ("format", "versie"): those are a few bytes. */
  topValueBytes: 64 * 1024,
  /** A top-level key: the known ones are a few letters. */
  keyBytes: 256,
  /** Levels of { and [ inside one value. A traject has 4; the cap keeps the parse (and any recursion on it) shallow. */
  depth: 32,
} as const;

const CHUNK_BYTES = 1024 * 1024;

/** A place inside a value: field names and list positions. */
export type JsonPath = Array<string | number>;

/** Why one value (a record, or a top-level value) cannot be read. */
export type ValueProblem =
  | { kind: 'too-large'; limit: number }
  | { kind: 'too-deep'; limit: number }
  /** Bytes that are not UTF-8 inside a text, at `at` (the field, or the object whose field name it is). */
  | { kind: 'not-utf8'; at: JsonPath }
  /** A field name given twice in one object; `at` ends with that name. */
  | { kind: 'duplicate-key'; at: JsonPath };

/** Why the file as a whole cannot be read. */
export type FileProblem =
  | { kind: 'not-json' }
  /** Valid JSON (so far) but not an object at the top: `found` is what it starts with. */
  | { kind: 'not-an-object'; found: 'list' | 'value' }
  | { kind: 'unknown-key'; key: string }
  | { kind: 'key-twice'; key: string }
  | { kind: 'not-a-list'; key: string }
  | { kind: 'bad-value'; key: string; problem: ValueProblem };

/** The file cannot be read as an import file; reading stopped at the first sign of it. */
export class JsonFileRefusal extends Error {
  constructor(readonly problem: FileProblem) {
    super(`import file refused: ${problem.kind}`);
  }
}

/** What the reader finds, in file order. Records are parsed; a record that cannot be read is `bad` and reading goes on. */
export type JsonStreamItem =
  | { kind: 'value'; key: string; value: unknown }
  | { kind: 'list'; list: string }
  | { kind: 'record'; list: string; value: unknown }
  | { kind: 'bad'; list: string; problem: ValueProblem };

/** The keys a file may have at the top: lists of records, and single values. Any other key is refused. */
export interface JsonShape {
  lists: readonly string[];
  values: readonly string[];
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
// Fatal: a byte that is not UTF-8 throws instead of becoming U+FFFD (which would change the data).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const enum S {
  Start,
  Bom,
  KeyOrEnd,
  Key,
  InKey,
  Colon,
  Value,
  InValue,
  AfterTop,
  ElemOrEnd,
  Elem,
  AfterElem,
  Done,
}

/**
 * A file's bytes in chunks of `chunkBytes`. The buffer is read into again when `reusable()` says
 * nothing points into it any more; otherwise (a value's pieces still do) a fresh one is taken.
 * Reusing it keeps a long scan from leaving dozens of MB of dead buffers for the collector.
 */
function* fileChunks(path: string, chunkBytes: number, reusable: () => boolean): Generator<Buffer<ArrayBufferLike>> {
  const fd = openSync(path, 'r');
  try {
    let buffer: Buffer<ArrayBufferLike> | undefined;
    for (;;) {
      if (!buffer || !reusable()) buffer = Buffer.allocUnsafe(chunkBytes);
      const n = readSync(fd, buffer, 0, chunkBytes, null);
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Keys in a parsed value, counted through every level (own keys: JSON.parse makes "__proto__" one too). */
function countKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const v of value) n += countKeys(v);
    return n;
  }
  // for…in, not Object.keys: no array per object. A parsed object has no inherited enumerable keys.
  for (const key in value) n += 1 + countKeys((value as Record<string, unknown>)[key]);
  return n;
}

/**
 * Finds where a complete JSON value's first non-UTF-8 text or repeated field name is. Slow (a
 * Set per object); only run once such a problem is known to be there.
 */
export function locateProblem(bytes: Uint8Array): { kind: 'not-utf8' | 'duplicate-key'; at: JsonPath } | undefined {
  type Frame = { keys: Set<string> | undefined; key: string; index: number; expectKey: boolean };
  const stack: Frame[] = [];
  const pathOf = (frames: Frame[]): JsonPath => frames.map((f) => (f.keys ? f.key : f.index));
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    const top = stack.at(-1);
    if (c === 0x22) {
      let j = i + 1;
      while (j < bytes.length && bytes[j] !== 0x22) j += bytes[j] === 0x5c ? 2 : 1;
      const text = bytes.subarray(i, j + 1);
      const isKey = top?.keys !== undefined && top.expectKey;
      if (!isUtf8(text)) return { kind: 'not-utf8', at: pathOf(isKey ? stack.slice(0, -1) : stack) };
      if (isKey) {
        const key = JSON.parse(Buffer.from(text).toString('utf8')) as string;
        if (top.keys!.has(key)) return { kind: 'duplicate-key', at: [...pathOf(stack.slice(0, -1)), key] };
        top.keys!.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) stack.push({ keys: new Set(), key: '', index: 0, expectKey: true });
    else if (c === 0x5b) stack.push({ keys: undefined, key: '', index: 0, expectKey: false });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c && top) {
      if (top.keys) top.expectKey = true;
      else top.index++;
    }
  }
  return undefined;
}

/**
 * Decodes and parses one captured value. Bytes that are not UTF-8 and a field name given twice
 * (JSON.parse would keep the last one silently) are problems of this value; malformed JSON is a
 * problem of the file. `colons` is the number of field names the scanner counted in it: the
 * parsed value has fewer exactly when a name was repeated, so the slow search runs only then.
 */
function parseValue(bytes: Buffer<ArrayBufferLike>, colons: number): { value: unknown } | { problem: ValueProblem } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problem: { kind: 'not-utf8', at: locateProblem(bytes)?.at ?? [] } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new JsonFileRefusal({ kind: 'not-json' });
  }
  if (colons > 0 && countKeys(value) !== colons) return { problem: { kind: 'duplicate-key', at: locateProblem(bytes)?.at ?? [] } };
  return { value };
}

/**
 * Reads a JSON file of the shape `{ "value": …, "list": [record, …], … }` in chunks and yields
 * each top-level value and each element of the `shape.lists` arrays, parsed on its own. Throws
 * JsonFileRefusal as soon as the file cannot be an import file (not an object, an unknown or
 * repeated top-level key, a list key without a list, broken JSON, a top-level value over its
 * cap); a record over a cap, with non-UTF-8 bytes or a repeated field name is yielded as `bad`
 * and reading goes on, so every record's problems can be reported. A UTF-8 byte order mark at
 * the start is skipped (Windows editors write one).
 */
export function* streamJsonRecords(path: string, shape: JsonShape, chunkBytes = CHUNK_BYTES): Generator<JsonStreamItem> {
  let state = S.Start as S;
  let atStart = true;
  let bomLeft = 0;
  let key = '';
  let inList = false;
  const seen = new Set<string>();
  // The value being captured: finished chunk pieces plus where it starts in the current chunk.
  let capturing = false;
  let pieces: Buffer<ArrayBufferLike>[] = [];
  let piecesBytes = 0;
  let captureFrom = -1;
  let cap = 0;
  // Over a cap: its bytes are dropped, but scanning goes on to find where it ends.
  let tooLarge = false;
  let tooDeep = false;
  let depth = 0;
  let colons = 0;
  let inString = false;
  let escaped = false;
  let primitive = false;
  let chunk: Buffer<ArrayBufferLike> = Buffer.alloc(0);

  const startCapture = (i: number, c: number, limit: number) => {
    capturing = true;
    captureFrom = i;
    cap = limit;
    tooLarge = false;
    tooDeep = false;
    colons = 0;
    inString = c === 0x22;
    escaped = false;
    primitive = c !== 0x22 && c !== 0x7b && c !== 0x5b;
    depth = c === 0x7b || c === 0x5b ? 1 : 0;
  };
  /** The captured bytes up to `end`, or undefined when they were over the cap. */
  const take = (end: number): Buffer<ArrayBufferLike> | undefined => {
    let bytes: Buffer<ArrayBufferLike> | undefined;
    if (!tooLarge && !tooDeep) {
      pieces.push(chunk.subarray(captureFrom, end));
      bytes = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
      if (bytes.length > cap) {
        tooLarge = true;
        bytes = undefined;
      }
    }
    capturing = false;
    pieces = [];
    piecesBytes = 0;
    captureFrom = -1;
    return bytes;
  };
  /** The captured value, parsed, or what is wrong with it. */
  const finish = (end: number): { value: unknown } | { problem: ValueProblem } => {
    const bytes = take(end);
    if (tooDeep) return { problem: { kind: 'too-deep', limit: LIMITS.depth } };
    if (!bytes) return { problem: { kind: 'too-large', limit: cap } };
    return parseValue(bytes, colons);
  };

  for (chunk of fileChunks(path, chunkBytes, () => pieces.length === 0)) {
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk[i]!;
      switch (state) {
        case S.Start:
          if (atStart && c === 0xef) {
            bomLeft = 2;
            state = S.Bom;
            continue;
          }
          atStart = false;
          if (isWs(c)) continue;
          if (c === 0x7b) {
            state = S.KeyOrEnd;
            continue;
          }
          // Refused before reading on: a list or a single value is never an import file.
          if (c === 0x5b) throw new JsonFileRefusal({ kind: 'not-an-object', found: 'list' });
          if (c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) throw new JsonFileRefusal({ kind: 'not-an-object', found: 'value' });
          throw new JsonFileRefusal({ kind: 'not-json' });
        case S.Bom:
          if (c !== (bomLeft === 2 ? 0xbb : 0xbf)) throw new JsonFileRefusal({ kind: 'not-json' });
          if (--bomLeft === 0) {
            atStart = false; // the mark may come only once, at the very start
            state = S.Start;
          }
          continue;
        case S.KeyOrEnd:
        case S.Key:
          if (isWs(c)) continue;
          if (c === 0x7d && state === S.KeyOrEnd) {
            state = S.Done;
            continue;
          }
          if (c !== 0x22) throw new JsonFileRefusal({ kind: 'not-json' });
          startCapture(i, c, LIMITS.keyBytes);
          state = S.InKey;
          continue;
        case S.InKey:
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) {
            const bytes = take(i + 1);
            // Too long or not UTF-8: it cannot be one of the known keys.
            if (!bytes || !isUtf8(bytes)) throw new JsonFileRefusal({ kind: 'unknown-key', key: '' });
            try {
              key = JSON.parse(bytes.toString('utf8')) as string;
            } catch {
              throw new JsonFileRefusal({ kind: 'not-json' });
            }
            if (!shape.lists.includes(key) && !shape.values.includes(key)) throw new JsonFileRefusal({ kind: 'unknown-key', key });
            if (seen.has(key)) throw new JsonFileRefusal({ kind: 'key-twice', key });
            seen.add(key);
            state = S.Colon;
          }
          continue;
        case S.Colon:
          if (isWs(c)) continue;
          if (c !== 0x3a) throw new JsonFileRefusal({ kind: 'not-json' });
          state = S.Value;
          continue;
        case S.Value:
          if (isWs(c)) continue;
          if (shape.lists.includes(key)) {
            if (c !== 0x5b) throw new JsonFileRefusal({ kind: 'not-a-list', key });
            yield { kind: 'list', list: key };
            inList = true;
            state = S.ElemOrEnd;
            continue;
          }
          inList = false;
          startCapture(i, c, LIMITS.topValueBytes);
          state = S.InValue;
          continue;
        case S.ElemOrEnd:
        case S.Elem:
          if (isWs(c)) continue;
          if (c === 0x5d && state === S.ElemOrEnd) {
            state = S.AfterTop;
            continue;
          }
          startCapture(i, c, LIMITS.recordBytes);
          state = S.InValue;
          continue;
        case S.InValue: {
          let end = -1;
          if (primitive) {
            if (c === 0x2c || c === 0x7d || c === 0x5d || isWs(c)) {
              end = i;
              i--; // the terminator belongs to the next state
            }
          } else if (inString) {
            if (escaped) escaped = false;
            else if (c === 0x5c) escaped = true;
            else if (c === 0x22) {
              inString = false;
              if (depth === 0) end = i + 1;
            }
          } else if (c === 0x22) inString = true;
          else if (c === 0x3a) colons++;
          else if (c === 0x7b || c === 0x5b) {
            if (++depth > LIMITS.depth) {
              tooDeep = true;
              if (!inList) throw new JsonFileRefusal({ kind: 'bad-value', key, problem: { kind: 'too-deep', limit: LIMITS.depth } });
            }
          } else if (c === 0x7d || c === 0x5d) {
            depth--;
            if (depth === 0) end = i + 1;
          }
          if (end >= 0) {
            const parsed = finish(end);
            if (inList) yield 'value' in parsed ? { kind: 'record', list: key, value: parsed.value } : { kind: 'bad', list: key, problem: parsed.problem };
            else if ('value' in parsed) yield { kind: 'value', key, value: parsed.value };
            else throw new JsonFileRefusal({ kind: 'bad-value', key, problem: parsed.problem });
            state = inList ? S.AfterElem : S.AfterTop;
          }
          continue;
        }
        case S.AfterElem:
          if (isWs(c)) continue;
          if (c === 0x2c) state = S.Elem;
          else if (c === 0x5d) {
            inList = false;
            state = S.AfterTop;
          } else throw new JsonFileRefusal({ kind: 'not-json' });
          continue;
        case S.AfterTop:
          if (isWs(c)) continue;
          if (c === 0x2c) state = S.Key;
          else if (c === 0x7d) state = S.Done;
          else throw new JsonFileRefusal({ kind: 'not-json' });
          continue;
        case S.Done:
          if (!isWs(c)) throw new JsonFileRefusal({ kind: 'not-json' });
          continue;
      }
    }
    // The value goes on in the next chunk: keep this chunk's part, unless it is already over its cap.
    if (capturing) {
      if (!tooLarge && !tooDeep) {
        const piece = chunk.subarray(captureFrom);
        piecesBytes += piece.length;
        if (piecesBytes > cap) {
          // A record is skipped to its end (the next ones get checked too); a top-level value or key ends the reading.
          if (state === S.InKey) throw new JsonFileRefusal({ kind: 'unknown-key', key: '' });
          if (!inList) throw new JsonFileRefusal({ kind: 'bad-value', key, problem: { kind: 'too-large', limit: cap } });
          tooLarge = true;
          pieces = [];
        } else pieces.push(piece);
      }
      captureFrom = 0;
    }
  }
  if (state !== S.Done) throw new JsonFileRefusal({ kind: 'not-json' });
}
