import { z } from 'zod';
import { KkError } from '../../../shared/errors';
import type { EventName } from '../../../shared/ipc/events';
import { createCore } from '../core';
import { log } from '../log';
import type { Dispatch } from './dispatch';

/*
 * Entry of the core when it runs in an Electron utility process (bundled to
 * dist/electron/core.cjs). Main talks to it over `process.parentPort`; the main side of the
 * protocol is electron/main/coreProcess.ts. Every message from main is parsed here again:
 * this process holds the key, so it trusts nothing it did not check.
 */

/** A message from main, as the core host accepts it. */
export const HostRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('init'), vaultDir: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('call'), id: z.number().int().nonnegative(), method: z.string().max(100), input: z.unknown() }),
  z.object({ kind: z.literal('shutdown') }),
]);
/** A message from main. */
export type HostRequest = z.infer<typeof HostRequest>;

/** Electron's parentPort, reduced to what the host uses (a fake in tests). */
export interface HostPort {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/** What the host needs from the core composition. */
export type CreateCore = (options: { vaultDir: string; emit: (name: EventName, payload: unknown) => void }) => {
  dispatch: Dispatch;
  close(): void;
};

/**
 * Serves the core on a port: one 'init' with the vault folder, then calls answered in any
 * order by id, and 'shutdown' to lock and stop. Returns when set up; `exit` ends the process.
 */
export function runUtilityHost(port: HostPort, create: CreateCore = createCore, exit: (code: number) => void = (code) => process.exit(code)): void {
  let core: ReturnType<CreateCore> | null = null;
  port.on('message', ({ data }) => {
    const request = HostRequest.safeParse(data);
    if (!request.success) {
      log.warn('host.message_invalid', {});
      return;
    }
    const message = request.data;
    switch (message.kind) {
      case 'init':
        if (core !== null) return; // only the first init counts: the vault folder never changes
        core = create({ vaultDir: message.vaultDir, emit: (name, payload) => port.postMessage({ kind: 'event', name, payload }) });
        log.info('host.ready', {});
        return;
      case 'call': {
        const { id } = message;
        if (core === null) {
          port.postMessage({ kind: 'result', id, result: { ok: false, error: new KkError('INTERNAL', 'Core not initialised').toInfo() } });
          return;
        }
        void core.dispatch(message.method, message.input).then((result) => port.postMessage({ kind: 'result', id, result }));
        return;
      }
      case 'shutdown':
        try {
          core?.close();
        } finally {
          exit(0);
        }
    }
  });
}

const parentPort = (process as unknown as { parentPort?: HostPort }).parentPort;
if (parentPort) runUtilityHost(parentPort);
