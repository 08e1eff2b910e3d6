import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectTrajectDetail, selectTrajectDetailError, selectTrajectWrite } from './caseSelectors';
import { Badge, formatDate } from '../../components/dataBits';
import { ErrorSummary, serverErrors } from '../../components/formBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { LoadingScreen, Pseudonym } from './caseBits';
import { ConsentPanel } from './traject/ConsentPanel';
import { FactsPanel } from './traject/FactsPanel';
import { JournaalPanel } from './traject/JournaalPanel';
import { OpvangPanel } from './traject/OpvangPanel';
import { PhasePanel } from './traject/PhasePanel';
import { PolitiePanel } from './traject/PolitiePanel';
import { ProceduresPanel } from './traject/ProceduresPanel';
import { TakenPanel } from './traject/TakenPanel';
import { VormenPanel } from './traject/VormenPanel';
import { selectStartVerstrekking } from '../verstrekkingen/verstrekkingenSelectors';

/** One traject: phase and its moves, forms, opvang, procedures, police contacts, consents, tasks and journal. */
export function TrajectScreen({ id }: { id: string }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const detail = useAppStore(selectTrajectDetail);
  const error = useAppStore(selectTrajectDetailError);
  const write = useAppStore(selectTrajectWrite);
  const { openTraject, openCase, resetTrajectWrite } = useAppStoreShallow(selectCaseActions);
  const [showName, setShowName] = useState(false);
  const startVerstrekking = useAppStore(selectStartVerstrekking);

  useEffect(() => {
    void openTraject(id);
    return () => resetTrajectWrite();
  }, [id, openTraject, resetTrajectWrite]);

  const current = detail && detail.traject.id === id ? detail : null;
  // The loading heading had focus and is replaced by the traject's own: focus moves to that one,
  // unless the person has already moved on (focus is no longer on the page itself).
  const loaded = current !== null;
  useEffect(() => {
    if (loaded && (document.activeElement === null || document.activeElement === document.body)) headingRef.current?.focus();
  }, [loaded, headingRef]);
  if (!current) {
    return <LoadingScreen title={t('cw.traject.title', { code: '' })} headingRef={headingRef} error={error} />;
  }
  const { traject, client, signalen } = current;
  const name = [client.roepnaam, client.achternaam].filter(Boolean).join(' ');
  const fieldErrors = serverErrors(write.error);

  return (
    <div className="kk-subpage" data-testid="traject-screen">
      <div className="kk-record-head">
        <div>
          <Heading level={2} ref={headingRef} tabIndex={-1} className="kk-record-title">
            {t('cw.traject.title', { code: '' })}
            <Pseudonym code={traject.pseudoniem} />
          </Heading>
          <p className="kk-record-sub">
            {traject.preventief ? <Badge tone="info">{t('cw.traject.preventief')}</Badge> : null}{' '}
            {traject.minderjarigBijStart ? <Badge tone="warn">{t('cw.traject.minor')}</Badge> : traject.minderjarigBijStart === null ? <Badge>{t('cw.traject.minorUnknown')}</Badge> : null}
          </p>
        </div>
        <div className="kk-name-box">
          <span className="kk-muted kk-small">{t('cw.traject.clientLine', { code: client.pseudoniem })}</span>
          {showName ? <span className="kk-name" data-testid="client-name">{name}</span> : null}
          <ButtonGroup>
            <Button type="button" appearance="subtle-button" aria-pressed={showName} onClick={() => setShowName(!showName)}>
              {showName ? t('cw.traject.hideName') : t('cw.traject.showName')}
            </Button>
            <Button type="button" appearance="subtle-button" onClick={() => openCase({ area: 'trajecten', screen: 'client', id: client.id })}>
              {t('cw.traject.editClient')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => startVerstrekking(traject.id)}>
              {t('vk.traject.knop')}
            </Button>
          </ButtonGroup>
        </div>
      </div>

      <div aria-live="polite">
        <ErrorAlert error={write.error} />
        {Object.keys(fieldErrors).length > 0 ? <ErrorSummary errors={fieldErrors} /> : null}
      </div>
      {signalen.crisisopvangTeLang ? (
        <Alert type="error" className="kk-alert">
          <Paragraph>{t('cw.signal.crisisTeLang')}</Paragraph>
        </Alert>
      ) : signalen.crisisopvangGrens ? (
        <Alert type="info" className="kk-alert">
          <Paragraph>{t('cw.signal.crisisGrens', { date: formatDate(signalen.crisisopvangGrens) })}</Paragraph>
        </Alert>
      ) : null}
      {signalen.verlopenTaken > 0 || signalen.verlopenProcedures > 0 ? (
        <Alert type="warning" className="kk-alert">
          {signalen.verlopenTaken > 0 ? <Paragraph>{t('cw.signal.tasks', { n: signalen.verlopenTaken })}</Paragraph> : null}
          {signalen.verlopenProcedures > 0 ? <Paragraph>{t('cw.signal.procedures', { n: signalen.verlopenProcedures })}</Paragraph> : null}
        </Alert>
      ) : null}

      {/* On a wide screen the journal stands beside the rest (renderer/features/casework/casework.css). */}
      <div className="kk-traject-cols">
        <div className="kk-traject-main">
          <div className="kk-grid-2">
            <PhasePanel detail={current} />
            <FactsPanel key={traject.version} detail={current} />
          </div>
          <div className="kk-grid-2">
            <TakenPanel detail={current} />
            <VormenPanel detail={current} />
          </div>
          <OpvangPanel detail={current} />
          <ProceduresPanel detail={current} />
          <PolitiePanel detail={current} />
          <ConsentPanel detail={current} />
        </div>
        <div className="kk-traject-side">
          <JournaalPanel detail={current} />
        </div>
      </div>
    </div>
  );
}
