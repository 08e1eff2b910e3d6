import { Button, ButtonGroup, FormFieldCheckbox, Paragraph } from '@utrecht/component-library-react';
import { Fragment, useState } from 'react';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { selectRecoveryKey, selectVaultActions } from '../../store/selectors';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { GateLayout } from './GateLayout';

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
  const [stored, setStored] = useState(false);

  return (
    <GateLayout title={t('recoveryKey.title')} titleRef={titleRef} intro={t('recoveryKey.intro')} wide>
      <Paragraph className="kk-emphasis">{t('recoveryKey.once')}</Paragraph>
      <section className="kk-recovery-print" aria-labelledby="kk-recovery-label">
        <p className="kk-print-only kk-print-title">{t('recoveryKey.printTitle')}</p>
        <p id="kk-recovery-label" className="kk-recovery__label">
          {t('recoveryKey.label')}
        </p>
        <p className="kk-recovery__key" data-testid="recovery-key" translate="no">
          {(recoveryKey ?? '').split('-').map((group, i, all) => (
            <Fragment key={i}>
              <span className="kk-key-group">{i < all.length - 1 ? `${group}-` : group}</span>
              {i < all.length - 1 ? <wbr /> : null}
            </Fragment>
          ))}
        </p>
        <p className="kk-print-only">{t('recoveryKey.printNote')}</p>
      </section>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" onClick={() => window.print()}>
          {t('recoveryKey.print')}
        </Button>
      </ButtonGroup>
      <FormFieldCheckbox
        label={t('recoveryKey.confirm')}
        checked={stored}
        onChange={(event) => setStored(event.target.checked)}
        className="kk-confirm"
      />
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" disabled={!stored} onClick={confirmRecoveryKeyStored}>
          {t('recoveryKey.continue')}
        </Button>
      </ButtonGroup>
    </GateLayout>
  );
}
