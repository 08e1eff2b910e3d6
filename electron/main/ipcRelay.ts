import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { KkError } from '../../shared/errors';
import { EVENT_CHANNEL, invokeChannel, type EventMessage } from '../../shared/ipc/channels';
import { methodNames } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/define';
import { events, isEventName, type EventName } from '../../shared/ipc/events';
import { isAppUrl } from '../gateway/appOrigin';
import { log } from '../gateway/mainLog';
import type { WindowCall } from '../gateway/windowCalls';

/** The window whose main frame may call the core; null while there is none. */
export type TrustedWindow = { readonly webContents: Pick<WebContents, 'mainFrame' | 'send' | 'isDestroyed'> } | null;

/** The parts of an invoke event the relay looks at. */
export type RelayEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { readonly sender: unknown };

/**
 * True only when the call comes from the main frame of our own window and that frame shows
 * our own UI. A subframe, another window, a frame that has navigated away (it cannot, but
 * still) or a frame that is already gone is refused.
 */
export function isTrustedSender(event: RelayEvent, window: TrustedWindow): boolean {
  if (window === null || window.webContents.isDestroyed()) return false;
  if (event.sender !== window.webContents) return false;
  const frame: WebFrameMain | null = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  const main = window.webContents.mainFrame;
  const sameFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  return sameFrame && frame.parent === null && isAppUrl(frame.url);
}

function failure(error: KkError): Result<never> {
  return { ok: false, error: error.toInfo() };
}

/** What the relay needs: the trusted window and main's way in for its calls (windowCalls.ts). */
export interface RelayDependencies {
  getWindow(): TrustedWindow;
  call: WindowCall;
}

/**
 * Handles one invoke for `method` (bound per channel at registration; `unknown` here so the
 * fuzz tests can throw anything at it). Order matters: sender first, then one argument, then
 * the contract (in `call`). Never throws; every outcome is a result envelope.
 */
export async function relayCall(method: unknown, event: RelayEvent, args: unknown[], deps: RelayDependencies): Promise<Result<unknown>> {
  try {
    if (!isTrustedSender(event, deps.getWindow())) {
      log.warn('relay.forbidden_sender', {});
      return failure(new KkError('FORBIDDEN_SENDER', 'Sender is not the app window'));
    }
    if (args.length > 1) return failure(new KkError('INVALID_INPUT', 'Too many arguments'));
    return await deps.call(method, args[0]);
  } catch (error) {
    if (error instanceof KkError) return failure(error);
    log.error('relay.unexpected', { kind: error instanceof Error ? error.name : typeof error });
    return failure(new KkError('INTERNAL', 'Internal error'));
  }
}

/**
 * Registers one `ipcMain.handle` per window method and nothing else: a channel that is not
 * in the window's contract (a host-only method included) has no handler, so Electron itself
 * rejects an invoke on it.
 * Returns a function that removes the handlers again.
 */
export function registerIpcRelay(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: RelayDependencies): () => void {
  const channels = methodNames.map((method) => {
    const channel = invokeChannel(method);
    ipcMain.handle(channel, (event, ...args: unknown[]) => relayCall(method, event, args, deps));
    return channel;
  });
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

/**
 * Builds the function that passes core events to the window. Only known event names with a
 * payload that parses are sent; anything else is dropped (and logged by kind, not content).
 */
export function createEventForwarder(getWindow: () => TrustedWindow): (name: unknown, payload: unknown) => boolean {
  return (name, payload) => {
    if (!isEventName(name)) {
      log.warn('relay.event_unknown', {});
      return false;
    }
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      log.warn('relay.event_invalid', { name });
      return false;
    }
    const window = getWindow();
    if (window === null || window.webContents.isDestroyed()) return false;
    const message: EventMessage<EventName> = { name, payload: parsed.data };
    window.webContents.send(EVENT_CHANNEL, message);
    return true;
  };
}
