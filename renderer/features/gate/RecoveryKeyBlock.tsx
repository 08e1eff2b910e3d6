import { Button, ButtonGroup, FormFieldCheckbox, Paragraph } from '@utrecht/component-library-react';
import { Fragment, useState } from 'react';
import { useT } from '../../i18n/useT';

/**
 * A recovery key shown once: the "only once" warning, the key in groups (the print stylesheet
 * prints only this block), a print button, and continuing only after the "stored safely"
 * confirmation. Used right after a vault is made and after the key is replaced in Settings.
 */
export function RecoveryKeyBlock(props: { recoveryKey: string; confirmLabel: string; continueLabel: string; onContinue(): void }) {
  const { t } = useT();
  const [stored, setStored] = useState(false);
  return (
    <>
      <Paragraph className="kk-emphasis">{t('recoveryKey.once')}</Paragraph>
      <section className="kk-recovery-print" aria-labelledby="kk-recovery-label">
        <p className="kk-print-only kk-print-title">{t('recoveryKey.printTitle')}</p>
        <p id="kk-recovery-label" className="kk-recovery__label">
          {t('recoveryKey.label')}
        </p>
        <p className="kk-recovery__key" data-testid="recovery-key" translate="no">
          {props.recoveryKey.split('-').map((group, i, all) => (
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
      <FormFieldCheckbox label={props.confirmLabel} checked={stored} onChange={(event) => setStored(event.target.checked)} className="kk-confirm" />
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" disabled={!stored} onClick={props.onContinue}>
          {props.continueLabel}
        </Button>
      </ButtonGroup>
    </>
  );
}
