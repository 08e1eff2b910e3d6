import { randomBytes } from 'node:crypto';

// Random bytes come from a pooled buffer: one system call per 4 KiB instead of one per id.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/** `n` cryptographically random bytes (n ≤ 4096), from a pool refilled by crypto.randomBytes. */
export function pooledRandomBytes(n: number): Uint8Array {
  if (poolOffset + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const out = pool.subarray(poolOffset, poolOffset + n);
  poolOffset += n;
  return out;
}

let lastMs = 0;
let sequence = 0;

/**
 * A new record id: a UUID version 7 (RFC 9562) — 48 bits of milliseconds, then random bits.
 * Time-ordered ids land at the end of every index instead of at random places, so a write
 * touches a few index pages instead of one per row: with a million journal entries that is
 * the difference between appending and rewriting the index on every import batch.
 * The id reveals only the creation time, which the record stores anyway.
 */
export function newRecordId(now: number = Date.now(), random: (n: number) => Uint8Array = pooledRandomBytes): string {
  // Several ids in one millisecond: keep them in order with a 12-bit sequence in rand_a.
  if (now <= lastMs) {
    sequence++;
    if (sequence > 0xfff) {
      lastMs++;
      sequence = 0;
    }
  } else {
    lastMs = now;
    sequence = 0;
  }
  return formatV7(lastMs, sequence, random(8));
}

/** Formats a v7 UUID from a millisecond time, a 12-bit sequence and 8 random bytes. */
export function formatV7(ms: number, seq: number, rand: Uint8Array): string {
  const b = Buffer.allocUnsafe(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b.set(rand.subarray(0, 8), 8);
  b[8] = (b[8]! & 0x3f) | 0x80;
  return uuidFromBytes(b);
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The 16 bytes of a UUID given as text (how change events store record ids), written into
 * `into` at `offset` when given (bulk writes reuse one buffer instead of allocating per row).
 */
export function uuidToBytes(id: string, into: Buffer = Buffer.alloc(16), offset = 0): Buffer {
  if (!UUID_TEXT.test(id)) throw new Error('Not a UUID');
  into.write(id.replaceAll('-', ''), offset, 16, 'hex');
  return into.subarray(offset, offset + 16);
}

/** The lower-case text form of a UUID given as its 16 bytes. */
export function uuidFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error('Not a UUID');
  const h = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
