import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type Ref } from 'react';
import { Kanaal } from '../../../shared/partners/partner.schema';
import { BesluitInvoer, type ConceptStap } from '../../../shared/verstrekkingen/besluit.schema';
import type { PakketInhoud } from '../../../shared/verstrekkingen/pakket.schema';
import type { UitkomstSchema } from '../../../shared/verstrekkingen/stap.schema';
import type { StappenplanFile } from '../../../shared/stappenplan/ruleSet.schema';
import { DateField } from '../../components/DateField';
import { blankToUndefined, CheckboxField, ErrorSummary, issuesToErrors, SelectField, TextareaField, TextField, validateWith, type FieldErrors } from '../../components/formBits';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import type { ApiError } from '../../platform/api';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectVkActions, selectVkRegels, selectVkWrite } from './verstrekkingenSelectors';
import { Bronnen, Categorieen, Definities, LaterVerder, Redenering, VkMelding, Voorbeeld } from './vkBits';

/** The decision record as its form edits it (step 9). */
interface BesluitForm {
  noodzaak: string;
  alternatieven: string;
  informerenReden: string;
  geheimhoudingToelichting: string;
  kanaal: string;
  bewaartermijn: string;
  herbeoordelingOp: string;
  vierOgen: boolean;
  privacyAdvies: string;
}

/** The form's fields by the core's paths (`besluit.noodzaak` → the noodzaak field). */
const veldNaam = (path: string) => `vk-${path.replace(/^besluit\./, '')}`;

/** The core's field problems on this form, by the form's own keys. */
function besluitErrors(error: ApiError | null): FieldErrors {
  if (!error?.issues || error.code !== 'INVALID_INPUT') return {};
  return issuesToErrors(error.issues.map((i) => ({ path: i.path.replace(/^besluit\./, ''), message: i.message })));
}

/** The rule set's words for a chosen art. 9/10 exception (the answer of its question). */
function uitzonderingTekst(regels: StappenplanFile | null, klasse: string, antwoord: string): string {
  const regel = regels?.inhoud.regels.find((r) => r.dan.soort === 'uitzondering' && r.dan.klasse === klasse);
  const vraagId = regel && regel.dan.soort === 'uitzondering' ? regel.dan.vraag : undefined;
  return regels?.inhoud.vragen.find((v) => v.id === vraagId)?.antwoorden.find((a) => a.waarde === antwoord)?.tekst ?? antwoord.replaceAll('-', ' ');
}

/** The outcome's tone and title: allowed (with exactly these fields), not allowed, or only without personal data. */
function UitkomstKop({ uitkomst, headingRef }: { uitkomst: UitkomstSchema['uitkomst']; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useT();
  return (
    <Heading level={2} ref={headingRef} tabIndex={-1} className={`kk-vk-question__title kk-vk-outcome kk-vk-outcome--${uitkomst}`} data-testid="vk-vraag">
      {t(`vk.uitkomst.${uitkomst}`)}
    </Heading>
  );
}

/** Exactly what would leave under the draft's outcome, read from the core (nothing leaves, nothing is recorded). */
function ConceptVoorbeeld() {
  const { t } = useT();
  const { previewConcept } = useAppStoreShallow(selectVkActions);
  const [inhoud, setInhoud] = useState<PakketInhoud | null | 'laden'>('laden');
  useEffect(() => {
    let actief = true;
    void previewConcept().then((i) => {
      if (actief) setInhoud(i);
    });
    return () => {
      actief = false;
    };
  }, [previewConcept]);
  return (
    <section className="kk-panel kk-vk-preview-panel" aria-labelledby="kk-vk-preview-title">
      <Heading level={3} id="kk-vk-preview-title">
        {t('vk.voorbeeld.titel')}
      </Heading>
      <Paragraph>{t('vk.voorbeeld.uitleg')}</Paragraph>
      {inhoud === 'laden' ? <p className="kk-muted">{t('vk.voorbeeld.laden')}</p> : inhoud === null ? <p className="kk-muted">{t('vk.voorbeeld.nietGelukt')}</p> : <Voorbeeld inhoud={inhoud} concept />}
    </section>
  );
}

/**
 * Step 9: the outcome of the stappenplan (with the reasoning and every source), exactly what
 * would leave, and the decision record the person writes before it is stored: necessity and
 * alternatives, why the cliënt is not informed (when so), the reasoning of a conflict of duties
 * (when so), channel, retention, review date, four-eyes and the privacy officer's advice.
 */
export function UitkomstStap({ stap, uitkomst }: { stap: ConceptStap; uitkomst: UitkomstSchema }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const write = useAppStore(selectVkWrite);
  const regels = useAppStore(selectVkRegels);
  const { completeConcept, back } = useAppStoreShallow(selectVkActions);
  const toegestaan = uitkomst.uitkomst === 'toegestaan';
  const nietInformeren = stap.concept.antwoorden['informeren'] === 'nee-met-reden';
  const conflict = uitkomst.geheimhouding === 'conflict-van-plichten';
  const weggelaten = stap.concept.gevraagdeGegevens.filter((c) => !uitkomst.velden.includes(c));

  const { form, errors, set, submit } = useCheckedForm<BesluitForm, BesluitInvoer>(
    {
      noodzaak: '',
      alternatieven: '',
      informerenReden: '',
      geheimhoudingToelichting: '',
      kanaal: stap.ontvanger.kanaal,
      bewaartermijn: toegestaan ? '' : t('vk.besluit.bewaartermijnNvt'),
      herbeoordelingOp: '',
      vierOgen: false,
      privacyAdvies: '',
    },
    {
      check: (f) =>
        validateWith(
          BesluitInvoer,
          {
            noodzaak: toegestaan ? blankToUndefined(f.noodzaak) : undefined,
            alternatieven: toegestaan ? blankToUndefined(f.alternatieven) : undefined,
            informerenReden: toegestaan && nietInformeren ? blankToUndefined(f.informerenReden) : undefined,
            geheimhoudingToelichting: conflict ? blankToUndefined(f.geheimhoudingToelichting) : undefined,
            kanaal: toegestaan ? f.kanaal || undefined : undefined,
            bewaartermijn: f.bewaartermijn,
            herbeoordelingOp: f.herbeoordelingOp,
            vierOgen: f.vierOgen,
            privacyAdvies: blankToUndefined(f.privacyAdvies),
          },
          t,
        ),
      save: async (besluit) => (await completeConcept(besluit)) !== null,
    },
  );
  const shown: FieldErrors = { ...besluitErrors(write.error), ...errors };

  return (
    <div className="kk-vk-outcome-step">
      <UitkomstKop uitkomst={uitkomst.uitkomst} headingRef={headingRef} />
      <div className={`kk-vk-outcome-box kk-vk-outcome-box--${uitkomst.uitkomst}`}>
        <Paragraph>{t(`vk.uitkomst.${uitkomst.uitkomst}.uitleg`)}</Paragraph>
        {toegestaan ? (
          <>
            <Heading level={3}>{t('vk.uitkomst.velden')}</Heading>
            <Categorieen categorieen={uitkomst.velden} geen={t('vk.uitkomst.geenVelden')} />
          </>
        ) : null}
        {weggelaten.length > 0 ? (
          <>
            <Heading level={3}>{t('vk.uitkomst.weggelaten')}</Heading>
            <Categorieen categorieen={weggelaten} geen="" />
            <Paragraph className="kk-small">{t('vk.uitkomst.weggelatenWaarom')}</Paragraph>
          </>
        ) : null}
      </div>
      <Definities
        items={[
          [t('vk.veld.regime'), t(`vk.regime.${uitkomst.regime}`)],
          uitkomst.grondslag !== undefined && [t('vk.veld.grondslag'), `${t(`vk.grondslag.${uitkomst.grondslag}`)}${uitkomst.bepaling ? ` (${uitkomst.bepaling})` : ''}`],
          uitkomst.uitzonderingen.length > 0 && [t('vk.veld.uitzonderingen'), uitkomst.uitzonderingen.map((u) => `${t(`vk.klasse.${u.klasse}`)}: ${uitzonderingTekst(regels, u.klasse, u.antwoord)}`).join('; ')],
          uitkomst.geheimhouding !== undefined && [t('vk.veld.geheimhouding'), t(`vk.geheimhouding.${uitkomst.geheimhouding}`)],
          [t('vk.veld.ruleSetVersie'), uitkomst.ruleSetVersie],
        ]}
      />
      <section aria-labelledby="kk-vk-why-title">
        <Heading level={3} id="kk-vk-why-title">
          {t('vk.uitkomst.redenering')}
        </Heading>
        <Redenering regels={uitkomst.redenering} />
      </section>
      <section aria-labelledby="kk-vk-sources-title">
        <Heading level={3} id="kk-vk-sources-title">
          {t('vk.uitkomst.bronnen')}
        </Heading>
        <Bronnen bronnen={uitkomst.bronnen} />
      </section>
      {toegestaan ? <ConceptVoorbeeld /> : null}

      <section className="kk-panel" aria-labelledby="kk-vk-record-title">
        <Heading level={3} id="kk-vk-record-title">
          {t('vk.besluit.vastleggen')}
        </Heading>
        <Paragraph>{toegestaan ? t('vk.besluit.vastleggenUitleg') : t('vk.besluit.vastleggenWeigering')}</Paragraph>
        <form onSubmit={submit} noValidate aria-busy={write.busy}>
          <VkMelding error={write.error && write.error.code !== 'INVALID_INPUT' ? write.error : null} />
          {write.error?.code === 'INVALID_INPUT' && Object.keys(besluitErrors(write.error)).length === 0 ? <VkMelding error={write.error} /> : null}
          <ErrorSummary errors={shown} fieldName={veldNaam} />
          {toegestaan ? (
            <>
              <TextareaField label={t('vk.besluit.noodzaak')} hint={t('vk.besluit.noodzaakHint')} name="vk-noodzaak" rows={3} value={form.noodzaak} onChange={set('noodzaak')} error={shown.noodzaak} />
              <TextareaField label={t('vk.besluit.alternatieven')} hint={t('vk.besluit.alternatievenHint')} name="vk-alternatieven" rows={3} value={form.alternatieven} onChange={set('alternatieven')} error={shown.alternatieven} />
              {nietInformeren ? (
                <TextareaField label={t('vk.besluit.informerenReden')} hint={t('vk.besluit.informerenRedenHint')} name="vk-informerenReden" rows={2} value={form.informerenReden} onChange={set('informerenReden')} error={shown.informerenReden} />
              ) : stap.concept.antwoorden['informeren'] === 'ja' ? (
                <p className="kk-muted kk-small">{t('vk.besluit.geinformeerd')}</p>
              ) : null}
            </>
          ) : null}
          {conflict ? (
            <TextareaField label={t('vk.besluit.conflict')} hint={t('vk.besluit.conflictHint')} name="vk-geheimhoudingToelichting" rows={4} value={form.geheimhoudingToelichting} onChange={set('geheimhoudingToelichting')} error={shown.geheimhoudingToelichting} />
          ) : null}
          {toegestaan ? (
            <SelectField label={t('vk.besluit.kanaal')} hint={t('vk.besluit.kanaalHint')} name="vk-kanaal" value={form.kanaal} onChange={set('kanaal')} error={shown.kanaal} options={Kanaal.options.map((k) => ({ value: k, label: t(`partners.kanaal.${k}`) }))} />
          ) : null}
          <TextField label={t('vk.besluit.bewaartermijn')} hint={t('vk.besluit.bewaartermijnHint')} name="vk-bewaartermijn" value={form.bewaartermijn} onChange={set('bewaartermijn')} error={shown.bewaartermijn} />
          <DateField label={t('vk.besluit.herbeoordeling')} hint={t('vk.besluit.herbeoordelingHint')} name="vk-herbeoordelingOp" value={form.herbeoordelingOp} onChange={set('herbeoordelingOp')} error={shown.herbeoordelingOp} />
          {toegestaan ? <CheckboxField label={t('vk.besluit.vierOgen')} hint={t('vk.besluit.vierOgenHint')} name="vk-vierOgen" checked={form.vierOgen} onChange={set('vierOgen')} /> : null}
          <TextareaField label={t('vk.besluit.advies')} hint={t('vk.besluit.adviesHint')} name="vk-privacyAdvies" rows={2} optional value={form.privacyAdvies} onChange={set('privacyAdvies')} error={shown.privacyAdvies} />
          {!toegestaan ? (
            <Alert type="info" className="kk-alert">
              <Paragraph>{t('vk.besluit.nietsNaarBuiten')}</Paragraph>
            </Alert>
          ) : null}
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" onClick={back} disabled={write.busy}>
              {t('vk.wizard.vorige')}
            </Button>
            <Button type="submit" appearance="primary-action-button" busy={write.busy} disabled={write.busy}>
              {t('vk.besluit.opslaan')}
            </Button>
          </ButtonGroup>
        </form>
      </section>
      <LaterVerder />
    </div>
  );
}
