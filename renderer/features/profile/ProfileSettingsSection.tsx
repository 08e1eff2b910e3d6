import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectPartners, selectProfiel, selectProfileActions } from './profileSelectors';
import './profile.css';

/**
 * The one section Settings shows of the profile and the partner register: who works with this
 * vault (or a calm reminder when there is no profile yet), and the ways to both screens.
 */
export function ProfileSettingsSection() {
  const { t } = useT();
  const profiel = useAppStore(selectProfiel);
  const partners = useAppStore(selectPartners);
  const { navigate, loadPartners } = useAppStoreShallow(selectProfileActions);
  useEffect(() => {
    void loadPartners();
  }, [loadPartners]);
  const organisatie = profiel ? (partners.find((p) => p.id === profiel.organisatie)?.naam ?? profiel.organisatie) : '';

  return (
    <section className="kk-panel" aria-labelledby="kk-settings-profile">
      <Heading level={2} id="kk-settings-profile">
        {t('profile.settings.title')}
      </Heading>
      {profiel ? (
        <Paragraph>{t('profile.settings.current', { naam: profiel.naam, functie: t(`profile.functie.${profiel.functie}`), organisatie })}</Paragraph>
      ) : (
        <Paragraph className="kk-profile-reminder">{t('profile.settings.reminder')}</Paragraph>
      )}
      <Paragraph>{t('profile.settings.partnersHint')}</Paragraph>
      <ButtonGroup>
        <Button type="button" appearance={profiel ? 'secondary-action-button' : 'primary-action-button'} onClick={() => navigate('profiel')}>
          {profiel ? t('profile.settings.open') : t('profile.settings.fillIn')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => navigate('partners')}>
          {t('profile.settings.partners')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
