import { Alert, Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ImportDubbel, ImportResult } from '../../../shared/casework/import.schema';
import type { ImportProgress } from './overview.slice';
import { formatNumber } from '../../components/dataBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectImportState } from './caseSelectors';

/** "trajecten.3.client.roepnaam" → "trajecten 4 · client.roepnaam" (records counted from 1, as people count). */
export function recordLabel(path: string): string {
  const match = /^(trajecten|meldingen)\.(\d+)(?:\.(.*))?$/.exec(path);
  if (!match) return path;
  return `${match[1]} ${Number(match[2]) + 1}${match[3] ? ` · ${match[3]}` : ''}`;
}

/**
 * The look-alike cliënten of a checked or imported file (issue 13): which record, what matched, and
 * the existing cliënt by pseudonym code (or the earlier record in the file). Never a value.
 */
function DubbelList({ result }: { result: ImportResult }) {
  const { t } = useT();
  const dubbel = result.dubbel;
  if (!dubbel || dubbel.totaal === 0) return null;
  const op = (d: ImportDubbel) => t(d.op.length === 2 ? 'cw.import.dubbel.op.beide' : `cw.import.dubbel.op.${d.op[0]!}`);
  const line = (d: ImportDubbel) =>
    d.lijktOp === 'in-kluis'
      ? t('cw.import.dubbel.inKluis', { record: recordLabel(d.pad.replace(/\.client$/, '')), op: op(d), code: d.pseudoniem ?? '' })
      : t(d.pseudoniem ? 'cw.import.dubbel.inBestandCode' : 'cw.import.dubbel.inBestand', { record: recordLabel(d.pad.replace(/\.client$/, '')), op: op(d), eerder: recordLabel((d.eerderPad ?? '').replace(/\.client$/, '')), code: d.pseudoniem ?? '' });
  return (
    <Alert type="warning" className="kk-alert" data-testid="import-dubbel">
      <Paragraph>{t(result.dryRun ? 'cw.import.dubbel.introCheck' : 'cw.import.dubbel.introDone')}</Paragraph>
      <ul className="kk-plain-list">
        {dubbel.eerste.map((d, i) => (
          <li key={i}>{line(d)}</li>
        ))}
      </ul>
      {dubbel.totaal > dubbel.eerste.length ? <Paragraph>{t('cw.import.dubbel.meer', { n: dubbel.totaal - dubbel.eerste.length })}</Paragraph> : null}
    </Alert>
  );
}

/** A file size as people read it: "840 kB", "89,2 MB" (decimal units, as file managers show them). */
export function fileSizeLabel(bytes: number, language: 'nl' | 'en'): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'MB'] : bytes >= 1e3 ? [bytes / 1e3, 'kB'] : [bytes, 'bytes'];
  return `${formatNumber(value, language, 1)} ${unit}`;
}

/** The counts of an import as people read them ("100.000" in Dutch). */
function countsLabel(result: ImportResult, language: 'nl' | 'en'): Record<string, string> {
  const { dryRun: _dryRun, eerderIngelezenOp: _eerder, dubbel: _dubbel, ...counts } = result;
  return Object.fromEntries(Object.entries(counts).map(([key, n]) => [key, formatNumber(n, language)]));
}

/** "02-12-2026 om 14:05" / "02-12-2026 at 14:05", in this computer's time zone. */
export function dateTimeLabel(iso: string, language: 'nl' | 'en'): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}-${two(d.getMonth() + 1)}-${d.getFullYear()} ${language === 'nl' ? 'om' : 'at'} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** One calm line on how far a running import is. */
function progressLabel(progress: ImportProgress, t: ReturnType<typeof useT>['t'], language: 'nl' | 'en'): string {
  if (progress.stage === 'lezen') {
    const percent = progress.total ? Math.floor((progress.done / progress.total) * 100) : 0;
    return t('cw.import.progress.lezen', { percent: formatNumber(percent, language) });
  }
  return t(`cw.import.progress.${progress.stage}`, { done: formatNumber(progress.done, language) });
}

/**
 * Import of a casework JSON file: choose it (main shows the dialog and keeps the path), check
 * first (dry run), then import; refusals listed per record. The file never passes through this
 * window: the core reads it from disk.
 */
export function ImportScreen() {
  const { t, language } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const state = useAppStore(selectImportState);
  const { chooseImportFile, importChosen, resetImport } = useAppStoreShallow(selectCaseActions);
  const watchImport = useAppStore((s) => s.watchImport);
  const fieldId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [mode, setMode] = useState<'choose' | 'check' | 'run'>('check');

  useEffect(() => () => resetImport(), [resetImport]);
  // Progress and the late outcome of an import come as events while the call runs.
  useEffect(() => watchImport(), [watchImport]);
  const working = state.busy || state.awaitingOutcome;

  async function choose() {
    setProblem(null);
    setMode('choose');
    await chooseImportFile();
  }

  async function run(dryRun: boolean, opnieuw = false) {
    if (!state.chosen) {
      setProblem(t('cw.import.fileMissing'));
      return;
    }
    setProblem(null);
    setMode(dryRun ? 'check' : 'run');
    await importChosen(dryRun, opnieuw);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(false);
  }

  // The file is gone from main (expired, or the app locked in between): say so at the field.
  const fieldProblem = problem ?? (state.error?.code === 'NOT_FOUND' ? t('cw.import.chooseAgain') : null);
  const issues = state.error?.code === 'INVALID_INPUT' ? (state.error.issues ?? []) : [];
  const alreadyImported = state.error?.code === 'ALREADY_IMPORTED' ? state.error : null;
  return (
    <form className="kk-subpage" onSubmit={submit} noValidate aria-labelledby="kk-import-title">
      <Heading level={2} id="kk-import-title" ref={headingRef} tabIndex={-1}>
        {t('cw.import.title')}
      </Heading>
      <Paragraph className="kk-muted">{t('cw.import.intro')}</Paragraph>
      <div className="kk-panel">
        <div className={fieldProblem ? 'utrecht-form-field utrecht-form-field--invalid kk-field' : 'utrecht-form-field kk-field'} role="group" aria-labelledby={`${fieldId}-label`}>
          <div className="utrecht-form-field__label" id={`${fieldId}-label`}>
            {t('cw.import.file')}
          </div>
          <p className="utrecht-form-field__description" id={`${fieldId}-hint`}>
            {t('cw.import.fileHint')}
          </p>
          {fieldProblem ? (
            <p className="utrecht-form-field__error-message kk-error-text" id={`${fieldId}-error`}>
              {fieldProblem}
            </p>
          ) : null}
          <div className="kk-file-choice">
            <Button
              type="button"
              appearance="secondary-action-button"
              disabled={working}
              busy={state.busy && mode === 'choose'}
              aria-describedby={fieldProblem ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
              onClick={() => void choose()}
            >
              {t('cw.import.choose')}
            </Button>
            <span className="kk-file-choice__name" data-testid="import-chosen" aria-live="polite">
              {state.chosen ? t('cw.import.chosen', { name: state.chosen.name, size: fileSizeLabel(state.chosen.size, language) }) : t('cw.import.noneChosen')}
            </span>
          </div>
        </div>
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" disabled={working} busy={state.busy && mode === 'check'} onClick={() => void run(true)}>
            {t('cw.import.check')}
          </Button>
          <Button type="submit" appearance="primary-action-button" disabled={working} busy={state.busy && mode === 'run'}>
            {t('cw.import.run')}
          </Button>
        </ButtonGroup>
      </div>
      <div aria-live="polite">
        {working ? (
          <Paragraph role="status" data-testid="import-progress">
            {state.progress ? progressLabel(state.progress, t, language) : t('cw.loading')}
          </Paragraph>
        ) : null}
        {state.result ? (
          <Alert type="ok" role="status" className="kk-alert" data-testid="import-result">
            <Paragraph>{state.result.dryRun ? t('cw.import.checked') : t('cw.import.done')}</Paragraph>
            <Paragraph>{t('cw.import.counts', countsLabel(state.result, language))}</Paragraph>
            {state.result.eerderIngelezenOp ? <Paragraph>{t('cw.import.before', { when: dateTimeLabel(state.result.eerderIngelezenOp, language) })}</Paragraph> : null}
          </Alert>
        ) : null}
        {state.result ? <DubbelList result={state.result} /> : null}
        {alreadyImported ? (
          <Alert type="warning" role="alert" className="kk-alert" data-testid="import-already">
            {(alreadyImported.issues ?? []).map((issue, i) => (
              <Paragraph key={i}>{issue.message}</Paragraph>
            ))}
            <Paragraph>{t('cw.import.againQuestion')}</Paragraph>
            <ButtonGroup>
              <Button type="button" appearance="secondary-action-button" disabled={working} onClick={() => void run(false, true)}>
                {t('cw.import.again')}
              </Button>
            </ButtonGroup>
          </Alert>
        ) : null}
        {issues.length > 0 ? (
          <div className="kk-refused" data-testid="import-refused">
            <Alert type="error" role="alert" className="kk-alert">
              <Paragraph>{t('cw.import.refused')}</Paragraph>
            </Alert>
            <Table className="kk-table kk-table--compact">
              <TableCaption className="kk-visually-hidden">{t('cw.import.refused')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('cw.import.col.record')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('cw.import.col.reason')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {issues.map((issue, i) => (
                  <TableRow key={i}>
                    <TableCell className="kk-mono">{recordLabel(issue.path)}</TableCell>
                    <TableCell>{issue.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : (
          <ErrorAlert error={state.error?.code === 'NOT_FOUND' || alreadyImported ? null : state.error} />
        )}
      </div>
    </form>
  );
}
