import { createHash } from 'node:crypto';
import { uuidFromBytes } from '../db/ids';

/**
 * The UUID under which the change log knows a partner. A partner's own id is a readable slug
 * (`politie-avim-rotterdam`), but change events store record ids as 16-byte UUIDs; this one is
 * derived from the slug (UUID version 8 over SHA-256 of `ketenkluis:partner:<slug>`), so it needs
 * no column and anyone can recompute it from the slug.
 */
export function partnerRecordId(slug: string): string {
  const b = createHash('sha256').update(`ketenkluis:partner:${slug}`).digest().subarray(0, 16);
  b[6] = 0x80 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  return uuidFromBytes(b);
}
