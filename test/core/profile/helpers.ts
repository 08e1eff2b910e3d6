// A real core over a real encrypted vault in a temp folder, with a typed caller, for the
// profile and partner-register tests.
import { join } from 'node:path';
import type { z } from 'zod';
import { createCore, type Core } from '../../../electron/core/core';
import type { ErrorInfo } from '../../../shared/errors';
import type { CoreContract, CoreMethodName, CoreOutput } from '../../../shared/ipc/contract';
import type { ProfileFields } from '../../../shared/profile/profile.schema';
import { tempDir, testPassphrase } from '../vault/helpers';

type CallInput<M extends CoreMethodName> = z.input<CoreContract[M]['input']>;

/** An open vault behind a real core. */
export interface ProfileVault {
  core: Core;
  dir: string;
  passphrase: string;
  call<M extends CoreMethodName>(method: M, input: CallInput<M>): Promise<CoreOutput<M>>;
  fail<M extends CoreMethodName>(method: M, input: unknown): Promise<ErrorInfo>;
  close(): void;
}

/** Creates a vault (every migration, the seeded partner register) and leaves it open. */
export async function openProfileVault(): Promise<ProfileVault> {
  const { dir: root, cleanup } = tempDir('kk-profile-');
  const dir = join(root, 'vault');
  const core = createCore({ vaultDir: dir });
  const passphrase = testPassphrase();
  const call = async <M extends CoreMethodName>(method: M, input: CallInput<M>): Promise<CoreOutput<M>> => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.value as CoreOutput<M>;
  };
  await call('vault.create', { passphrase });
  return {
    core,
    dir,
    passphrase,
    call,
    async fail(method, input) {
      const r = await core.dispatch(method, input);
      if (r.ok) throw new Error(`${method} should have failed`);
      return r.error;
    },
    close() {
      core.close();
      cleanup();
    },
  };
}

/** A synthetic profile (an invented name, never a real person). */
export function profileFields(extra: Partial<ProfileFields> = {}): ProfileFields {
  return { naam: 'Testa Kluisgebruiker', functie: 'zorgcoordinator', organisatie: 'essm', regio: 'rotterdam', ...extra };
}

/** The stored actor texts of the change log, in order. */
export function actorTexts(core: Core): string[] {
  return (core.session.db().prepare('SELECT actor FROM change_events ORDER BY seq').all() as Array<{ actor: string }>).map((r) => r.actor);
}
