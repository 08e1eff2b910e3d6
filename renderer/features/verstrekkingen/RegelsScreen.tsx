import { Button, ButtonGroup, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { StappenplanFile } from '../../../shared/stappenplan/ruleSet.schema';
import { toonMoment } from '../../../shared/verstrekkingen/weergave';
import { Badge, DataTable, formatDate } from '../../components/dataBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectVkActions, selectVkError, selectVkVersies, selectVkWrite } from './verstrekkingenSelectors';
import { Categorieen, STAPPEN, stapNaamKey, VkMelding } from './vkBits';

/** One version of the rule set to read: its sources, purposes, questions per step and rules. */
function RegelsetLezen({ regels, onSluit }: { regels: StappenplanFile; onSluit(): void }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const bronnen = new Map(regels.inhoud.bronnen.map((b) => [b.id, b]));
  return (
    <section className="kk-panel kk-vk-ruleset" aria-labelledby="kk-vk-ruleset-title" data-testid="vk-regelset">
      <Heading level={3} id="kk-vk-ruleset-title" ref={headingRef} tabIndex={-1}>
        {t('vk.regels.lezenTitel', { versie: regels.versie })}
      </Heading>
      <Paragraph lang="nl">{regels.toelichting}</Paragraph>
      {regels.geldigVanaf ? <Paragraph className="kk-muted">{t('vk.regels.geldigVanaf', { datum: formatDate(regels.geldigVanaf) })}</Paragraph> : null}
      <details className="kk-vk-details">
        <summary>{t('vk.regels.doelen', { n: regels.inhoud.doelen.length })}</summary>
        <ul className="kk-vk-rule-list" lang="nl">
          {regels.inhoud.doelen.map((d) => (
            <li key={d.id}>
              <strong>{d.naam}</strong> — {d.uitleg}
              <div className="kk-small kk-muted">{t('vk.regels.doelOntvangers', { lijst: d.ontvangers.map((c) => t(`partners.categorie.${c}`)).join(', ') })}</div>
              <div className="kk-small">
                <Categorieen categorieen={d.gegevens} geen={t('vk.regels.geenGegevens')} />
              </div>
            </li>
          ))}
        </ul>
      </details>
      <details className="kk-vk-details">
        <summary>{t('vk.regels.vragen', { n: regels.inhoud.vragen.length })}</summary>
        {STAPPEN.map((stap) => {
          const vragen = regels.inhoud.vragen.filter((v) => v.stap === stap);
          if (vragen.length === 0) return null;
          return (
            <div key={stap}>
              <Heading level={4}>{t('vk.voortgang.tekst', { n: stap, naam: t(stapNaamKey(stap)) })}</Heading>
              <ul className="kk-vk-rule-list" lang="nl">
                {vragen.map((v) => (
                  <li key={v.id}>
                    <strong>{v.tekst}</strong>
                    <div className="kk-small">{v.uitleg}</div>
                    <div className="kk-small kk-muted">{v.antwoorden.map((a) => a.tekst).join(' · ')}</div>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </details>
      <details className="kk-vk-details">
        <summary>{t('vk.regels.regels', { n: regels.inhoud.regels.length })}</summary>
        <ol className="kk-vk-rule-list" lang="nl">
          {regels.inhoud.regels.map((r) => (
            <li key={r.id}>
              <span className="kk-mono kk-small">{r.id}</span> <Badge>{t('vk.regels.stap', { n: r.stap })}</Badge>
              <div>{r.tekst}</div>
              <div className="kk-small kk-muted">{r.bronnen.map((id) => bronnen.get(id)?.titel ?? id).join(' · ')}</div>
            </li>
          ))}
        </ol>
      </details>
      <details className="kk-vk-details">
        <summary>{t('vk.regels.bronnen', { n: regels.inhoud.bronnen.length })}</summary>
        <ul className="kk-vk-rule-list" lang="nl">
          {regels.inhoud.bronnen.map((b) => (
            <li key={b.id}>
              {b.titel}
              {b.document ? <span className="kk-muted kk-small"> · {b.regel ? t('vk.bron.documentRegel', { document: b.document, regel: b.regel }) : t('vk.bron.document', { document: b.document })}</span> : null}
            </li>
          ))}
        </ul>
      </details>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" onClick={onSluit}>
          {t('vk.regels.sluit')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

/**
 * The stappenplan's rule set for the privacy officer: every version in this vault (the current
 * one, where it came from, its SHA-256, how many decisions used it), reading any version, and
 * importing a new one through main's open dialog (the core validates it and records the import).
 */
export function RegelsScreen() {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const tableRef = useRef<HTMLHeadingElement>(null);
  const versies = useAppStore(selectVkVersies);
  const error = useAppStore(selectVkError);
  const write = useAppStore(selectVkWrite);
  const { loadVersies, readRegelset, importRegelset, resetVkWrite } = useAppStoreShallow(selectVkActions);
  const [lezen, setLezen] = useState<StappenplanFile | null>(null);
  const [said, setSaid] = useState('');

  useEffect(() => {
    void loadVersies();
    return () => resetVkWrite();
  }, [loadVersies, resetVkWrite]);

  async function importeer() {
    setSaid('');
    const versie = await importRegelset();
    if (versie === false) return;
    setSaid(versie === null ? t('vk.regels.importGeannuleerd') : t('vk.regels.geimporteerd', { versie }));
    tableRef.current?.focus();
  }

  return (
    <div className="kk-subpage kk-vk-rules" data-testid="vk-regels">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('vk.regels.titel')}
      </Heading>
      <Paragraph className="kk-muted">{t('vk.regels.uitleg')}</Paragraph>
      <VkMelding error={error} />
      <Heading level={3} ref={tableRef} tabIndex={-1}>
        {t('vk.regels.versies')}
      </Heading>
      <DataTable
        caption={t('vk.regels.versies')}
        captionHidden
        empty={t('vk.regels.laden')}
        columns={[{ label: t('vk.regels.col.versie') }, { label: t('vk.regels.col.herkomst') }, { label: t('vk.regels.col.besluiten'), numeric: true }, { label: t('vk.regels.col.sha') }, { label: t('vk.regels.col.acties'), hidden: true }]}
        rows={versies}
        row={(v) => (
          <TableRow key={v.versie} data-versie={v.versie}>
            <TableCell>
              <strong>{v.versie}</strong> {v.actueel ? <Badge tone="ok">{t('vk.regels.actueel')}</Badge> : null}
              {v.geldigVanaf ? <div className="kk-small kk-muted">{t('vk.regels.geldigVanaf', { datum: formatDate(v.geldigVanaf) })}</div> : null}
            </TableCell>
            <TableCell>
              {t(`vk.regels.herkomst.${v.herkomst}`)}
              <div className="kk-small kk-muted">{toonMoment(v.opgenomenOp)}</div>
            </TableCell>
            <TableCell numericColumn>{v.besluiten}</TableCell>
            <TableCell>
              <span className="kk-mono kk-small kk-vk-sha">{v.sha256}</span>
            </TableCell>
            <TableCell>
              <Button
                type="button"
                appearance="secondary-action-button"
                aria-label={t('vk.regels.lezenLabel', { versie: v.versie })}
                onClick={async () => {
                  const r = await readRegelset(v.versie);
                  if (r) setLezen(r);
                }}
              >
                {t('vk.regels.lezen')}
              </Button>
            </TableCell>
          </TableRow>
        )}
      />
      {lezen ? (
        <RegelsetLezen
          key={lezen.versie}
          regels={lezen}
          onSluit={() => {
            setLezen(null);
            tableRef.current?.focus();
          }}
        />
      ) : null}
      <section className="kk-panel" aria-labelledby="kk-vk-import-title">
        <Heading level={3} id="kk-vk-import-title">
          {t('vk.regels.importTitel')}
        </Heading>
        <Paragraph>{t('vk.regels.importUitleg')}</Paragraph>
        <VkMelding error={write.error} />
        <p role="status" className="kk-vk-said">
          {said}
        </p>
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => void importeer()} disabled={write.busy}>
            {t('vk.regels.importKnop')}
          </Button>
        </ButtonGroup>
      </section>
    </div>
  );
}
