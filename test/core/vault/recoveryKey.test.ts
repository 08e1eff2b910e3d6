import { describe, expect, it } from 'vitest';
import { generateRecoveryKey, parseRecoveryKey } from '../../../electron/core/vault/recoveryKey';
import { expectKkError } from './helpers';

describe('recovery key', () => {
  it('is 160 random bits in 9 groups of Crockford base32 (8 + a check group), different every time', () => {
    const a = generateRecoveryKey();
    const b = generateRecoveryKey();
    expect(a.printable).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$/);
    expect(a.bytes).toHaveLength(20);
    expect(a.printable).not.toBe(b.printable);
    expect(parseRecoveryKey(a.printable).equals(a.bytes)).toBe(true);
  });

  it('reads what people type: lower case, spaces, O for 0, I or L for 1', () => {
    for (let i = 0; i < 50; i++) {
      const { bytes, printable } = generateRecoveryKey();
      const typed = printable.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
      expect(parseRecoveryKey(typed).equals(bytes)).toBe(true);
    }
  });

  it('catches a single typo with the check group, and wrong lengths or characters', async () => {
    const { printable } = generateRecoveryKey();
    const chars = printable.split('');
    const i = chars.findIndex((c) => c !== '-');
    chars[i] = chars[i] === 'Z' ? 'Y' : 'Z';
    await expectKkError(() => parseRecoveryKey(chars.join('')), 'WRONG_RECOVERY_KEY');
    await expectKkError(() => parseRecoveryKey(printable.slice(0, -5)), 'WRONG_RECOVERY_KEY');
    await expectKkError(() => parseRecoveryKey(printable.replace(/^./, 'U')), 'WRONG_RECOVERY_KEY');
  });

  it('decodes into a Buffer of its own (not a plain array, not the shared pool), so zeroing it wipes the only copy', () => {
    const { bytes, printable } = generateRecoveryKey();
    const parsed = parseRecoveryKey(printable);
    expect(parsed.equals(bytes)).toBe(true);
    expect(parsed.byteOffset).toBe(0);
    expect(parsed.buffer.byteLength).toBe(20);
    parsed.fill(0);
    expect(new Uint8Array(parsed.buffer).every((b) => b === 0)).toBe(true);
  });
});
