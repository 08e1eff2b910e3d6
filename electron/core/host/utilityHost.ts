import { KkError } from '../../../shared/errors';
import type { EventName } from '../../../shared/ipc/events';
import { MainToCoreMessage, type CoreToMainMessage } from '../../../shared/ipc/hostProtocol';
import { withProgressSink } from '../callProgress';
import { createCore } from '../core';
import { log } from '../log';
import type { Dispatch } from './dispatch';

/*
 * Entry of the core when it runs in an Electron utility process (bundled to
 * dist/electron/core.cjs). Main talks to it over `process.parentPort` with the messages of
 * shared/ipc/hostProtocol.ts; main's end is electron/gateway/coreProcess.ts. Every message from
 * main is parsed here again: this process holds the key, so it trusts nothing it did not check.
 */

/** Electron's parentPort, reduced to what the host uses (a fake in tests). */
export interface HostPort {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: CoreToMainMessage): void;
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
    const request = MainToCoreMessage.safeParse(data);
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
      case 'invoke': {
        const { id } = message;
        const fail = (technical: string) => port.postMessage({ kind: 'reply', id, result: { ok: false, error: new KkError('INTERNAL', technical).toInfo() } });
        if (core === null) {
          fail('Core not initialised');
          return;
        }
        // dispatch never rejects by contract; should it, the call still gets an answer. Progress
        // the call reports goes to main with its id: main's heartbeat for long work.
        const progress = (name: EventName, payload: unknown) => port.postMessage({ kind: 'progress', id, name, payload });
        const current = core;
        withProgressSink(progress, () => current.dispatch(message.method, message.input)).then(
          (result) => port.postMessage({ kind: 'reply', id, result }),
          () => fail('Core call failed'),
        );
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
if (parentPort) {
  // Files the core creates (database, WAL, backups) are the owner's only, from the first byte.
  process.umask(0o077);
  runUtilityHost(parentPort);
}
