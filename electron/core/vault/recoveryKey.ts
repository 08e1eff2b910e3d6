import { createHash, randomBytes } from 'node:crypto';
import { KkError } from '../../../shared/errors';

/** Crockford base32: no I, L, O or U, so nothing is misread on paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 160 random bits: 32 characters, 8 groups of 4. */
const KEY_BYTES = 20;
const GROUP = 4;
const CHECK_CHARS = 4;

function encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes straight into one Buffer of its own (not a plain array, not Node's shared pool), so
 * the caller can zero every copy of the key bytes.
 */
function decode(text: string): Buffer {
  const out = Buffer.alloc(Math.floor((text.length * 5) / 8));
  let length = 0;
  let bits = 0;
  let value = 0;
  try {
    for (const ch of text) {
      const index = ALPHABET.indexOf(ch);
      if (index < 0) throw new KkError('WRONG_RECOVERY_KEY', 'Recovery key has a character outside its alphabet');
      value = (value << 5) | index;
      bits += 5;
      if (bits >= 8) {
        out[length++] = (value >>> (bits - 8)) & 255;
        bits -= 8;
      }
      value &= (1 << bits) - 1;
    }
  } catch (error) {
    out.fill(0);
    throw error;
  }
  return out;
}

function checkGroup(bytes: Uint8Array): string {
  return encode(createHash('sha256').update(bytes).digest()).slice(0, CHECK_CHARS);
}

/** A new random recovery key: the raw bytes (kept in a Buffer, to be zeroed) and the printable form. */
export function generateRecoveryKey(): { bytes: Buffer; printable: string } {
  const bytes = randomBytes(KEY_BYTES);
  const body = encode(bytes) + checkGroup(bytes);
  const printable = body.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? body;
  return { bytes, printable };
}

/**
 * Reads a recovery key as a person types it: any case, spaces or dashes, O for 0 and I/L for 1.
 * A typo is caught by the check group and reported as WRONG_RECOVERY_KEY before any crypto.
 */
export function parseRecoveryKey(text: string): Buffer {
  const clean = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const bodyChars = Math.ceil((KEY_BYTES * 8) / 5);
  if (clean.length !== bodyChars + CHECK_CHARS) throw new KkError('WRONG_RECOVERY_KEY', 'Recovery key has the wrong length');
  // bodyChars * 5 bits is exactly KEY_BYTES * 8, so the decoded Buffer is the key, with no spare copy.
  const bytes = decode(clean.slice(0, bodyChars));
  if (checkGroup(bytes) !== clean.slice(bodyChars)) {
    bytes.fill(0);
    throw new KkError('WRONG_RECOVERY_KEY', 'Recovery key check group does not match');
  }
  return bytes;
}
