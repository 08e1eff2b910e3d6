import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { GateLayout } from '../gate/GateLayout';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { Fingerprint } from './Fingerprint';
import { ProfileForm } from './ProfileForm';
import { selectProfiel, selectProfielVraag, selectProfielWrite, selectProfileActions } from './profileSelectors';
import './profile.css';

/**
 * Asked once when a vault without a profile opens: right after the recovery key on first run,
 * or after unlocking a vault made before profiles existed. "Later" is remembered in the vault;
 * Settings then reminds calmly. After saving, the fingerprint of the new organisation key.
 */
export function ProfileQuestionScreen() {
  const vraag = useAppStore(selectProfielVraag);
  return vraag === 'vingerafdruk' ? <ProfileDone /> : <ProfileQuestion />;
}

function ProfileQuestion() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const write = useAppStore(selectProfielWrite);
  const { postponeProfile } = useAppStoreShallow(selectProfileActions);
  return (
    <GateLayout title={t('profile.question.title')} titleRef={titleRef} intro={t('profile.question.intro')} wide>
      <ErrorAlert error={write.error} />
      <ProfileForm profiel={null}>
        {(busy) => (
          <>
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                {t('profile.question.save')}
              </Button>
              <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => void postponeProfile()}>
                {t('profile.question.later')}
              </Button>
            </ButtonGroup>
            <p className="kk-profile-note">{t('profile.question.laterHint')}</p>
          </>
        )}
      </ProfileForm>
    </GateLayout>
  );
}

function ProfileDone() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const profiel = useAppStore(selectProfiel);
  const { finishProfileQuestion } = useAppStoreShallow(selectProfileActions);
  return (
    <GateLayout title={t('profile.done.title')} titleRef={titleRef} intro={t('profile.done.intro')} wide>
      {profiel ? <Fingerprint value={profiel.vingerafdruk} /> : null}
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={finishProfileQuestion}>
          {t('profile.done.continue')}
        </Button>
      </ButtonGroup>
    </GateLayout>
  );
}
