import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { SubmitRow } from '../../components/screenBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { Fingerprint } from './Fingerprint';
import { ProfileForm } from './ProfileForm';
import { selectProfiel, selectProfielWrite, selectProfileActions } from './profileSelectors';
import './profile.css';

/** The link back to Settings, where the profile and the register are reached from. */
export function BackToSettings() {
  const { t } = useT();
  const { navigate } = useAppStoreShallow(selectProfileActions);
  return (
    <ButtonGroup>
      <Button type="button" appearance="subtle-button" onClick={() => navigate('settings')}>
        {t('profile.back')}
      </Button>
    </ButtonGroup>
  );
}

/** The profile in Settings: fill it in (after "Later") or change it, and the key's fingerprint. */
export function ProfileScreen() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const profiel = useAppStore(selectProfiel);
  const write = useAppStore(selectProfielWrite);
  const { resetProfileWrites } = useAppStoreShallow(selectProfileActions);
  const [saved, setSaved] = useState(false);
  useEffect(() => () => resetProfileWrites(), [resetProfileWrites]);

  return (
    <section className="kk-page" aria-labelledby="kk-page-title">
      <Heading level={1} id="kk-page-title" ref={titleRef} tabIndex={-1} className="kk-screen-title">
        {t('profile.screen.title')}
      </Heading>
      <BackToSettings />
      <Paragraph>{t('profile.screen.intro')}</Paragraph>
      {saved ? <SuccessAlert>{t('profile.screen.saved')}</SuccessAlert> : null}
      <ErrorAlert error={write.error} />
      {profiel ? <Fingerprint value={profiel.vingerafdruk} /> : <Paragraph className="kk-profile-reminder">{t('profile.screen.none')}</Paragraph>}
      <section className="kk-panel" aria-labelledby="kk-profile-edit">
        <Heading level={2} id="kk-profile-edit">
          {profiel ? t('profile.screen.edit') : t('profile.settings.fillIn')}
        </Heading>
        {/* A new form when the profile is made or changed, so it shows what was saved. */}
        <ProfileForm key={profiel ? `${profiel.id}@${profiel.version}` : 'nieuw'} profiel={profiel} onSaved={() => setSaved(true)}>
          {(busy) => <SubmitRow label={profiel ? t('profile.screen.save') : t('profile.question.save')} busy={busy} disabled={busy} primary />}
        </ProfileForm>
      </section>
    </section>
  );
}
