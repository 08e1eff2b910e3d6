import { Button, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { DataCategorie, dataCategorieKlasse } from '../../../shared/stappenplan/dataCategories';
import type { Doel } from '../../../shared/stappenplan/ruleSet.schema';
import { Badge, DataTable, formatDate } from '../../components/dataBits';
import { ErrorSummary, SelectField, serverErrors, type FieldErrors } from '../../components/formBits';
import { SubmitRow } from '../../components/screenBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectPartners } from '../profile/profileSelectors';
import { selectVkActions, selectVkError, selectVkRegels, selectVkTraject, selectVkTrajectBesluiten, selectVkWrite } from './verstrekkingenSelectors';
import { CategorieNaam, KeuzeGroep, StapVoortgang, ToestemmingenLijst, VkMelding } from './vkBits';

/** One data category as a checkbox (with its special or criminal-law label). */
function GegevenVinkje({ categorie, gekozen, onChange }: { categorie: DataCategorie; gekozen: readonly DataCategorie[]; onChange(c: DataCategorie[]): void }) {
  return (
    <li className="kk-vk-data__item">
      <label className="kk-vk-check">
        <input
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          name="vk-gegevens"
          value={categorie}
          checked={gekozen.includes(categorie)}
          onChange={(e) => onChange(e.target.checked ? [...gekozen, categorie] : gekozen.filter((x) => x !== categorie))}
        />
        <span>
          <CategorieNaam categorie={categorie} />
        </span>
      </label>
    </li>
  );
}

/** The data categories as checkboxes: the purpose's proposal (ticked at first), and apart the ones it does not need. */
export function GegevensKeuze({ gekozen, voorstel, onChange }: { gekozen: readonly DataCategorie[]; voorstel: readonly DataCategorie[] | null; onChange(c: DataCategorie[]): void }) {
  const { t } = useT();
  const voorgesteld = voorstel === null ? DataCategorie.options : DataCategorie.options.filter((c) => voorstel.includes(c));
  const anderen = voorstel === null ? [] : DataCategorie.options.filter((c) => !voorstel.includes(c));
  return (
    <fieldset className="kk-fieldset kk-vk-data" aria-describedby="kk-vk-data-hint">
      <legend className="kk-fieldset__legend">{t('vk.start.gegevens')}</legend>
      <p id="kk-vk-data-hint" className="utrecht-form-field__description kk-hint">
        {voorstel === null ? t('vk.start.gegevensEerstDoel') : voorstel.length === 0 ? t('vk.start.gegevensGeen') : t('vk.start.gegevensHint')}
      </p>
      {voorgesteld.length > 0 ? (
        <>
          {voorstel !== null ? <p className="kk-vk-data__group">{t('vk.start.voorstel')}</p> : null}
          <ul className="kk-vk-data__list">
            {voorgesteld.map((c) => (
              <GegevenVinkje key={c} categorie={c} gekozen={gekozen} onChange={onChange} />
            ))}
          </ul>
        </>
      ) : null}
      {anderen.length > 0 ? (
        <details className="kk-vk-data__others" open={anderen.some((c) => gekozen.includes(c))}>
          <summary>
            {t('vk.start.anderen')} ({anderen.length})
          </summary>
          <p className="kk-muted kk-small">{t('vk.start.anderenHint')}</p>
          <ul className="kk-vk-data__list">
            {anderen.map((c) => (
              <GegevenVinkje key={c} categorie={c} gekozen={gekozen} onChange={onChange} />
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}

/**
 * Step 0 of the stappenplan: for one traject, which organisation receives data (from the partner
 * register, with its category), what for, and which data is asked for. The traject's consents
 * and earlier decisions are shown beside it. Starting makes a draft; the core checks everything.
 */
export function StartScreen({ trajectId }: { trajectId: string }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const traject = useAppStore(selectVkTraject);
  const besluiten = useAppStore(selectVkTrajectBesluiten);
  const regels = useAppStore(selectVkRegels);
  const partners = useAppStore(selectPartners);
  const error = useAppStore(selectVkError);
  const write = useAppStore(selectVkWrite);
  const { loadStart, loadPartners, createConcept, openVerstrekkingen, resetVkWrite } = useAppStoreShallow(selectVkActions);
  const [partnerId, setPartnerId] = useState('');
  const [doel, setDoel] = useState<Doel | ''>('');
  const [gegevens, setGegevens] = useState<DataCategorie[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    void loadStart(trajectId);
    void loadPartners();
    return () => resetVkWrite();
  }, [trajectId, loadStart, loadPartners, resetVkWrite]);

  const huidig = traject && traject.traject.id === trajectId ? traject : null;
  const partner = partners.find((p) => p.id === partnerId);
  const doelen = regels?.inhoud.doelen ?? [];
  const passend = partner ? doelen.filter((d) => d.ontvangers.includes(partner.categorie)) : [];
  const gekozenDoel = doelen.find((d) => d.id === doel);
  const shown: FieldErrors = { ...serverErrors(write.error), ...errors };

  function kiesPartner(id: string) {
    setPartnerId(id);
    const p = partners.find((x) => x.id === id);
    // A purpose that does not fit the new recipient is no longer chosen.
    if (p && gekozenDoel && !gekozenDoel.ontvangers.includes(p.categorie)) {
      setDoel('');
      setGegevens([]);
    }
  }

  function kiesDoel(id: string) {
    const d = doelen.find((x) => x.id === id);
    if (!d) return;
    setDoel(d.id);
    // The proposal: what this purpose can need at most (dataminimalisatie); the person takes away the rest.
    setGegevens([...d.gegevens]);
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    const e: FieldErrors = {};
    if (!partnerId) e.partnerId = t('vk.start.kiesOntvanger');
    if (!doel) e.doel = t('vk.start.kiesDoel');
    setErrors(e);
    if (Object.keys(e).length > 0 || !doel) return;
    await createConcept({ trajectId, partnerId, doel, gevraagdeGegevens: DataCategorie.options.filter((c) => gegevens.includes(c)) });
  }

  return (
    <div className="kk-subpage kk-vk-wizard" data-testid="vk-start">
      <StapVoortgang stap={0} />
      <div className="kk-vk-question">
        <Heading level={2} ref={headingRef} tabIndex={-1} className="kk-vk-question__title" data-testid="vk-vraag">
          {t('vk.start.vraag')}
        </Heading>
        <div className="kk-vk-help">
          <Paragraph>{t('vk.start.uitleg')}</Paragraph>
        </div>
        {huidig ? (
          <p className="kk-vk-traject">
            {t('vk.start.traject')} <span className="kk-pseudonym">{huidig.traject.pseudoniem}</span>
          </p>
        ) : null}
        <VkMelding error={error} />
        <form onSubmit={(e) => void start(e)} noValidate aria-busy={write.busy}>
          <VkMelding error={write.error && write.error.code !== 'INVALID_INPUT' ? write.error : null} />
          <ErrorSummary errors={shown} fieldName={(p) => (p === 'partnerId' ? 'vk-partner' : p === 'doel' ? 'vk-doel' : undefined)} />
          <SelectField
            label={t('vk.start.ontvanger')}
            hint={t('vk.start.ontvangerHint')}
            name="vk-partner"
            value={partnerId}
            onChange={kiesPartner}
            error={shown.partnerId}
            options={[
              { value: '', label: t('profile.choose') },
              ...partners.filter((p) => p.actief).map((p) => ({ value: p.id, label: `${p.naam} (${t(`partners.categorie.${p.categorie}`)})` })),
            ]}
          />
          {partner ? (
            <p className="kk-muted kk-small">
              {t('vk.start.categorie', { categorie: t(`partners.categorie.${partner.categorie}`) })}
              {partner.medischBeroepsgeheim ? ` ${t('vk.start.beroepsgeheim')}` : ''}
            </p>
          ) : null}
          {partner ? (
            <KeuzeGroep
              legend={t('vk.start.doel')}
              name="vk-doel"
              value={doel}
              onChange={kiesDoel}
              error={shown.doel}
              hint={passend.length === 0 ? t('vk.start.geenDoel') : t('vk.start.doelHint')}
              options={passend.map((d) => ({ value: d.id, label: t(`vk.doel.${d.id}`), hint: d.uitleg }))}
            />
          ) : (
            <p className="kk-muted">{t('vk.start.eerstOntvanger')}</p>
          )}
          {partner && gekozenDoel ? <GegevensKeuze gekozen={gegevens} voorstel={gekozenDoel.gegevens} onChange={setGegevens} /> : null}
          {gegevens.some((c) => dataCategorieKlasse[c] === 'bijzonder' || dataCategorieKlasse[c] === 'strafrechtelijk') ? <p className="kk-vk-note">{t('vk.start.bijzonderNote')}</p> : null}
          <SubmitRow label={t('vk.start.knop')} busy={write.busy} disabled={write.busy} primary>
            <Button type="button" appearance="secondary-action-button" onClick={() => openVerstrekkingen({ screen: 'overzicht' })}>
              {t('vk.annuleren')}
            </Button>
          </SubmitRow>
        </form>
      </div>
      <aside className="kk-vk-side" aria-label={t('vk.side.label')}>
        <ToestemmingenLijst toestemmingen={huidig?.toestemmingen ?? []} />
        <section aria-labelledby="kk-vk-earlier-title" className="kk-vk-earlier">
          <Heading level={3} id="kk-vk-earlier-title">
            {t('vk.start.eerder')}
          </Heading>
          <DataTable
            caption={t('vk.start.eerder')}
            captionHidden
            empty={t('vk.start.geenEerder')}
            columns={[{ label: t('vk.col.datum') }, { label: t('vk.col.ontvanger') }, { label: t('vk.col.staat') }]}
            rows={besluiten}
            row={(b) => (
              <TableRow key={b.id}>
                <TableCell>{formatDate(b.genomenOp)}</TableCell>
                <TableCell>
                  <button type="button" className="kk-link-button" onClick={() => openVerstrekkingen({ screen: 'besluit', id: b.id })}>
                    {b.ontvanger.naam}
                  </button>
                  <div className="kk-muted kk-small">{t(`vk.doel.${b.doel}`)}</div>
                </TableCell>
                <TableCell>
                  <Badge tone={b.staat === 'bruikbaar' ? 'ok' : 'neutral'}>{t(`vk.staat.${b.staat}`)}</Badge>
                </TableCell>
              </TableRow>
            )}
          />
        </section>
      </aside>
    </div>
  );
}
