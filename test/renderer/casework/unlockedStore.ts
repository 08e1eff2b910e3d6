import { createClient } from '../../../renderer/platform/api';
import { createAppStore, type AppStore } from '../../../renderer/store/appStore';
import { inProcessApi, PASSPHRASE, type InProcessApi } from '../inProcessApi';

/** A store on a real core with a fresh, unlocked vault in a temp folder (dispose `env` after). */
export async function unlockedStore(): Promise<{ env: InProcessApi; store: AppStore }> {
  const env = inProcessApi();
  const store = createAppStore(createClient(env.api));
  await store.getState().start();
  await store.getState().createVault(PASSPHRASE);
  store.getState().confirmRecoveryKeyStored();
  return { env, store };
}
