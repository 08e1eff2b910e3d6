import { EVENT_CHANNEL, invokeChannel, type EventMessage } from '../../shared/ipc/channels';
import { methodNames, type KetenkluisApi } from '../../shared/ipc/contract';
import { isEventName, type EventApi } from '../../shared/ipc/events';

/** The part of ipcRenderer the preload uses; never handed to the page itself. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** What the page sees as `window.ketenkluis`. */
export type PreloadApi = KetenkluisApi & EventApi;

/**
 * Builds the page's API: exactly one function per contract method (each invoking its own
 * channel with one argument) and `on` for contract events. No generic send, no channel names,
 * no ipcRenderer and no IpcRendererEvent ever reach the page.
 */
export function createPreloadApi(ipc: PreloadIpc): PreloadApi {
  const api: Record<string, unknown> = {};
  for (const method of methodNames) {
    const channel = invokeChannel(method);
    api[method] = (input: unknown) => ipc.invoke(channel, input);
  }
  const on: EventApi['on'] = (name, listener) => {
    if (!isEventName(name)) throw new Error('Unknown event name');
    if (typeof listener !== 'function') throw new Error('Listener must be a function');
    const relay = (_event: unknown, message: unknown) => {
      const envelope = message as Partial<EventMessage> | null;
      if (envelope !== null && typeof envelope === 'object' && envelope.name === name) {
        (listener as (payload: unknown) => void)(envelope.payload);
      }
    };
    ipc.on(EVENT_CHANNEL, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(EVENT_CHANNEL, relay);
    };
  };
  api.on = on;
  return Object.freeze(api) as unknown as PreloadApi;
}
