// Small honest fakes of the Electron objects main touches. They behave like the real ones in
// the parts we use (events with preventDefault, frames with process/routing ids and URLs)
// and record what happened, so tests assert what an attacker or a user would notice.
import { EventEmitter } from 'node:events';

/** An Electron-style event whose default can be prevented. */
export function preventableEvent(extra: Record<string, unknown> = {}) {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...extra,
  };
}

/** A WebFrameMain stand-in. */
export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
}

export function fakeFrame(url: string, ids: { processId?: number; routingId?: number; parent?: FakeFrame | null } = {}): FakeFrame {
  return { url, processId: ids.processId ?? 7, routingId: ids.routingId ?? 1, parent: ids.parent ?? null };
}

/** A WebContents stand-in: events, a window-open handler, sends recorded. */
export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame;
  destroyed = false;
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(url = 'app://ketenkluis/index.html') {
    super();
    this.mainFrame = fakeFrame(url);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
}

/** A BrowserWindow stand-in holding one FakeWebContents. */
export function fakeWindow(url?: string) {
  return { webContents: new FakeWebContents(url) };
}

/** An ipcMain stand-in that keeps handlers by channel and can invoke them like Electron does. */
export class FakeIpcMain {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** What Electron does for ipcRenderer.invoke: no handler means a rejected invoke. */
  async invoke(channel: string, event: unknown, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}
