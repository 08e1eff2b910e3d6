import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { IsoDate, PseudonymCode } from '../../../shared/casework/common.schema';
import { Grondslag } from '../../../shared/stappenplan/ruleSet.schema';
import { RegisterSoort, type RegisterFilter, type RegisterRegel } from '../../../shared/verstrekkingen/register.schema';
import { toonMoment } from '../../../shared/verstrekkingen/weergave';
import { DateField } from '../../components/DateField';
import { formatNumber } from '../../components/dataBits';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../../components/formBits';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { rowAt } from '../../store/pagedList';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectPartners } from '../profile/profileSelectors';
import { selectVkActions, selectVkRegister, selectVkWrite } from './verstrekkingenSelectors';
import { VkMelding } from './vkBits';

/** The register's filter as its form edits it ('' is "any"). */
interface FilterForm {
  pseudoniem: string;
  partnerId: string;
  grondslag: string;
  van: string;
  tot: string;
  soort: string;
}

function toForm(f: RegisterFilter): FilterForm {
  return { pseudoniem: f.pseudoniem ?? '', partnerId: f.partnerId ?? '', grondslag: f.grondslag ?? '', van: f.van ?? '', tot: f.tot ?? '', soort: f.soort ?? '' };
}

/**
 * The verstrekkingenregister: every decision, approval, revocation, package, print, copy and
 * refusal, newest first; searched per cliënt (pseudonym), partner, ground and period (any
 * combination), read page by page in a virtual table; exported as CSV through main's save dialog.
 */
export function RegisterScreen() {
  const { t, language } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { list, filter, error } = useAppStoreShallow(selectVkRegister);
  const partners = useAppStore(selectPartners);
  const write = useAppStore(selectVkWrite);
  const { setRegisterFilter, refreshRegister, loadRegisterRows, exportRegister, loadPartners, openVerstrekkingen, resetVkWrite } = useAppStoreShallow(selectVkActions);
  const [form, setForm] = useState<FilterForm>(() => toForm(filter));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [said, setSaid] = useState('');
  const set = (key: keyof FilterForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    void loadPartners();
    // Read afresh each time the register opens; the first page is asked here, because the table's
    // own first request (its effect runs before this one) belongs to the list just emptied.
    refreshRegister();
    void loadRegisterRows(0, 0);
    return () => resetVkWrite();
  }, [loadPartners, refreshRegister, loadRegisterRows, resetVkWrite]);

  function zoek(event: FormEvent) {
    event.preventDefault();
    const e: FieldErrors = {};
    const pseudoniem = form.pseudoniem.trim().toUpperCase();
    if (pseudoniem !== '' && !PseudonymCode.safeParse(pseudoniem).success) e.pseudoniem = t('vk.register.pseudoniemFout');
    if (form.van !== '' && !IsoDate.safeParse(form.van).success) e.van = t('form.invalidDate');
    if (form.tot !== '' && !IsoDate.safeParse(form.tot).success) e.tot = t('form.invalidDate');
    if (!e.van && !e.tot && form.van !== '' && form.tot !== '' && form.van > form.tot) e.tot = t('vk.register.volgorde');
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    const next: RegisterFilter = {};
    if (pseudoniem) next.pseudoniem = pseudoniem;
    if (form.partnerId) next.partnerId = form.partnerId;
    const g = Grondslag.safeParse(form.grondslag);
    if (g.success) next.grondslag = g.data;
    if (form.van) next.van = form.van;
    if (form.tot) next.tot = form.tot;
    const s = RegisterSoort.safeParse(form.soort);
    if (s.success) next.soort = s.data;
    setSaid('');
    setRegisterFilter(next);
  }

  function wis() {
    setForm(toForm({}));
    setErrors({});
    setSaid('');
    setRegisterFilter({});
  }

  async function exporteer() {
    setSaid('');
    const result = await exportRegister();
    if (result) setSaid(!result.opgeslagen ? t('vk.register.exportGeannuleerd') : result.rijen === 1 ? t('vk.register.geexporteerdEen') : t('vk.register.geexporteerd', { n: result.rijen }));
  }

  const onRange = useCallback((first: number, last: number) => void loadRegisterRows(first, last), [loadRegisterRows]);

  const velden = (r: RegisterRegel) => r.velden.map((c) => t(`vk.cat.${c}`)).join(', ');
  const columns: Column<RegisterRegel>[] = [
    {
      key: 'op',
      header: t('vk.register.col.op'),
      cell: (r) => (
        <span className="kk-vk-cell2">
          <span>{toonMoment(r.op).split(' ')[0]}</span>
          <span className="kk-muted kk-small">{toonMoment(r.op).split(' ')[1]}</span>
        </span>
      ),
    },
    {
      key: 'soort',
      header: t('vk.register.col.soort'),
      cell: (r) => (
        <span className="kk-vk-cell2" title={r.reden}>
          <span className="kk-ellipsis">{t(`vk.soort.${r.soort}`)}</span>
          <span className="kk-ellipsis kk-muted kk-small">{r.reden ?? t('vk.register.door', { naam: r.door.naam })}</span>
        </span>
      ),
    },
    { key: 'client', header: t('vk.register.col.client'), cell: (r) => (r.pseudoniem ? <span className="kk-pseudonym">{r.pseudoniem}</span> : '—') },
    {
      key: 'ontvanger',
      header: t('vk.register.col.ontvanger'),
      cell: (r) => (
        <span className="kk-vk-cell2" title={r.ontvanger}>
          <span className="kk-ellipsis">{r.ontvanger ?? '—'}</span>
          <span className="kk-ellipsis kk-muted kk-small">{r.grondslag ? t(`vk.grondslag.${r.grondslag}`) : ''}</span>
        </span>
      ),
    },
    {
      key: 'velden',
      header: t('vk.register.col.velden'),
      cell: (r) => (
        <span className="kk-vk-clamp kk-small" title={velden(r)}>
          {r.velden.length === 0 ? '—' : velden(r)}
        </span>
      ),
    },
    {
      key: 'open',
      header: t('vk.register.col.besluit'),
      cell: (r) =>
        r.besluitId ? (
          <button type="button" className="kk-link-button kk-open-button kk-vk-ref" onClick={() => openVerstrekkingen({ screen: 'besluit', id: r.besluitId! })} aria-label={t('vk.register.openLabel', { ref: r.referentie ?? '' })}>
            {r.referentie ?? t('vk.record.open')}
          </button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <div className="kk-subpage kk-vk-register" data-testid="vk-register">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('vk.register.titel')}
      </Heading>
      <Paragraph className="kk-muted">{t('vk.register.uitleg')}</Paragraph>
      <form onSubmit={zoek} noValidate className="kk-panel kk-filters kk-vk-filters" aria-label={t('vk.register.zoeken')}>
        <ErrorSummary errors={errors} fieldName={(p) => `vk-r-${p}`} />
        <TextField label={t('vk.register.pseudoniem')} hint={t('vk.register.pseudoniemHint')} name="vk-r-pseudoniem" value={form.pseudoniem} onChange={set('pseudoniem')} error={errors.pseudoniem} className="kk-mono" />
        <DateField label={t('vk.register.van')} name="vk-r-van" value={form.van} onChange={set('van')} error={errors.van} />
        <DateField label={t('vk.register.tot')} name="vk-r-tot" value={form.tot} onChange={set('tot')} error={errors.tot} />
        <SelectField
          label={t('vk.register.partner')}
          name="vk-r-partnerId"
          value={form.partnerId}
          onChange={set('partnerId')}
          options={[{ value: '', label: t('vk.register.alle') }, ...partners.map((p) => ({ value: p.id, label: p.naam }))]}
        />
        <SelectField
          label={t('vk.register.grondslag')}
          name="vk-r-grondslag"
          value={form.grondslag}
          onChange={set('grondslag')}
          options={[{ value: '', label: t('vk.register.alle') }, ...Grondslag.options.map((g) => ({ value: g, label: t(`vk.grondslag.${g}`) }))]}
        />
        <SelectField
          label={t('vk.register.soort')}
          name="vk-r-soort"
          value={form.soort}
          onChange={set('soort')}
          options={[{ value: '', label: t('vk.register.alle') }, ...RegisterSoort.options.map((s) => ({ value: s, label: t(`vk.soort.${s}`) }))]}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('vk.register.zoekKnop')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={wis}>
            {t('vk.register.wis')}
          </Button>
        </ButtonGroup>
      </form>
      <div className="kk-vk-register__bar">
        <p className="kk-count" aria-live="polite">
          {list.total === null ? t('vk.register.laden') : list.total === 1 ? t('vk.register.aantalEen') : t('vk.register.aantal', { n: formatNumber(list.total, language) })}
        </p>
        <Button type="button" appearance="secondary-action-button" onClick={() => void exporteer()} disabled={write.busy}>
          {t('vk.register.export')}
        </Button>
      </div>
      <p role="status" className="kk-vk-said">
        {said}
      </p>
      <VkMelding error={error ?? write.error} />
      {list.total === 0 ? (
        <p className="kk-empty">{t('vk.register.leeg')}</p>
      ) : (
        <VirtualTable
          label={t('vk.register.titel')}
          columns={columns}
          total={list.total}
          rowAt={(i) => rowAt(list, i)}
          onRange={onRange}
          rowKey={(r) => r.id}
          template="6.5rem minmax(8rem, 1.3fr) 7.5rem minmax(8rem, 1.2fr) minmax(8rem, 1.5fr) 9rem"
          rowHeight={64}
        />
      )}
    </div>
  );
}
