import { z } from 'zod';

/**
 * Events from core (or main) to the renderer, named in the past tense. A listener accepts
 * only these names and returns an unsubscribe function.
 */
export const events = {
  /** The vault was locked (by the person, by auto-lock, on suspend or on screen lock). */
  'vault.locked': z.object({ reason: z.enum(['user', 'idle', 'suspend', 'screen-lock', 'shutdown']) }),
  /** Settings changed. */
  'settings.changed': z.object({}),
} as const;

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
