import { closeSync, openSync, readSync } from 'node:fs';

/** What the streaming scanner finds in an import file, in file order. */
export type JsonStreamItem = { kind: 'value'; key: string; json: string } | { kind: 'record'; list: string; json: string } | { kind: 'list'; list: string };

/** The file is not a JSON object of the simple shape the scanner knows (the caller falls back). */
export class JsonStreamShapeError extends Error {}

const CHUNK_BYTES = 1024 * 1024;
const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

const enum S {
  Start,
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

/** A file's bytes in chunks of `chunkBytes`, a fresh buffer per read (captured pieces keep pointing into old ones). */
function* fileChunks(path: string, chunkBytes: number): Generator<Buffer<ArrayBufferLike>> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const n = readSync(fd, chunk, 0, chunkBytes, null);
      if (n === 0) return;
      yield chunk.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a JSON file of the shape `{ "key": value, "list": [record, …], … }` in 1 MiB chunks and
 * yields each top-level value and each element of the `lists` arrays as its own JSON text. Only
 * one record (plus one chunk) is in memory at a time, so a 100 MB file costs about 1 MB. It only
 * finds boundaries; every text it yields still goes through JSON.parse. Throws
 * JsonStreamShapeError when the file does not have that shape (then parse it another way).
 */
export function* streamJsonRecords(path: string, lists: readonly string[], chunkBytes = CHUNK_BYTES): Generator<JsonStreamItem> {
  let state = S.Start as S;
  let key = '';
  let inList = false;
  // The value being captured: finished chunk pieces plus where it starts in the current chunk.
  let pieces: Buffer<ArrayBufferLike>[] = [];
  let captureFrom = -1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let primitive = false;
  let chunk: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  const seen = new Set<string>();
  const take = (end: number): string => {
    pieces.push(chunk.subarray(captureFrom, end));
    const text = (pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces)).toString('utf8');
    pieces = [];
    captureFrom = -1;
    return text;
  };
  const startCapture = (i: number, c: number) => {
    captureFrom = i;
    depth = 0;
    inString = c === 0x22;
    escaped = false;
    primitive = c !== 0x22 && c !== 0x7b && c !== 0x5b;
    if (c === 0x7b || c === 0x5b) depth = 1;
  };
  for (chunk of fileChunks(path, chunkBytes)) {
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk[i]!;
      switch (state) {
        case S.Start:
          if (isWs(c)) continue;
          if (c !== 0x7b) throw new JsonStreamShapeError();
          state = S.KeyOrEnd;
          continue;
        case S.KeyOrEnd:
        case S.Key:
          if (isWs(c)) continue;
          if (c === 0x7d && state === S.KeyOrEnd) {
            state = S.Done;
            continue;
          }
          if (c !== 0x22) throw new JsonStreamShapeError();
          startCapture(i, c);
          state = S.InKey;
          continue;
        case S.InKey:
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) {
            try {
              key = JSON.parse(take(i + 1)) as string;
            } catch {
              throw new JsonStreamShapeError();
            }
            if (seen.has(key)) throw new JsonStreamShapeError();
            seen.add(key);
            state = S.Colon;
          }
          continue;
        case S.Colon:
          if (isWs(c)) continue;
          if (c !== 0x3a) throw new JsonStreamShapeError();
          state = S.Value;
          continue;
        case S.Value:
          if (isWs(c)) continue;
          if (c === 0x5b && lists.includes(key)) {
            yield { kind: 'list', list: key };
            inList = true;
            state = S.ElemOrEnd;
            continue;
          }
          inList = false;
          startCapture(i, c);
          state = S.InValue;
          continue;
        case S.ElemOrEnd:
        case S.Elem:
          if (isWs(c)) continue;
          if (c === 0x5d && state === S.ElemOrEnd) {
            state = S.AfterTop;
            continue;
          }
          startCapture(i, c);
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
          else if (c === 0x7b || c === 0x5b) depth++;
          else if (c === 0x7d || c === 0x5d) {
            depth--;
            if (depth === 0) end = i + 1;
          }
          if (end >= 0) {
            const json = take(end);
            yield inList ? { kind: 'record', list: key, json } : { kind: 'value', key, json };
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
          } else throw new JsonStreamShapeError();
          continue;
        case S.AfterTop:
          if (isWs(c)) continue;
          if (c === 0x2c) state = S.Key;
          else if (c === 0x7d) state = S.Done;
          else throw new JsonStreamShapeError();
          continue;
        case S.Done:
          if (!isWs(c)) throw new JsonStreamShapeError();
          continue;
      }
    }
    if (captureFrom >= 0) {
      pieces.push(chunk.subarray(captureFrom));
      captureFrom = 0;
    }
  }
  if (state !== S.Done) throw new JsonStreamShapeError();
}
