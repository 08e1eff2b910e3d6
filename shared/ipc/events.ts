import { z } from 'zod';
import { ImportResult } from '../casework/import.schema';
import { resultSchema } from './define';

/**
 * Events from core (or main) to the renderer, named in the past tense. A listener accepts
 * only these names and returns an unsubscribe function.
 */
export const events = {
  /** The vault was locked (by the person, by auto-lock, on suspend or on screen lock). */
  'vault.locked': z.object({ reason: z.enum(['user', 'idle', 'suspend', 'screen-lock', 'shutdown']) }),
  /** Settings changed. */
  'settings.changed': z.object({}),
  /**
   * An import is running. Sent at most a few times a second. `done` and `total` count what the
   * stage counts: bytes while the file is read for its fingerprint ('lezen', with the file size
   * as total), records while they are checked (dry run) or written; then the commit.
   */
  'import.progress': z.object({
    stage: z.enum(['lezen', 'controleren', 'inlezen', 'afronden']),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().optional(),
  }),
  /** A backup is written in steps (issue 13): the step, and bytes done of its total (0 while the copy is made). */
  'backup.progress': z.object({ stap: z.enum(['kopie', 'schrijven', 'controleren']), klaar: z.number().int().nonnegative(), totaal: z.number().int().nonnegative() }),
  /**
   * The real outcome of an import whose answer came only after main had stopped waiting for
   * it (the window was told OUTCOME_UNKNOWN then), or that ended when the core stopped.
   */
  'import.finished': resultSchema(ImportResult),
} as const;

/**
 * Long work whose outcome the window must learn even when main stopped waiting (see
 * electron/gateway/coreProcess.ts): the host method, and the event that carries its late result.
 */
export const lateOutcomeEvents = {
  'import.file': 'import.finished',
} as const satisfies Record<string, keyof typeof events>;

/** The name of an event. */
export type EventName = keyof typeof events;
/** The payload of event E. */
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

/** True when `name` is a known event. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** The event API exposed to the renderer beside the methods. */
export interface EventApi {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}
