import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { DataCategorie } from '../../../shared/stappenplan/dataCategories';
import type { ConceptStap } from '../../../shared/verstrekkingen/besluit.schema';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import type { WizardVraag } from '../../store/verstrekkingen.slice';
import { GegevensKeuze } from './StartScreen';
import { UitkomstStap } from './UitkomstStap';
import { selectVkActions, selectVkError, selectVkRegels, selectVkStap, selectVkWizardPlek, selectVkWrite } from './verstrekkingenSelectors';
import { Categorieen, Definities, KeuzeGroep, LaterVerder, Redenering, StapVoortgang, ToestemmingenLijst, VkMelding } from './vkBits';

/**
 * One question of the stappenplan: the question is the heading (focus lands on it), the plain
 * Dutch help under it, the answers allowed now, and Back / Next. An earlier answer is chosen
 * already when the question is shown again.
 */
function VraagStap({ vraag, gekozen }: { vraag: WizardVraag; gekozen: string | undefined }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const write = useAppStore(selectVkWrite);
  const { answer, back } = useAppStoreShallow(selectVkActions);
  const toegestaan = vraag.antwoorden.some((a) => a.waarde === gekozen);
  const [waarde, setWaarde] = useState(toegestaan && gekozen ? gekozen : '');
  const [fout, setFout] = useState<string | undefined>();

  async function verder(event: FormEvent) {
    event.preventDefault();
    if (!waarde) {
      setFout(t('vk.vraag.kies'));
      return;
    }
    setFout(undefined);
    await answer(vraag.id, waarde);
  }

  return (
    <form onSubmit={(e) => void verder(e)} noValidate aria-busy={write.busy} className="kk-vk-form">
      <KeuzeGroep
        legend={
          <Heading level={2} ref={headingRef} tabIndex={-1} className="kk-vk-question__title" data-testid="vk-vraag">
            {vraag.tekst}
          </Heading>
        }
        hint={
          <div className="kk-vk-help">
            <span className="kk-vk-help__label">{t('vk.vraag.uitleg')}</span> {vraag.uitleg}
          </div>
        }
        name={`vk-vraag-${vraag.id}`}
        value={waarde}
        onChange={(v) => {
          setWaarde(v);
          setFout(undefined);
        }}
        error={fout}
        options={vraag.antwoorden.map((a) => ({ value: a.waarde, label: a.tekst }))}
      />
      {vraag.fout ? (
        <Alert type="info" className="kk-alert">
          <Paragraph>{vraag.fout}</Paragraph>
        </Alert>
      ) : null}
      <VkMelding error={write.error} />
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" onClick={back} disabled={write.busy}>
          {t('vk.wizard.vorige')}
        </Button>
        <Button type="submit" appearance="primary-action-button" busy={write.busy} disabled={write.busy}>
          {t('vk.wizard.volgende')}
        </Button>
      </ButtonGroup>
      <LaterVerder />
    </form>
  );
}

/** Step 0 shown again: the recipient and purpose (fixed for this draft) and the data asked for (can change). */
function Stap0Terug({ stap }: { stap: ConceptStap }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const regels = useAppStore(selectVkRegels);
  const write = useAppStore(selectVkWrite);
  const { setGevraagd, forwardToCurrent } = useAppStoreShallow(selectVkActions);
  const [gekozen, setGekozen] = useState<DataCategorie[]>(stap.concept.gevraagdeGegevens);
  const doel = regels?.inhoud.doelen.find((d) => d.id === stap.concept.doel);

  async function verder(event: FormEvent) {
    event.preventDefault();
    await setGevraagd(gekozen);
  }

  return (
    <form onSubmit={(e) => void verder(e)} noValidate aria-busy={write.busy} className="kk-vk-form">
      <Heading level={2} ref={headingRef} tabIndex={-1} className="kk-vk-question__title" data-testid="vk-vraag">
        {t('vk.stap0.titel')}
      </Heading>
      <Definities
        items={[
          [t('vk.veld.ontvanger'), `${stap.ontvanger.naam} (${t(`partners.categorie.${stap.ontvanger.categorie}`)})`],
          [t('vk.veld.doel'), t(`vk.doel.${stap.concept.doel}`)],
        ]}
      />
      <Paragraph className="kk-muted kk-small">{t('vk.stap0.vast')}</Paragraph>
      <GegevensKeuze gekozen={gekozen} voorstel={doel ? doel.gegevens : null} onChange={setGekozen} />
      <VkMelding error={write.error} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={write.busy} disabled={write.busy}>
          {t('vk.wizard.volgende')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={forwardToCurrent}>
          {t('vk.stap0.terugNaarNu')}
        </Button>
      </ButtonGroup>
      <LaterVerder />
    </form>
  );
}

/** What the draft is about, the consents, and the answers so far (each can be changed). */
function Zijkant({ stap }: { stap: ConceptStap }) {
  const { t } = useT();
  const regels = useAppStore(selectVkRegels);
  const { pad, terug } = useAppStoreShallow(selectVkWizardPlek);
  const { showEarlier } = useAppStoreShallow(selectVkActions);
  const antwoordTekst = (v: WizardVraag) => {
    const waarde = stap.concept.antwoorden[v.id];
    return v.antwoorden.find((a) => a.waarde === waarde)?.tekst ?? regels?.inhoud.vragen.find((q) => q.id === v.id)?.antwoorden.find((a) => a.waarde === waarde)?.tekst ?? waarde ?? '';
  };
  return (
    <aside className="kk-vk-side" aria-label={t('vk.side.label')}>
      <section aria-labelledby="kk-vk-about-title">
        <Heading level={3} id="kk-vk-about-title">
          {t('vk.side.over')}
        </Heading>
        <Definities
          items={[
            [t('vk.veld.client'), <span className="kk-pseudonym">{stap.concept.pseudoniem}</span>],
            [t('vk.veld.ontvanger'), `${stap.ontvanger.naam} (${t(`partners.categorie.${stap.ontvanger.categorie}`)})`],
            [t('vk.veld.doel'), t(`vk.doel.${stap.concept.doel}`)],
            [t('vk.veld.gevraagd'), <Categorieen categorieen={stap.concept.gevraagdeGegevens} geen={t('vk.side.geenGegevens')} />],
            [t('vk.veld.ruleSetVersie'), stap.concept.ruleSetVersie],
          ]}
        />
      </section>
      <ToestemmingenLijst toestemmingen={stap.toestemmingen} />
      {stap.notities.length > 0 ? (
        <Alert type="info" className="kk-alert">
          {stap.notities.map((n) => (
            <Paragraph key={n}>{n}</Paragraph>
          ))}
        </Alert>
      ) : null}
      <section aria-labelledby="kk-vk-answers-title">
        <Heading level={3} id="kk-vk-answers-title">
          {t('vk.side.antwoorden')}
        </Heading>
        {pad.length === 0 ? (
          <Paragraph className="kk-muted kk-small">{t('vk.side.geenAntwoorden')}</Paragraph>
        ) : (
          <ol className="kk-vk-answers">
            {pad.map((v, i) => (
              <li key={v.id} className={terug === i ? 'kk-vk-answers__item kk-vk-answers__item--shown' : 'kk-vk-answers__item'}>
                <span className="kk-small">{v.tekst}</span>
                <span className="kk-vk-answers__answer">{antwoordTekst(v)}</span>
                {terug === i ? null : (
                  <button type="button" className="kk-link-button kk-small" onClick={() => showEarlier(i)} aria-label={t('vk.side.wijzigLabel', { vraag: v.tekst })}>
                    {t('vk.side.wijzig')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      {stap.stap.soort === 'vraag' && stap.stap.redenering.length > 0 ? (
        <details className="kk-vk-sofar">
          <summary>{t('vk.side.totNuToe')}</summary>
          <Redenering regels={stap.stap.redenering} />
        </details>
      ) : null}
    </aside>
  );
}

/**
 * The wizard for one draft: the step the stappenplan asks now (or an earlier one shown again),
 * the outcome with the decision record at step 9, and beside it what the draft is about, the
 * traject's consents and the answers so far. Every answer is saved in the draft at once.
 */
export function WizardScreen({ conceptId }: { conceptId: string }) {
  const { t } = useT();
  const loadingRef = useFocusOnMount<HTMLHeadingElement>();
  const stap = useAppStore(selectVkStap);
  const error = useAppStore(selectVkError);
  const { pad, terug } = useAppStoreShallow(selectVkWizardPlek);
  const { openConcept, loadPartners, resetVkWrite } = useAppStoreShallow(selectVkActions);

  useEffect(() => {
    void openConcept(conceptId);
    void loadPartners();
    return () => resetVkWrite();
  }, [conceptId, openConcept, loadPartners, resetVkWrite]);

  const huidig = stap && stap.concept.id === conceptId ? stap : null;
  if (!huidig) {
    return (
      <div className="kk-subpage kk-vk-wizard" data-testid="vk-wizard">
        <Heading level={2} ref={loadingRef} tabIndex={-1}>
          {t('vk.wizard.laden')}
        </Heading>
        <VkMelding error={error} />
      </div>
    );
  }

  const terugVraag = terug !== null && terug >= 0 ? pad[terug] : undefined;
  let inhoud;
  let nummer: number;
  if (terug === -1) {
    nummer = 0;
    inhoud = <Stap0Terug key="stap0" stap={huidig} />;
  } else if (terugVraag) {
    nummer = terugVraag.stap;
    inhoud = <VraagStap key={`${terugVraag.id}:terug:${huidig.concept.version}`} vraag={terugVraag} gekozen={huidig.concept.antwoorden[terugVraag.id]} />;
  } else if (huidig.stap.soort === 'vraag') {
    nummer = huidig.stap.vraag.stap;
    inhoud = <VraagStap key={`${huidig.stap.vraag.id}:${huidig.concept.version}`} vraag={huidig.stap.vraag} gekozen={huidig.concept.antwoorden[huidig.stap.vraag.id]} />;
  } else {
    nummer = 9;
    inhoud = <UitkomstStap key={`uitkomst:${huidig.concept.version}`} stap={huidig} uitkomst={huidig.stap} />;
  }

  return (
    <div className="kk-subpage kk-vk-wizard" data-testid="vk-wizard">
      <StapVoortgang stap={nummer} />
      <div className="kk-vk-question">{inhoud}</div>
      <Zijkant stap={huidig} />
    </div>
  );
}
