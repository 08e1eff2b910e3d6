import { z } from 'zod';
import { IsoDate, Timestamp } from '../casework/common.schema';

/**
 * A version of the stappenplan rule set as the vault keeps it. Every version a decision can
 * use is stored in the vault itself, whole, with its SHA-256, and never changed: an old decision
 * is always read against the version it was made with. The newest is the one new drafts use.
 */
export const RuleSetVersie = z.object({
  versie: z.string(),
  geldigVanaf: IsoDate.optional(),
  /** SHA-256 (hex) of the stored rule set, so a privacy officer can compare it with the file reviewed. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** `ingebouwd`: shipped with Ketenkluis; `geimporteerd`: imported in this vault. */
  herkomst: z.enum(['ingebouwd', 'geimporteerd']),
  opgenomenOp: Timestamp,
  /** The version new drafts use (the newest). */
  actueel: z.boolean(),
  /** How many decisions were made with it. */
  besluiten: z.number().int().nonnegative(),
});
/** A stored version of the rule set. */
export type RuleSetVersie = z.infer<typeof RuleSetVersie>;
