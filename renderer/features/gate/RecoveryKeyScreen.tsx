import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { selectRecoveryKey, selectVaultActions } from '../../store/selectors';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { GateLayout } from './GateLayout';
import { RecoveryKeyBlock } from './RecoveryKeyBlock';

/**
 * The recovery key, shown once right after creation. Continuing needs the "stored safely"
 * confirmation; after that the key is wiped from the store and never shown again.
 * Printing uses the print stylesheet, which shows only the key block.
 */
export function RecoveryKeyScreen() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const recoveryKey = useAppStore(selectRecoveryKey);
  const { confirmRecoveryKeyStored } = useAppStoreShallow(selectVaultActions);

  return (
    <GateLayout title={t('recoveryKey.title')} titleRef={titleRef} intro={t('recoveryKey.intro')} wide>
      <RecoveryKeyBlock recoveryKey={recoveryKey ?? ''} confirmLabel={t('recoveryKey.confirm')} continueLabel={t('recoveryKey.continue')} onContinue={confirmRecoveryKeyStored} />
    </GateLayout>
  );
}
