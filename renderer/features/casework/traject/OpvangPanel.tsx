import { Button, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { crisisopvangGrens, opvangBezwaren, type OpvangBezwaar } from '../../../../shared/casework/opvang';
import { Opvang, trajectFieldSensitivity, type TrajectDetail } from '../../../../shared/casework/traject.schema';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { Badge, DataTable, formatDate } from '../../../components/dataBits';
import type { MessageKey, MessageVars } from '../../../i18n/translate';
import { blankToUndefined, SelectField, TextField, todayIso, validateWith } from '../../../components/formBits';
import { DateField } from '../../../components/DateField';
import { Announce, Panel } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { SensitivityBadge } from '../caseBits';
import { optionLists } from '../options';
import { AddForm, AddOnRequest, choose } from './AddForm';
import { focusAfterRender } from '../focusAfterRender';

// Nothing is chosen for the person (issue 13): no kind of opvang, no start date.
const emptyStay = () => ({ soort: '', start: '', eind: '', locatie: '' });

type T = (key: MessageKey, vars?: MessageVars) => string;

/** The words of a broken opvang rule in the screen's language (the Dutch equal the rule's `reden`). */
export function bezwaarText(b: OpvangBezwaar, t: T): string {
  const one = b.duur?.maanden === 1;
  const duurKey = b.duur?.ruim ? (one ? 'opvangRegel.ruimMaand' : 'opvangRegel.ruimMaanden') : one ? 'opvangRegel.maand' : 'opvangRegel.maanden';
  const duur = b.duur ? t(duurKey, { n: b.duur.maanden }) : '';
  return t(`opvangRegel.${b.code}`, { minimum: b.minimum ?? '', leeftijd: b.leeftijd ?? '', max: b.max ?? '', duur, eind: b.eind ? formatDate(b.eind) : '' });
}

/** The rules a stay breaks, each with its reason and source; "niet bekend" flags are marked as something to check. */
function Bezwaren({ bezwaren }: { bezwaren: OpvangBezwaar[] }) {
  const { t } = useT();
  if (bezwaren.length === 0) return null;
  return (
    <ul className="kk-opvang-bezwaren kk-small" aria-label={t('opvangRegel.title')} data-testid="opvang-bezwaren">
      {bezwaren.map((b) => (
        <li key={b.code}>
          <Badge tone={b.zeker ? 'error' : 'warn'}>{b.zeker ? t('opvangRegel.title') : t('opvangRegel.check')}</Badge> {bezwaarText(b, t)}{' '}
          <span className="kk-muted">{t('opvangRegel.bron', { titel: b.bron.titel })}</span>
        </li>
      ))}
    </ul>
  );
}

/** The form for a new stay. Mounted on request, so it starts empty. */
function OpvangForm({ stays, onAdded, onCancel }: { stays: TrajectDetail['traject']['opvang']; onAdded(): void; onCancel(): void }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const { form, errors, set, submit } = useCheckedForm(emptyStay(), {
    check: (f) => {
      const checked = validateWith(Opvang, { soort: f.soort || undefined, start: f.start || undefined, eind: blankToUndefined(f.eind), locatie: blankToUndefined(f.locatie) }, t);
      if (checked.ok) return checked;
      return { ok: false, errors: { ...checked.errors, ...(f.soort ? {} : { soort: t('cw.opvang.soortMissing') }), ...(f.start ? {} : { start: t('cw.opvang.startMissing') }) } };
    },
    save: async (stay) => {
      const saved = await updateTraject({ opvang: [...stays, stay] });
      if (saved) onAdded();
      return saved;
    },
  });
  return (
    <AddForm label={t('cw.opvang.new')} onSubmit={submit} submitLabel={t('cw.opvang.save')} busy={write.busy} onCancel={onCancel}>
      <div className="kk-form-row">
        <SelectField label={t('cw.opvang.soort')} name="opvang-soort" value={form.soort} onChange={set('soort')} error={errors.soort} options={[choose(t('cw.choose')), ...optionLists.opvang(t)]} />
        <DateField label={t('cw.opvang.start')} name="opvang-start" value={form.start} onChange={set('start')} error={errors.start} />
        <DateField label={t('cw.opvang.eind')} name="opvang-eind" value={form.eind} onChange={set('eind')} error={errors.eind} optional />
      </div>
      <TextField label={t('cw.opvang.locatie')} name="opvang-locatie" value={form.locatie} onChange={set('locatie')} hint={t('cw.opvang.locatieHint')} optional />
    </AddForm>
  );
}

/** Where the cliënt stays (opvang), each stay checked against the opvang rules (resources/opvang.json) with the reason of every flag. */
export function OpvangPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const today = todayIso();
  const stays = detail.traject.opvang;
  const client = { geslacht: detail.client.geslacht, geboortedatum: detail.client.geboortedatum, minderjarigBijStart: detail.traject.minderjarigBijStart };
  const [announced, setAnnounced] = useState('');

  return (
    <Panel id="kk-opvang" title={t('cw.opvang.title')} badge={<SensitivityBadge level={trajectFieldSensitivity.opvang} />} focusable>
      <DataTable
        empty={t('cw.opvang.none')}
        columns={[{ label: t('cw.opvang.soort') }, { label: t('cw.opvang.start') }, { label: t('cw.opvang.eind') }, { label: t('cw.opvang.locatie') }, { label: t('cw.opvang.remove'), hidden: true }]}
        rows={stays}
        row={(o) => (
          <TableRow key={o.id}>
            <TableCell>
              {t(`cw.opvang.${o.soort}`)}
              {o.soort === 'crisisopvang' ? <div className="kk-muted kk-small">{t('cw.opvang.grens', { date: formatDate(crisisopvangGrens(o.start)) })}</div> : null}
              <Bezwaren bezwaren={opvangBezwaren(o, client, today)} />
            </TableCell>
            <TableCell>{formatDate(o.start)}</TableCell>
            <TableCell>{o.eind ? formatDate(o.eind) : t('cw.opvang.running')}</TableCell>
            <TableCell>{o.locatie ?? ''}</TableCell>
            <TableCell>
              <Button type="button" appearance="subtle-button" disabled={write.busy} onClick={() => void updateTraject({ opvang: stays.filter((s) => s.id !== o.id) }).then((ok) => {
                  // The row and its button are gone: focus goes to the panel's heading, and the status line says so.
                  if (!ok) return;
                  setAnnounced(t('cw.opvang.removed'));
                  focusAfterRender('kk-opvang');
                })}>
                {t('cw.opvang.remove')}
              </Button>
            </TableCell>
          </TableRow>
        )}
      />
      <AddOnRequest openLabel={t('cw.opvang.add')} disabled={write.busy}>
        {(close) => (
          <OpvangForm
            stays={stays}
            onAdded={() => {
              setAnnounced(t('cw.opvang.added'));
              close();
            }}
            onCancel={close}
          />
        )}
      </AddOnRequest>
      <Announce text={announced} />
    </Panel>
  );
}
