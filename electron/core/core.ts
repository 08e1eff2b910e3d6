import type { Handlers } from '../../shared/ipc/contract';
import type { EventName } from '../../shared/ipc/events';
import { createDispatch, type Dispatch } from './host/dispatch';
import type { Session } from './session';
import { idleCheckpointer } from './vault/idleCheckpoint';
import { createSession, vaultControl } from './vault/session.impl';
import { vaultHandlers } from './vault/vault.handlers';
import { caseworkHandlers } from './casework/casework.handlers';
import { profileHandlers } from './profile/profile.handlers';
import { verstrekkingenHandlers } from './verstrekkingen/verstrekkingen.handlers';
import { tafelModusHandlers } from './tafel/tafelModus.handlers';
import { tafelSamenvoegenHandlers } from './tafel/tafelSamenvoegen.handlers';
import { tafelHandlers } from './tafel/tafel.handlers';

/** What a host (utilityProcess, kk, test bridge) passes to build the core. */
export interface CoreOptions {
  vaultDir: string;
  emit?: (name: EventName, payload: unknown) => void;
}

/** The composed core: one dispatch entry point over one session. */
export interface Core {
  dispatch: Dispatch;
  session: Session;
  /** Locks the vault (zeroing its key) before the host exits. */
  close(): void;
}

/** Joins every area's handlers into one map; a missing area makes this fail to compile. */
export function createCore(options: CoreOptions): Core {
  const session = createSession({ vaultDir: options.vaultDir, emit: options.emit });
  const handlers: Handlers<Session> = {
    ...vaultHandlers,
    ...caseworkHandlers,
    ...profileHandlers,
    ...verstrekkingenHandlers,
    ...tafelModusHandlers,
    ...tafelSamenvoegenHandlers,
    ...tafelHandlers,
  };
  const dispatch = createDispatch(handlers, session);
  const checkpointer = idleCheckpointer(session);
  return {
    dispatch: async (method, input) => {
      const result = await dispatch(method, input);
      checkpointer.touch();
      return result;
    },
    session,
    close: () => {
      checkpointer.stop();
      if (!session.isLocked()) vaultControl(session).lock('shutdown');
    },
  };
}
