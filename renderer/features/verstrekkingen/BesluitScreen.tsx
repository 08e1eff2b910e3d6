import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Functie } from '../../../shared/profile/profile.schema';
import { GoedkeuringInvoer, type Besluit } from '../../../shared/verstrekkingen/besluit.schema';
import { KopieVeld, kopieVeldCategorie, type PakketInhoud } from '../../../shared/verstrekkingen/pakket.schema';
import { toonMoment, veldLabel } from '../../../shared/verstrekkingen/weergave';
import { Badge, formatDate } from '../../components/dataBits';
import { ErrorSummary, SelectField, serverErrors, TextareaField, TextField, validateWith, type FieldErrors } from '../../components/formBits';
import { Announce, SubmitRow } from '../../components/screenBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectVkActions, selectVkBesluit, selectVkError, selectVkWrite } from './verstrekkingenSelectors';
import { Bronnen, Categorieen, Definities, Redenering, VkMelding, Voorbeeld } from './vkBits';

/**
 * The password of a package, shown once: with the instruction to pass it on another way, and a
 * copy button (main copies it from its own memory, by the package's register id, and clears the
 * clipboard after 30 seconds). Gone when the person says so or leaves; main then forgets it too.
 */
function WachtwoordEenmalig({ bestandsnaam, bytes, wachtwoord, registerId, onKlaar }: { bestandsnaam: string; bytes: number; wachtwoord: string; registerId: string; onKlaar(): void }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { kopieerWachtwoord, vergeetWachtwoord } = useAppStoreShallow(selectVkActions);
  const [said, setSaid] = useState('');
  const getoond = useRef<string | null>(null);

  useEffect(() => {
    // Leaving the screen (or a next package taking its place) closes this password as "Klaar"
    // does. The forgetting waits a moment, so a remount of the same password (React's
    // development check) does not count as leaving.
    getoond.current = registerId;
    return () => {
      getoond.current = null;
      setTimeout(() => {
        if (getoond.current !== registerId) vergeetWachtwoord(registerId);
      }, 0);
    };
  }, [registerId, vergeetWachtwoord]);

  async function kopieer() {
    setSaid('');
    const r = await kopieerWachtwoord(registerId);
    if (r === null) return;
    setSaid(r.gekopieerd ? t('vk.pakket.gekopieerd', { n: r.wisNaSeconden }) : t('vk.pakket.kopieerVerlopen'));
  }

  return (
    <section className="kk-vk-password" aria-labelledby="kk-vk-password-title" data-testid="vk-wachtwoord">
      <Heading level={3} id="kk-vk-password-title" ref={headingRef} tabIndex={-1}>
        {t('vk.pakket.opgeslagen')}
      </Heading>
      <Paragraph>{t('vk.pakket.bestand', { naam: bestandsnaam, kb: Math.max(1, Math.round(bytes / 1024)) })}</Paragraph>
      <p className="kk-vk-password__label" id="kk-vk-password-label">
        {t('vk.pakket.wachtwoord')}
      </p>
      <div className="kk-vk-password__row">
        <p className="kk-vk-password__value kk-mono" aria-labelledby="kk-vk-password-label" data-testid="vk-wachtwoord-waarde">
          {wachtwoord}
        </p>
        {/* Never disabled while it works: a disabled button drops the focus (copying twice does no harm). */}
        <Button type="button" appearance="secondary-action-button" onClick={() => void kopieer()}>
          {t('vk.pakket.kopieer')}
        </Button>
      </div>
      <p role="status" className="kk-vk-password__said" data-testid="vk-wachtwoord-status">
        {said}
      </p>
      <ul className="kk-vk-password__rules">
        <li>{t('vk.pakket.anderKanaal')}</li>
        <li>{t('vk.pakket.eenmaal')}</li>
        <li>{t('vk.pakket.nietBewaard')}</li>
      </ul>
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          onClick={() => {
            vergeetWachtwoord(registerId);
            onKlaar();
          }}
        >
          {t('vk.pakket.klaar')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

/** Package, print and copy under a usable decision; every one goes through the core's gate. */
function Verstrekken({ besluit }: { besluit: Besluit }) {
  const { t } = useT();
  const write = useAppStore(selectVkWrite);
  const { savePackage, printBesluit, copyVeld, previewBesluit } = useAppStoreShallow(selectVkActions);
  const [pakket, setPakket] = useState<{ bestandsnaam: string; bytes: number; wachtwoord: string; registerId: string } | null>(null);
  const [said, setSaid] = useState('');
  const [veld, setVeld] = useState('');
  const [voorbeeld, setVoorbeeld] = useState<PakketInhoud | null>(null);
  const kopieerbaar = KopieVeld.options.filter((v) => besluit.velden.includes(kopieVeldCategorie(v)));

  async function opslaan() {
    setSaid('');
    const result = await savePackage();
    if (!result) return;
    if (result.opgeslagen) setPakket({ bestandsnaam: result.bestandsnaam, bytes: result.bytes, wachtwoord: result.wachtwoord, registerId: result.registerId });
    else setSaid(t('vk.pakket.geannuleerd'));
  }

  async function afdrukken() {
    setSaid('');
    const afgedrukt = await printBesluit();
    if (afgedrukt !== null) setSaid(afgedrukt ? t('vk.afdruk.klaar') : t('vk.afdruk.niet'));
  }

  async function kopieer(event: FormEvent) {
    event.preventDefault();
    setSaid('');
    const parsed = KopieVeld.safeParse(veld);
    if (!parsed.success) {
      setSaid(t('vk.kopie.kies'));
      return;
    }
    const seconden = await copyVeld(parsed.data);
    if (seconden !== null) setSaid(t('vk.kopie.klaar', { veld: veldLabel.client[parsed.data], n: seconden }));
  }

  return (
    <section className="kk-panel" aria-labelledby="kk-vk-out-title">
      <Heading level={3} id="kk-vk-out-title">
        {t('vk.verstrekken.titel')}
      </Heading>
      <Paragraph>{t('vk.verstrekken.uitleg')}</Paragraph>
      {pakket ? (
        <WachtwoordEenmalig
          {...pakket}
          onKlaar={() => {
            setPakket(null);
            setSaid(t('vk.pakket.verborgen'));
          }}
        />
      ) : null}
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={() => void opslaan()} disabled={write.busy}>
          {t('vk.pakket.knop')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => void afdrukken()} disabled={write.busy}>
          {t('vk.afdruk.knop')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={async () => setVoorbeeld(voorbeeld ? null : await previewBesluit())} aria-expanded={voorbeeld !== null}>
          {voorbeeld ? t('vk.voorbeeld.verberg') : t('vk.voorbeeld.toon')}
        </Button>
      </ButtonGroup>
      {kopieerbaar.length > 0 ? (
        <form onSubmit={(e) => void kopieer(e)} noValidate className="kk-inline-form kk-vk-copy">
          <SelectField
            label={t('vk.kopie.veld')}
            hint={t('vk.kopie.hint')}
            name="vk-kopie"
            value={veld}
            onChange={setVeld}
            options={[{ value: '', label: t('profile.choose') }, ...kopieerbaar.map((v) => ({ value: v, label: veldLabel.client[v] }))]}
          />
          <ButtonGroup>
            {/* Not disabled while it works, so focus stays on it (copying twice does no harm). */}
            <Button type="submit" appearance="secondary-action-button">
              {t('vk.kopie.knop')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
      <p role="status" className="kk-vk-said">
        {said}
      </p>
      <VkMelding error={write.error} />
      {voorbeeld ? <Voorbeeld inhoud={voorbeeld} /> : null}
    </section>
  );
}

/** Four eyes: a second person reads the decision and approves it with their own name and function. */
function VierOgen() {
  const { t } = useT();
  const write = useAppStore(selectVkWrite);
  const { approveBesluit } = useAppStoreShallow(selectVkActions);
  const [naam, setNaam] = useState('');
  const [functie, setFunctie] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown: FieldErrors = { ...serverErrors(write.error), ...errors };

  async function goedkeuren(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(GoedkeuringInvoer.omit({ besluitId: true }), { naam, functie: functie || undefined }, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    await approveBesluit(checked.data.naam, checked.data.functie);
  }

  return (
    <section className="kk-panel kk-vk-four-eyes" aria-labelledby="kk-vk-four-title">
      <Heading level={3} id="kk-vk-four-title">
        {t('vk.vierOgen.titel')}
      </Heading>
      <Paragraph>{t('vk.vierOgen.uitleg')}</Paragraph>
      <form onSubmit={(e) => void goedkeuren(e)} noValidate aria-busy={write.busy}>
        <ErrorSummary errors={shown} fieldName={(p) => (p === 'naam' ? 'vk-goedkeurder' : p === 'functie' ? 'vk-goedkeurder-functie' : undefined)} />
        <VkMelding error={write.error && write.error.code !== 'INVALID_INPUT' ? write.error : null} />
        <div className="kk-form-row kk-vk-row-end">
          <TextField label={t('vk.vierOgen.naam')} hint={t('vk.vierOgen.naamHint')} name="vk-goedkeurder" value={naam} onChange={setNaam} error={shown.naam} />
          <SelectField
            label={t('vk.vierOgen.functie')}
            name="vk-goedkeurder-functie"
            value={functie}
            onChange={setFunctie}
            error={shown.functie}
            options={[{ value: '', label: t('profile.choose') }, ...Functie.options.map((f) => ({ value: f, label: t(`profile.functie.${f}`) }))]}
          />
        </div>
        <SubmitRow label={t('vk.vierOgen.knop')} busy={write.busy} disabled={write.busy} primary />
      </form>
    </section>
  );
}

/** Revoke (with a reason) or correct (a new draft that replaces this decision). */
function IntrekkenOfCorrigeren({ besluit }: { besluit: Besluit }) {
  const { t } = useT();
  const write = useAppStore(selectVkWrite);
  const { revokeBesluit, correctBesluit } = useAppStoreShallow(selectVkActions);
  const [open, setOpen] = useState(false);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | undefined>();
  if (besluit.ingetrokken || besluit.vervangenDoor) return null;

  async function intrekken(event: FormEvent) {
    event.preventDefault();
    if (reden.trim() === '') {
      setFout(t('vk.intrekken.redenLeeg'));
      return;
    }
    setFout(undefined);
    if (await revokeBesluit(reden.trim())) setOpen(false);
  }

  return (
    <section className="kk-panel" aria-labelledby="kk-vk-change-title">
      <Heading level={3} id="kk-vk-change-title">
        {t('vk.intrekken.titel')}
      </Heading>
      <Paragraph>{t('vk.intrekken.uitleg')}</Paragraph>
      {open ? (
        <form onSubmit={(e) => void intrekken(e)} noValidate>
          <TextareaField label={t('vk.intrekken.reden')} name="vk-intrekken-reden" rows={2} value={reden} onChange={setReden} error={fout} />
          <SubmitRow label={t('vk.intrekken.knop')} disabled={write.busy} primary>
            <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(false)}>
              {t('vk.annuleren')}
            </Button>
          </SubmitRow>
        </form>
      ) : (
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(true)}>
            {t('vk.intrekken.open')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => void correctBesluit()} disabled={write.busy}>
            {t('vk.corrigeren.knop')}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}

/** Every field of the decision record, as a privacy officer reads it. */
function Record({ besluit: b }: { besluit: Besluit }) {
  const { t } = useT();
  const { openVerstrekkingen } = useAppStoreShallow(selectVkActions);
  const ja = t('vk.ja');
  const nee = t('vk.nee');
  return (
    <section className="kk-panel" aria-labelledby="kk-vk-record-title">
      <Heading level={3} id="kk-vk-record-title">
        {t('vk.record.titel')}
      </Heading>
      <Definities
        items={[
          [t('vk.veld.referentie'), <span className="kk-mono">{b.referentie}</span>],
          [t('vk.veld.genomenOp'), toonMoment(b.genomenOp)],
          [t('vk.veld.afzender'), `${b.afzender.naam}, ${t(`profile.functie.${b.afzender.functie}`)}, ${b.afzender.organisatie}`],
          [t('vk.veld.ontvanger'), `${b.ontvanger.naam} (${t(`partners.categorie.${b.ontvanger.categorie}`)})`],
          [t('vk.veld.client'), <span className="kk-pseudonym">{b.pseudoniem}</span>],
          [t('vk.veld.regime'), t(`vk.regime.${b.regime}`)],
          [t('vk.veld.doel'), t(`vk.doel.${b.doel}`)],
          [t('vk.veld.verenigbaar'), b.doelVerenigbaar === null ? t('vk.nietGevraagd') : b.doelVerenigbaar ? ja : nee],
          [t('vk.veld.uitkomst'), t(`vk.uitkomstKort.${b.uitkomst}`)],
          b.grondslag !== undefined && [t('vk.veld.grondslag'), `${t(`vk.grondslag.${b.grondslag}`)}${b.bepaling ? ` (${b.bepaling})` : ''}`],
          b.uitzonderingen.length > 0 && [t('vk.veld.uitzonderingen'), b.uitzonderingen.map((u) => `${t(`vk.klasse.${u.klasse}`)}: ${u.tekst}`).join('; ')],
          b.geheimhouding !== undefined && [t('vk.veld.geheimhouding'), `${t(`vk.geheimhouding.${b.geheimhouding.basis}`)}${b.geheimhouding.toelichting ? ` — ${b.geheimhouding.toelichting}` : ''}`],
          [t('vk.veld.toestemmingen'), b.toestemmingIds.length === 0 ? t('vk.record.geenToestemming') : t('vk.record.toestemmingen', { n: b.toestemmingIds.length })],
          b.noodzaak !== undefined && [t('vk.veld.noodzaak'), <span className="kk-vk-value">{b.noodzaak}</span>],
          b.alternatieven !== undefined && [t('vk.veld.alternatieven'), <span className="kk-vk-value">{b.alternatieven}</span>],
          [t('vk.veld.velden'), <Categorieen categorieen={b.velden} geen={t('vk.record.geenVelden')} />],
          [t('vk.veld.bsn'), b.bsn ? ja : nee],
          [
            t('vk.veld.geinformeerd'),
            b.betrokkeneGeinformeerd.geinformeerd === null ? t('vk.nietGevraagd') : b.betrokkeneGeinformeerd.geinformeerd ? ja : `${nee}${b.betrokkeneGeinformeerd.reden ? ` — ${b.betrokkeneGeinformeerd.reden}` : ''}`,
          ],
          [t('vk.veld.kanaal'), t(`partners.kanaal.${b.kanaal}`)],
          [t('vk.veld.bewaartermijn'), b.bewaartermijn],
          [t('vk.veld.vierOgen'), !b.vierOgen ? nee : b.goedkeuring ? t('vk.record.goedgekeurd', { naam: b.goedkeuring.naam, functie: t(`profile.functie.${b.goedkeuring.functie}`), datum: toonMoment(b.goedkeuring.op) }) : t('vk.record.wacht')],
          b.privacyAdvies !== undefined && [t('vk.veld.advies'), <span className="kk-vk-value">{b.privacyAdvies}</span>],
          [t('vk.veld.ruleSetVersie'), b.ruleSetVersie],
          [t('vk.veld.herbeoordeling'), formatDate(b.herbeoordelingOp)],
          b.ingetrokken !== undefined && [t('vk.veld.ingetrokken'), `${toonMoment(b.ingetrokken.op)} — ${b.ingetrokken.reden}`],
          b.vervangt !== undefined && [
            t('vk.veld.vervangt'),
            <button type="button" className="kk-link-button" onClick={() => openVerstrekkingen({ screen: 'besluit', id: b.vervangt! })}>
              {t('vk.record.open')}
            </button>,
          ],
          b.vervangenDoor !== undefined && [
            t('vk.veld.vervangenDoor'),
            <button type="button" className="kk-link-button" onClick={() => openVerstrekkingen({ screen: 'besluit', id: b.vervangenDoor! })}>
              {t('vk.record.open')}
            </button>,
          ],
        ]}
      />
      <Heading level={4}>{t('vk.uitkomst.redenering')}</Heading>
      <Redenering regels={b.redenering} />
      <Heading level={4}>{t('vk.uitkomst.bronnen')}</Heading>
      <Bronnen bronnen={b.bronnen} />
    </section>
  );
}

/**
 * One decision: its state today (and why it cannot be used, if so), the four-eyes approval it
 * may wait for, the package / print / copy under it, the whole decision record with its
 * reasoning and sources, and revoking or correcting it.
 */
export function BesluitScreen({ id }: { id: string }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const besluit = useAppStore(selectVkBesluit);
  const error = useAppStore(selectVkError);
  const { openBesluit, resetVkWrite } = useAppStoreShallow(selectVkActions);
  const [said, setSaid] = useState('');

  useEffect(() => {
    void openBesluit(id);
    return () => resetVkWrite();
  }, [id, openBesluit, resetVkWrite]);

  const b = besluit && besluit.id === id ? besluit : null;
  const staat = b?.staat;
  useEffect(() => {
    if (staat) setSaid(t(`vk.staat.${staat}`));
  }, [staat, t]);

  return (
    <div className="kk-subpage kk-vk-besluit" data-testid="vk-besluit">
      <Heading level={2} ref={headingRef} tabIndex={-1} className="kk-record-title">
        {b ? t('vk.besluitScherm.titel', { referentie: b.referentie }) : t('vk.besluitScherm.laden')}
      </Heading>
      <Announce text={said} />
      <VkMelding error={error} />
      {b ? (
        <>
          <p className="kk-record-sub">
            <Badge tone={b.staat === 'bruikbaar' ? 'ok' : b.staat === 'wacht-op-goedkeuring' ? 'info' : 'neutral'}>{t(`vk.staat.${b.staat}`)}</Badge> <span className="kk-muted">
              {t('vk.veld.uitkomst')}: {t(`vk.uitkomstKort.${b.uitkomst}`)}
            </span>
          </p>
          {b.redenen.length > 0 ? (
            <Alert type="info" className="kk-alert">
              <Paragraph>{t('vk.besluitScherm.nietBruikbaar')}</Paragraph>
              <ul>
                {b.redenen.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {b.staat === 'wacht-op-goedkeuring' ? <VierOgen /> : null}
          {b.staat === 'bruikbaar' && b.uitkomst === 'toegestaan' ? <Verstrekken besluit={b} /> : null}
          {b.uitkomst !== 'toegestaan' ? (
            <Alert type="info" className="kk-alert">
              <Paragraph>{t(`vk.uitkomst.${b.uitkomst}.uitleg`)}</Paragraph>
            </Alert>
          ) : null}
          <Record besluit={b} />
          <IntrekkenOfCorrigeren besluit={b} />
        </>
      ) : null}
    </div>
  );
}
