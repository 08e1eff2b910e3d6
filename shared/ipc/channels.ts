import type { MethodName } from './contract';
import type { EventName } from './events';

/** The only place IPC channel names are written. */
export function invokeChannel(method: MethodName): string {
  return `kk:invoke:${method}`;
}

/** The one channel on which core events reach the renderer. */
export const EVENT_CHANNEL = 'kk:event';

/** Envelope of an event on the event channel. */
export interface EventMessage<E extends EventName = EventName> {
  name: E;
  payload: unknown;
}
