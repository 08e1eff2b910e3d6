/**
 * Splits a JSON import file into its top-level values and the elements of its record arrays
 * WITHOUT building the whole object tree: only positions are kept, and each record is parsed
 * on its own when needed. A 100 MB file then costs 100 MB plus one record, not several times
 * its size. The scanner only finds boundaries; every slice still goes through JSON.parse, so
 * anything malformed is still refused. Returns null when the text is not an object of that
 * simple shape; the caller then falls back to JSON.parse of the whole text.
 */
export interface JsonLayout {
  /** Top-level keys other than the record arrays, with the slice of their value. */
  values: Map<string, [number, number]>;
  /** For each record array key: the slices of its elements (or null when the value is no array). */
  arrays: Map<string, Array<[number, number]> | null>;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function scanJsonLayout(text: string, arrayKeys: readonly string[]): JsonLayout | null {
  let pos = 0;
  const n = text.length;
  const ws = () => {
    while (pos < n && WS.has(text.charCodeAt(pos))) pos++;
  };
  const skipString = (): boolean => {
    // pos is at the opening quote
    pos++;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 0x5c) pos += 2;
      else if (c === 0x22) {
        pos++;
        return true;
      } else pos++;
    }
    return false;
  };
  const skipValue = (): boolean => {
    const c = text.charCodeAt(pos);
    if (c === 0x22) return skipString();
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      while (pos < n) {
        const d = text.charCodeAt(pos);
        if (d === 0x22) {
          if (!skipString()) return false;
          continue;
        }
        if (d === 0x7b || d === 0x5b) depth++;
        else if (d === 0x7d || d === 0x5d) {
          depth--;
          if (depth === 0) {
            pos++;
            return true;
          }
        }
        pos++;
      }
      return false;
    }
    const start = pos;
    while (pos < n) {
      const d = text.charCodeAt(pos);
      if (d === 0x2c || d === 0x7d || d === 0x5d || WS.has(d)) break;
      pos++;
    }
    return pos > start;
  };

  const layout: JsonLayout = { values: new Map(), arrays: new Map() };
  ws();
  if (text.charCodeAt(pos) !== 0x7b) return null;
  pos++;
  ws();
  if (text.charCodeAt(pos) === 0x7d) {
    pos++;
  } else {
    for (;;) {
      ws();
      if (text.charCodeAt(pos) !== 0x22) return null;
      const keyStart = pos;
      if (!skipString()) return null;
      let key: string;
      try {
        key = JSON.parse(text.slice(keyStart, pos)) as string;
      } catch {
        return null;
      }
      ws();
      if (text.charCodeAt(pos) !== 0x3a) return null;
      pos++;
      ws();
      if (arrayKeys.includes(key) && text.charCodeAt(pos) === 0x5b) {
        const elements: Array<[number, number]> = [];
        pos++;
        ws();
        if (text.charCodeAt(pos) === 0x5d) pos++;
        else {
          for (;;) {
            ws();
            const start = pos;
            if (!skipValue()) return null;
            elements.push([start, pos]);
            ws();
            const c = text.charCodeAt(pos);
            pos++;
            if (c === 0x2c) continue;
            if (c === 0x5d) break;
            return null;
          }
        }
        layout.arrays.set(key, elements);
        layout.values.delete(key);
      } else {
        const start = pos;
        if (!skipValue()) return null;
        layout.values.set(key, [start, pos]);
        if (arrayKeys.includes(key)) layout.arrays.set(key, null);
      }
      ws();
      const c = text.charCodeAt(pos);
      pos++;
      if (c === 0x2c) continue;
      if (c === 0x7d) break;
      return null;
    }
  }
  ws();
  return pos === n ? layout : null;
}
