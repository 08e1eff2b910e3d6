import { Button, ButtonGroup, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { gemeenten } from '../../../shared/casework/gemeenten';
import { Kanaal, PartnerCategorie, PartnerFields, type Partner } from '../../../shared/partners/partner.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Badge, DataTable, formatDate } from '../../components/dataBits';
import { blankToUndefined, CheckboxField, ErrorSummary, type FieldErrors, SelectField, serverErrors, TextareaField, TextField, validateWith } from '../../components/formBits';
import { Announce, SubmitRow } from '../../components/screenBits';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { BackToSettings } from './ProfileScreen';
import { selectPartners, selectPartnerWrite, selectProfielError, selectProfileActions } from './profileSelectors';
import './profile.css';

/** A partner as its form edits it (an empty select is "not chosen yet"). */
interface PartnerForm {
  naam: string;
  categorie: string;
  beroepsgeheim: '' | 'ja' | 'nee';
  rieconvenant: boolean;
  contact: string;
  kanaal: string;
  regio: string;
  toelichting: string;
}

function toForm(p: Partner | null): PartnerForm {
  return {
    naam: p?.naam ?? '',
    categorie: p?.categorie ?? '',
    beroepsgeheim: p?.medischBeroepsgeheim === undefined ? '' : p.medischBeroepsgeheim ? 'ja' : 'nee',
    rieconvenant: p?.rieconvenant ?? false,
    contact: p?.contact ?? '',
    kanaal: p?.kanaal ?? '',
    regio: p?.regio ?? '',
    toelichting: p?.toelichting ?? '',
  };
}

/** The form as PartnerFields input: the beroepsgeheim answer only for zorg, empty optional fields left out. */
export function partnerInput(f: PartnerForm): Record<string, unknown> {
  const input: Record<string, unknown> = { naam: f.naam.trim(), categorie: f.categorie || undefined, rieconvenant: f.rieconvenant, contact: f.contact.trim(), kanaal: f.kanaal || undefined };
  if (f.categorie === 'zorg') input.medischBeroepsgeheim = f.beroepsgeheim === '' ? undefined : f.beroepsgeheim === 'ja';
  const regio = blankToUndefined(f.regio);
  if (regio) input.regio = regio;
  const toelichting = blankToUndefined(f.toelichting);
  if (toelichting) input.toelichting = toelichting;
  return input;
}

/** Add (partner null) or change one partner. */
function PartnerEditor({ partner, onDone }: { partner: Partner | null; onDone(saved: Partner | null): void }) {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const write = useAppStore(selectPartnerWrite);
  const { savePartner } = useAppStoreShallow(selectProfileActions);
  const { form, errors, set, submit } = useCheckedForm<PartnerForm, PartnerFields>(toForm(partner), {
    check: (f) => validateWith(PartnerFields, partnerInput(f), t),
    save: async (fields) => {
      const saved = await savePartner(partner ? { id: partner.id, version: partner.version, fields } : { fields });
      if (saved) onDone(saved);
      return saved !== null;
    },
  });
  const shown: FieldErrors = { ...serverErrors(write.error), ...errors };
  const choose = { value: '', label: t('profile.choose') };

  return (
    <section className="kk-panel" aria-labelledby="kk-partner-form-title">
      <Heading level={2} id="kk-partner-form-title" ref={titleRef} tabIndex={-1}>
        {partner ? t('partners.form.editTitle', { naam: partner.naam }) : t('partners.form.addTitle')}
      </Heading>
      <form onSubmit={submit} noValidate aria-busy={write.busy} className="kk-partner-form">
        <ErrorAlert error={write.error} />
        <ErrorSummary errors={shown} />
        <TextField label={t('partners.naam')} name="naam" value={form.naam} onChange={set('naam')} error={shown.naam} />
        <SelectField
          label={t('partners.categorie')}
          hint={t('partners.categorieHint')}
          name="categorie"
          value={form.categorie}
          onChange={set('categorie')}
          error={shown.categorie}
          options={[choose, ...PartnerCategorie.options.map((c) => ({ value: c, label: t(`partners.categorie.${c}`) }))]}
        />
        {form.categorie === 'zorg' ? (
          <SelectField
            label={t('partners.medischBeroepsgeheim')}
            hint={t('partners.medischBeroepsgeheimHint')}
            name="medischBeroepsgeheim"
            value={form.beroepsgeheim}
            onChange={(v) => set('beroepsgeheim')(v === 'ja' || v === 'nee' ? v : '')}
            error={shown.medischBeroepsgeheim}
            options={[choose, { value: 'ja', label: t('partners.ja') }, { value: 'nee', label: t('partners.nee') }]}
          />
        ) : null}
        <CheckboxField label={t('partners.rieconvenant')} name="rieconvenant" checked={form.rieconvenant} onChange={set('rieconvenant')} />
        <TextField label={t('partners.contact')} hint={t('partners.contactHint')} name="contact" value={form.contact} onChange={set('contact')} error={shown.contact} />
        <SelectField
          label={t('partners.kanaal')}
          name="kanaal"
          value={form.kanaal}
          onChange={set('kanaal')}
          error={shown.kanaal}
          options={[choose, ...Kanaal.options.map((k) => ({ value: k, label: t(`partners.kanaal.${k}`) }))]}
        />
        <SelectField
          label={t('partners.regio')}
          name="regio"
          value={form.regio}
          onChange={set('regio')}
          error={shown.regio}
          options={[{ value: '', label: t('partners.regioGeen') }, ...gemeenten.regios.map((r) => ({ value: r.regio, label: r.naam }))]}
        />
        <TextareaField label={t('partners.toelichting')} name="toelichting" rows={2} optional value={form.toelichting} onChange={set('toelichting')} error={shown.toelichting} />
        <SubmitRow label={t('partners.form.save')} busy={write.busy} disabled={write.busy} primary>
          <Button type="button" appearance="secondary-action-button" disabled={write.busy} onClick={() => onDone(null)}>
            {t('partners.cancel')}
          </Button>
        </SubmitRow>
      </form>
    </section>
  );
}

/** What the row says about a partner besides its name: beroepsgeheim (zorg only) and the RIEC convenant. */
function Tags({ p }: { p: Partner }) {
  const { t } = useT();
  return (
    <span className="kk-partner-tags">
      {p.medischBeroepsgeheim !== undefined ? <Badge tone="info">{p.medischBeroepsgeheim ? t('partners.beroepsgeheim.ja') : t('partners.beroepsgeheim.nee')}</Badge> : null}
      {p.rieconvenant ? <Badge>{t('partners.riec')}</Badge> : null}
    </span>
  );
}

/** Asks before removing: focus moves to the question, so a keyboard user hears it first. */
function RemoveConfirm({ partner, busy, onConfirm, onCancel }: { partner: Partner; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useT();
  const questionRef = useFocusOnMount<HTMLParagraphElement>();
  return (
    <div className="kk-partner-confirm" role="group" aria-label={t('partners.removeLabel', { naam: partner.naam })}>
      <p className="kk-profile-note" ref={questionRef} tabIndex={-1}>
        {t('partners.confirmRemove', { naam: partner.naam })}
      </p>
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" disabled={busy} onClick={onConfirm}>
          {t('partners.confirmRemoveYes')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('partners.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/**
 * The partner register: every organisation with its category, contact and channel; add, change,
 * retire or take back. Only a partner nothing refers to can be removed (the core decides; the
 * screen does not offer it for a used one and says why).
 */
export function PartnersScreen() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const listRef = useRef<HTMLHeadingElement>(null);
  const partners = useAppStore(selectPartners);
  const loadError = useAppStore(selectProfielError);
  const write = useAppStore(selectPartnerWrite);
  const { loadPartners, retirePartner, reactivatePartner, removePartner, resetProfileWrites } = useAppStoreShallow(selectProfileActions);
  const [editing, setEditing] = useState<Partner | 'nieuw' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  useEffect(() => {
    void loadPartners();
    return () => resetProfileWrites();
  }, [loadPartners, resetProfileWrites]);

  const done = (text: string) => {
    setSaid(text);
    listRef.current?.focus();
  };

  return (
    <section className="kk-page" aria-labelledby="kk-page-title">
      <Heading level={1} id="kk-page-title" ref={titleRef} tabIndex={-1} className="kk-screen-title">
        {t('partners.title')}
      </Heading>
      <BackToSettings />
      <Paragraph>{t('partners.intro')}</Paragraph>
      <Announce text={said} />
      <ErrorAlert error={loadError} />
      {editing === null ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="primary-action-button"
            onClick={() => {
              resetProfileWrites();
              setEditing('nieuw');
            }}
          >
            {t('partners.add')}
          </Button>
        </ButtonGroup>
      ) : (
        <PartnerEditor
          key={editing === 'nieuw' ? 'nieuw' : `${editing.id}@${editing.version}`}
          partner={editing === 'nieuw' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            done(saved ? t('partners.saved', { naam: saved.naam }) : '');
          }}
        />
      )}
      {editing === null ? <ErrorAlert error={write.error} /> : null}
      <Heading level={2} ref={listRef} tabIndex={-1} className="kk-partners-heading">
        {t('partners.table')}
      </Heading>
      <div className="kk-partners">
        <DataTable
          caption={t('partners.table')}
          captionHidden
          empty={t('partners.loading')}
          columns={[
            { label: t('partners.col.naam') },
            { label: t('partners.col.categorie') },
            { label: t('partners.col.kanaal') },
            { label: t('partners.col.status') },
            { label: t('partners.col.acties'), hidden: true },
          ]}
          rows={partners}
          row={(p) => (
            <TableRow key={p.id} data-partner={p.id}>
              <TableCell>
                <span className="kk-name">{p.naam}</span>
                <p className="kk-profile-note">{p.contact}</p>
                {p.herkomst === 'eigen' ? <Badge tone="neutral">{t('partners.eigen')}</Badge> : null}
              </TableCell>
              <TableCell>
                {t(`partners.categorie.${p.categorie}`)}
                <Tags p={p} />
              </TableCell>
              <TableCell>{t(`partners.kanaal.${p.kanaal}`)}</TableCell>
              <TableCell>
                {p.actief ? t('partners.status.actief') : <Badge tone="warn">{t('partners.status.retired', { date: formatDate(p.buitenGebruikSinds ?? '') })}</Badge>}
                {p.inGebruik ? (
                  <span className="kk-partner-tags">
                    <Badge tone="info">{t('partners.inGebruik')}</Badge>
                  </span>
                ) : null}
              </TableCell>
              <TableCell>
                <div className="kk-partner-actions">
                  <Button
                    type="button"
                    appearance="subtle-button"
                    disabled={write.busy}
                    aria-label={t('partners.editLabel', { naam: p.naam })}
                    onClick={() => {
                      resetProfileWrites();
                      setConfirming(null);
                      setEditing(p);
                    }}
                  >
                    {t('partners.edit')}
                  </Button>
                  {p.actief ? (
                    <Button
                      type="button"
                      appearance="subtle-button"
                      disabled={write.busy}
                      aria-label={t('partners.retireLabel', { naam: p.naam })}
                      onClick={async () => {
                        if (await retirePartner(p)) done(t('partners.retired', { naam: p.naam }));
                      }}
                    >
                      {t('partners.retire')}
                    </Button>
                  ) : (
                    <Button
                      type="button"
                      appearance="subtle-button"
                      disabled={write.busy}
                      aria-label={t('partners.reactivateLabel', { naam: p.naam })}
                      onClick={async () => {
                        if (await reactivatePartner(p)) done(t('partners.reactivated', { naam: p.naam }));
                      }}
                    >
                      {t('partners.reactivate')}
                    </Button>
                  )}
                  {p.inGebruik ? null : (
                    <Button type="button" appearance="subtle-button" disabled={write.busy} aria-label={t('partners.removeLabel', { naam: p.naam })} onClick={() => setConfirming(p.id)}>
                      {t('partners.remove')}
                    </Button>
                  )}
                </div>
                {p.inGebruik ? <p className="kk-profile-note">{t('partners.usedNote')}</p> : null}
                {confirming === p.id ? (
                  <RemoveConfirm
                    partner={p}
                    busy={write.busy}
                    onCancel={() => setConfirming(null)}
                    onConfirm={async () => {
                      setConfirming(null);
                      if (await removePartner(p)) done(t('partners.removed', { naam: p.naam }));
                    }}
                  />
                ) : null}
              </TableCell>
            </TableRow>
          )}
        />
      </div>
    </section>
  );
}
