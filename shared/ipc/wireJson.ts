/**
 * JSON as the test-only development bridge carries calls over HTTP. Plain JSON has no bytes,
 * so a Uint8Array (the import's file) travels as `{"$bytes": "<base64>"}` and comes back as a
 * Uint8Array. Only an object with exactly that one key and a well-formed base64 text is turned
 * back; anything else stays as it is, and the contract then judges it like any other input.
 */
const BYTES_KEY = '$bytes';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

// Base64 by hand: shared/ runs in the browser and in Node, and its type library has neither btoa nor Buffer.
function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (VALUE.get(text[i]!)! << 18) | (VALUE.get(text[i + 1]!)! << 12) | ((VALUE.get(text[i + 2]!) ?? 0) << 6) | (VALUE.get(text[i + 3]!) ?? 0);
    for (const byte of [(n >> 16) & 255, (n >> 8) & 255, n & 255]) if (at < bytes.length) bytes[at++] = byte;
  }
  return bytes;
}

function isBytesObject(value: unknown): value is { [BYTES_KEY]: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const text = (value as Record<string, unknown>)[BYTES_KEY];
  return keys.length === 1 && keys[0] === BYTES_KEY && typeof text === 'string' && text.length % 4 === 0 && BASE64.test(text);
}

/** JSON text of `value`, with every Uint8Array as `{"$bytes": base64}`. */
export function toWireJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { [BYTES_KEY]: toBase64(v) } : v));
}

/** Parses wire JSON; throws SyntaxError like JSON.parse on text that is not JSON. */
export function fromWireJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (isBytesObject(v) ? fromBase64(v[BYTES_KEY]) : v));
}
