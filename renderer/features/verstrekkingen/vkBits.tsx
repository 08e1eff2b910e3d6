import { Alert, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { ToestemmingStatus } from '../../../shared/casework/traject.schema';
import { dataCategorieKlasse, type DataCategorie } from '../../../shared/stappenplan/dataCategories';
import type { ToestemmingWeergave } from '../../../shared/verstrekkingen/besluit.schema';
import type { PakketInhoud } from '../../../shared/verstrekkingen/pakket.schema';
import type { GebruikteBronSchema } from '../../../shared/verstrekkingen/stap.schema';
import { INTERNE_DELEN, toonWaarde, veldLabel } from '../../../shared/verstrekkingen/weergave';
import type { z } from 'zod';
import { Badge, DataTable, formatDate } from '../../components/dataBits';
import { FieldsetShell } from '../../components/formBits';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import type { ApiError } from '../../platform/api';
import { useAppStoreShallow } from '../../store/StoreProvider';
import { selectVkActions } from './verstrekkingenSelectors';

/** The ten steps of the stappenplan (DOMAIN.md), 0 to 9. */
export const STAPPEN = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** The name of a step in the screen's language. */
export function stapNaamKey(stap: number): MessageKey {
  return `vk.stap.${Math.min(9, Math.max(0, stap)) as (typeof STAPPEN)[number]}`;
}

/** The short name of a step, for the row of steps. */
function stapKortKey(stap: (typeof STAPPEN)[number]): MessageKey {
  return `vk.stapKort.${stap}`;
}

/**
 * Where the person is in the stappenplan: "Stap n van 9" with the step's name, and the ten
 * steps as a row (done, current, still to come). The current step is marked for screen readers.
 */
export function StapVoortgang({ stap }: { stap: number }) {
  const { t } = useT();
  return (
    <div className="kk-vk-progress">
      <p className="kk-vk-progress__text" data-testid="vk-stap">
        {t('vk.voortgang.tekst', { n: stap, naam: t(stapNaamKey(stap)) })}
      </p>
      <ol className="kk-vk-progress__list" aria-label={t('vk.voortgang.label')}>
        {STAPPEN.map((i) => (
          <li key={i} className={`kk-vk-progress__step kk-vk-progress__step--${i < stap ? 'done' : i === stap ? 'current' : 'todo'}`} aria-current={i === stap ? 'step' : undefined}>
            <span className="kk-vk-progress__nr" aria-hidden="true">
              {i}
            </span>
            <span className="kk-vk-progress__name" title={t(stapNaamKey(i))}>
              {t(stapKortKey(i))}
            </span>
            <span className="kk-visually-hidden">{i < stap ? t('vk.voortgang.klaar') : i === stap ? t('vk.voortgang.nu') : ''}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The tone of a consent's state: valid green, withdrawn/expired grey, anything else a warning. */
function statusTone(status: ToestemmingStatus): 'ok' | 'neutral' | 'warn' {
  return status === 'geldig' ? 'ok' : status === 'ingetrokken' || status === 'verlopen' ? 'neutral' : 'warn';
}

/** The consents of the traject with their state today (geldig, ingetrokken, verlopen …), one under the other. */
export function ToestemmingenLijst({ toestemmingen }: { toestemmingen: readonly ToestemmingWeergave[] }) {
  const { t } = useT();
  return (
    <section className="kk-vk-consents" aria-labelledby="kk-vk-consents-title">
      <Heading level={3} id="kk-vk-consents-title">
        {t('vk.toestemmingen.title')}
      </Heading>
      <Paragraph className="kk-muted kk-small">{t('vk.toestemmingen.hint')}</Paragraph>
      {toestemmingen.length === 0 ? (
        <Paragraph className="kk-muted">{t('vk.toestemmingen.geen')}</Paragraph>
      ) : (
        <ul className="kk-vk-consent-list">
          {toestemmingen.map((c) => (
            <li key={c.id} className="kk-vk-consent">
              <span className="kk-vk-consent__head">
                <span className="kk-vk-consent__doel">{t(`cw.doel.${c.doel}`)}</span> <Badge tone={statusTone(c.status)}>{t(`cw.tstatus.${c.status}`)}</Badge>
              </span>
              <span>
                {t('vk.toestemmingen.ontvanger')}: {c.ontvanger}
              </span>
              <span className="kk-muted kk-small">
                {c.schriftelijk ? t('vk.toestemmingen.schriftelijk') : t('vk.toestemmingen.mondeling')} · {t(`cw.gegevenDoor.${c.gegevenDoor}`)} · {t('vk.toestemmingen.vanaf', { date: formatDate(c.vanaf) })}
                {c.tot ? ` · ${t('vk.toestemmingen.tot', { date: formatDate(c.tot) })}` : ''}
              </span>
              {c.ingetrokkenOp ? <span className="kk-muted kk-small">{t('vk.toestemmingen.ingetrokkenOp', { date: formatDate(c.ingetrokkenOp) })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A refusal or problem from the core, calm and clear: what it means (the code's text) and each
 * reason the core gave, in Dutch. A disclosure the gate refused is a warning, not an error.
 */
export function VkMelding({ error }: { error: ApiError | null }) {
  const { t, te } = useT();
  if (!error) return null;
  const redenen = [...new Set((error.issues ?? []).map((i) => i.message))];
  const weigering = error.code === 'DISCLOSURE_REFUSED' || error.code === 'PROFILE_MISSING';
  return (
    <Alert type={weigering ? 'warning' : 'error'} role="alert" className="kk-alert kk-vk-melding" data-error-code={error.code}>
      {weigering ? <Paragraph className="kk-vk-melding__title">{t('vk.melding.title')}</Paragraph> : null}
      <Paragraph>{te(error.code)}</Paragraph>
      {redenen.length > 0 ? (
        <ul className="kk-vk-melding__redenen">
          {redenen.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** The engine's reasoning in plain Dutch, line by line. */
export function Redenering({ regels }: { regels: readonly string[] }) {
  const { t } = useT();
  if (regels.length === 0) return <Paragraph className="kk-muted">{t('vk.redenering.leeg')}</Paragraph>;
  return (
    <ol className="kk-vk-reasoning">
      {regels.map((r, i) => (
        <li key={i}>{r}</li>
      ))}
    </ol>
  );
}

/** Every source the outcome used: its title and, where known, the document and lines. */
export function Bronnen({ bronnen }: { bronnen: readonly z.infer<typeof GebruikteBronSchema>[] }) {
  const { t } = useT();
  return (
    <ul className="kk-vk-sources">
      {bronnen.map((b) => (
        <li key={b.id}>
          {b.titel}
          {b.document ? <span className="kk-muted kk-small"> · {b.regel ? t('vk.bron.documentRegel', { document: b.document, regel: b.regel }) : t('vk.bron.document', { document: b.document })}</span> : null}
          {b.url ? <span className="kk-muted kk-small kk-vk-url"> · {b.url}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** A data category's name, with a label when it holds special (art. 9) or criminal-law (art. 10) data. */
export function CategorieNaam({ categorie }: { categorie: DataCategorie }) {
  const { t } = useT();
  const klasse = dataCategorieKlasse[categorie];
  return (
    <>
      {t(`vk.cat.${categorie}`)}
      {klasse === 'bijzonder' ? (
        <>
          {' '}
          <Badge tone="warn">{t('vk.klasse.bijzonder')}</Badge>
        </>
      ) : klasse === 'strafrechtelijk' ? (
        <>
          {' '}
          <Badge tone="warn">{t('vk.klasse.strafrechtelijk')}</Badge>
        </>
      ) : null}
    </>
  );
}

/** A list of data categories (or "none"). */
export function Categorieen({ categorieen, geen }: { categorieen: readonly DataCategorie[]; geen: string }) {
  if (categorieen.length === 0) return <Paragraph className="kk-muted">{geen}</Paragraph>;
  return (
    <ul className="kk-vk-categories">
      {categorieen.map((c) => (
        <li key={c}>
          <CategorieNaam categorie={c} />
        </li>
      ))}
    </ul>
  );
}

/** Label/value pairs as a description list. */
export function Definities({ items }: { items: readonly (readonly [string, ReactNode] | null | false)[] }) {
  return (
    <dl className="kk-vk-dl">
      {items.filter((i): i is readonly [string, ReactNode] => Boolean(i)).map(([label, value]) => (
        <div key={label} className="kk-vk-dl__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type RecordSoort = 'client' | 'traject' | 'melding';

/** One record of a package: every field that leaves, with its Dutch label and value as the recipient reads it. */
function RecordTabel({ soort, velden }: { soort: RecordSoort; velden: Record<string, unknown> }) {
  const { t } = useT();
  const labels = veldLabel[soort] as Record<string, string>;
  const rijen = Object.entries(velden).filter(([k, v]) => !INTERNE_DELEN.has(k) && v !== undefined);
  return (
    <DataTable
      caption={t(`vk.voorbeeld.${soort}`)}
      columns={[{ label: t('vk.voorbeeld.veld') }, { label: t('vk.voorbeeld.waarde') }]}
      rows={rijen}
      empty={t('vk.voorbeeld.leeg')}
      row={([k, v]) => (
        <TableRow key={k}>
          <TableCell lang="nl">{labels[k] ?? k}</TableCell>
          <TableCell className="kk-vk-value">{toonWaarde(v)}</TableCell>
        </TableRow>
      )}
    />
  );
}

/**
 * Exactly what would leave (verstrekkingen.preview): the cover and only the allowed fields, as
 * the core built them. Labels and values as in the package (in Dutch, as the recipient reads them).
 */
export function Voorbeeld({ inhoud, concept = false }: { inhoud: PakketInhoud; concept?: boolean }) {
  const { t } = useT();
  const v = inhoud.voorblad;
  const { client, traject, melding, journaal } = inhoud.gegevens;
  const leeg = !client && !traject && !melding && (!journaal || journaal.length === 0);
  return (
    <div className="kk-vk-preview" data-testid="vk-voorbeeld">
      <Heading level={4}>{t('vk.voorbeeld.voorblad')}</Heading>
      <Definities
        items={[
          !concept && [t('vk.veld.referentie'), v.referentie],
          [t('vk.veld.ontvanger'), v.ontvanger.naam],
          [t('vk.veld.doel'), v.doelNaam],
          [t('vk.veld.grondslag'), `${t(`vk.grondslag.${v.grondslag}`)} (${v.bepaling})`],
          v.uitzonderingen.length > 0 && [t('vk.veld.uitzonderingen'), v.uitzonderingen.map((u) => u.tekst).join('; ')],
          [t('vk.veld.afzender'), `${v.afzender.naam}, ${t(`profile.functie.${v.afzender.functie}`)}, ${v.afzender.organisatie}`],
          [t('vk.veld.kanaal'), t(`partners.kanaal.${v.kanaal}`)],
          !concept && [t('vk.veld.bewaartermijn'), v.bewaartermijn],
          !concept && [t('vk.veld.herbeoordeling'), formatDate(v.herbeoordelingOp)],
          [t('vk.veld.ruleSetVersie'), v.ruleSetVersie],
        ]}
      />
      {concept ? <Paragraph className="kk-muted kk-small">{t('vk.voorbeeld.conceptNoot')}</Paragraph> : null}
      <Heading level={4}>{t('vk.voorbeeld.gegevens')}</Heading>
      {leeg ? <Paragraph className="kk-muted">{t('vk.voorbeeld.geenGegevens')}</Paragraph> : null}
      {client ? <RecordTabel soort="client" velden={client} /> : null}
      {traject ? <RecordTabel soort="traject" velden={traject} /> : null}
      {melding ? <RecordTabel soort="melding" velden={melding} /> : null}
      {journaal && journaal.length > 0 ? (
        <DataTable
          caption={t('vk.voorbeeld.journaal')}
          columns={[{ label: t('vk.voorbeeld.datum') }, { label: t('vk.voorbeeld.soort') }, { label: t('vk.voorbeeld.tekst') }]}
          rows={journaal}
          row={(j, i) => (
            <TableRow key={i}>
              <TableCell>{formatDate(j.datum)}</TableCell>
              <TableCell>{j.soort}</TableCell>
              <TableCell className="kk-vk-value">{j.tekst}</TableCell>
            </TableRow>
          )}
        />
      ) : null}
    </div>
  );
}

/** One choice of a radio group, with an optional line of help under it. */
export interface Keuze {
  value: string;
  label: string;
  hint?: string | undefined;
}

/**
 * A group of radio buttons with its legend (which may be the screen's heading, as in the
 * wizard: the question is the legend), an optional help text and the field's error message.
 */
export function KeuzeGroep({ legend, name, value, options, onChange, hint, error, disabled }: { legend: ReactNode; name: string; value: string; options: readonly Keuze[]; onChange(value: string): void; hint?: ReactNode; error?: string | undefined; disabled?: boolean }) {
  return (
    <FieldsetShell className="kk-vk-choices" legend={legend} legendClassName="kk-fieldset__legend kk-vk-choices__legend" hint={hint} hintAs="div" hintClassName="kk-vk-choices__hint" error={error}>
      {(id) => (
        <div className="kk-vk-choices__list">
          {options.map((o) => (
            <label key={o.value} className="kk-vk-choice">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                name={name}
                value={o.value}
                checked={value === o.value}
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
                onChange={() => onChange(o.value)}
              />
              <span className="kk-vk-choice__text">
                <span className="kk-vk-choice__label">{o.label}</span>
                {o.hint ? (
                  <span id={`${id}-${o.value}-hint`} className="kk-vk-choice__hint">
                    {o.hint}
                  </span>
                ) : null}
              </span>
            </label>
          ))}
        </div>
      )}
    </FieldsetShell>
  );
}

/** "Bewaren en later verder": every answer is saved in the draft already, so this only leaves. */
export function LaterVerder() {
  const { t } = useT();
  const { openVerstrekkingen } = useAppStoreShallow(selectVkActions);
  return (
    <p className="kk-vk-later">
      <button type="button" className="kk-link-button" onClick={() => openVerstrekkingen({ screen: 'overzicht' })}>
        {t('vk.wizard.later')}
      </button>
      <span className="kk-muted kk-small"> {t('vk.wizard.laterHint')}</span>
    </p>
  );
}
