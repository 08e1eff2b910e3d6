import { describe, expect, it } from 'vitest';
import { Id } from '../../../shared/casework/common.schema';
import { formatV7, newRecordId } from '../../../electron/core/db/ids';
import { Prng } from '../../../electron/core/casework/seedData';

describe('record ids', () => {
  it('are UUID v7 that the contract accepts', () => {
    const id = newRecordId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Id.safeParse(id).success).toBe(true);
  });
  it('sort in creation order, also many within one millisecond, and never repeat', () => {
    const ids = Array.from({ length: 10_000 }, () => newRecordId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(newRecordId(1_700_000_000_001) > ids.at(-1)!).toBe(true);
  });
  it('carry the millisecond time in the first 48 bits', () => {
    expect(formatV7(0x0123456789ab, 0, new Uint8Array(8)).slice(0, 13)).toBe('01234567-89ab');
  });
  it('are deterministic and ordered in seeded vaults', () => {
    const a = new Prng(9);
    const b = new Prng(9);
    const ids = Array.from({ length: 5000 }, () => a.uuid());
    expect(Array.from({ length: 5000 }, () => b.uuid())).toEqual(ids);
    expect([...ids].sort()).toEqual(ids);
  });
});
