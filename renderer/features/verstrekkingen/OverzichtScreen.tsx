import { Button, ButtonGroup, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { QuickSwitchHit } from '../../../shared/casework/query.schema';
import type { Concept } from '../../../shared/verstrekkingen/besluit.schema';
import { DataTable, formatDate } from '../../components/dataBits';
import { TextField } from '../../components/formBits';
import { Announce } from '../../components/screenBits';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectPartners } from '../profile/profileSelectors';
import { selectVkActions, selectVkConcepten, selectVkError, selectVkWrite } from './verstrekkingenSelectors';
import { VkMelding } from './vkBits';

/** Finds the traject a new disclosure is for, by pseudonym code or name. */
function TrajectKiezen() {
  const { t } = useT();
  const { zoekTrajecten, openVerstrekkingen } = useAppStoreShallow(selectVkActions);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<QuickSwitchHit[] | null>(null);
  const [fout, setFout] = useState<string | undefined>();
  const resultRef = useRef<HTMLParagraphElement>(null);

  async function zoek(event: FormEvent) {
    event.preventDefault();
    if (q.trim() === '') {
      setFout(t('vk.start.zoekLeeg'));
      return;
    }
    setFout(undefined);
    const gevonden = await zoekTrajecten(q.trim());
    setHits(gevonden ?? []);
    resultRef.current?.focus();
  }

  return (
    <section className="kk-panel" aria-labelledby="kk-vk-new-title">
      <Heading level={2} id="kk-vk-new-title">
        {t('vk.overzicht.nieuw')}
      </Heading>
      <Paragraph>{t('vk.overzicht.nieuwUitleg')}</Paragraph>
      <form onSubmit={(e) => void zoek(e)} noValidate className="kk-inline-form kk-vk-search">
        <TextField label={t('vk.start.zoek')} hint={t('vk.start.zoekHint')} name="vk-zoek" value={q} onChange={setQ} error={fout} />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('vk.start.zoekKnop')}
          </Button>
        </ButtonGroup>
      </form>
      <p className="kk-muted kk-small kk-vk-hits-status" ref={resultRef} tabIndex={-1} aria-live="polite">
        {hits === null ? '' : hits.length === 0 ? t('vk.start.geenTrajecten') : t('vk.start.trajectenGevonden', { n: hits.length })}
      </p>
      {hits && hits.length > 0 ? (
        <ul className="kk-vk-hits">
          {hits.map((h) => (
            <li key={h.id}>
              <span className="kk-pseudonym">{h.pseudoniem}</span> <span className="kk-muted">{h.naam}</span>
              {h.fase ? <span className="kk-muted kk-small"> · {t(`cw.fase.${h.fase}`)}</span> : null}
              <Button type="button" appearance="secondary-action-button" onClick={() => openVerstrekkingen({ screen: 'nieuw', trajectId: h.id })} aria-label={t('vk.start.kiesTrajectLabel', { code: h.pseudoniem })}>
                {t('vk.start.kiesTraject')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The open drafts: resume one, or throw it away (after asking). */
function Concepten() {
  const { t } = useT();
  const listRef = useRef<HTMLHeadingElement>(null);
  const concepten = useAppStore(selectVkConcepten);
  const partners = useAppStore(selectPartners);
  const write = useAppStore(selectVkWrite);
  const { openVerstrekkingen, discardConcept } = useAppStoreShallow(selectVkActions);
  const [vraag, setVraag] = useState<Concept | null>(null);
  const [said, setSaid] = useState('');
  const partnerNaam = (id: string) => partners.find((p) => p.id === id)?.naam ?? id;

  return (
    <section className="kk-panel" aria-labelledby="kk-vk-drafts-title">
      <Heading level={2} id="kk-vk-drafts-title" ref={listRef} tabIndex={-1}>
        {t('vk.overzicht.concepten')}
      </Heading>
      <Paragraph>{t('vk.overzicht.conceptenUitleg')}</Paragraph>
      <Announce text={said} />
      <DataTable
        caption={t('vk.overzicht.concepten')}
        captionHidden
        empty={t('vk.overzicht.geenConcepten')}
        columns={[{ label: t('vk.col.client') }, { label: t('vk.col.ontvanger') }, { label: t('vk.col.doel') }, { label: t('vk.col.bewaard') }, { label: t('vk.col.acties'), hidden: true }]}
        rows={concepten}
        row={(c) => (
          <TableRow key={c.id} data-concept={c.id}>
            <TableCell>
              <span className="kk-pseudonym">{c.pseudoniem}</span>
            </TableCell>
            <TableCell>{partnerNaam(c.partnerId)}</TableCell>
            <TableCell>{t(`vk.doel.${c.doel}`)}</TableCell>
            <TableCell>{formatDate(c.bijgewerkt)}</TableCell>
            <TableCell>
              {vraag?.id === c.id ? (
                <div role="group" aria-label={t('vk.concept.weggooienVraag')} className="kk-vk-confirm">
                  <p className="kk-small">{t('vk.concept.weggooienVraag')}</p>
                  <ButtonGroup>
                    <Button
                      type="button"
                      appearance="primary-action-button"
                      disabled={write.busy}
                      onClick={async () => {
                        if (await discardConcept(c)) {
                          setVraag(null);
                          setSaid(t('vk.concept.weggegooid'));
                          listRef.current?.focus();
                        }
                      }}
                    >
                      {t('vk.concept.weggooienJa')}
                    </Button>
                    <Button type="button" appearance="secondary-action-button" onClick={() => setVraag(null)}>
                      {t('vk.annuleren')}
                    </Button>
                  </ButtonGroup>
                </div>
              ) : (
                <ButtonGroup>
                  <Button type="button" appearance="secondary-action-button" onClick={() => openVerstrekkingen({ screen: 'wizard', conceptId: c.id })} aria-label={t('vk.concept.verderLabel', { code: c.pseudoniem })}>
                    {t('vk.concept.verder')}
                  </Button>
                  <Button type="button" appearance="subtle-button" onClick={() => setVraag(c)} aria-label={t('vk.concept.weggooienLabel', { code: c.pseudoniem })}>
                    {t('vk.concept.weggooien')}
                  </Button>
                </ButtonGroup>
              )}
            </TableCell>
          </TableRow>
        )}
      />
      <VkMelding error={write.error} />
    </section>
  );
}

/** The start of the area: begin a disclosure for a traject, and the drafts to resume. */
export function OverzichtScreen() {
  const error = useAppStore(selectVkError);
  const { loadConcepten, loadPartners, resetVkWrite } = useAppStoreShallow(selectVkActions);
  useEffect(() => {
    void loadConcepten();
    void loadPartners();
    return () => resetVkWrite();
  }, [loadConcepten, loadPartners, resetVkWrite]);
  return (
    <div className="kk-subpage" data-testid="vk-overzicht">
      <VkMelding error={error} />
      <TrajectKiezen />
      <Concepten />
    </div>
  );
}
