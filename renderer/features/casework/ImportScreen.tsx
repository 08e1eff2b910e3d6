import { Alert, Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ImportFile } from '../../../shared/casework/import.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectImportState } from './caseSelectors';
import { validateWith, type FieldErrors } from './formBits';
import { useScreenFocus } from './useScreenFocus';

/** Files above this size are refused in the window; `kk import` handles larger ones. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Up to this size the window checks the file itself first, for plain Dutch reasons per record. */
const LOCAL_CHECK_BYTES = 32 * 1024 * 1024;

/** "trajecten.3.client.roepnaam" → "trajecten 4 · client.roepnaam" (records counted from 1, as people count). */
export function recordLabel(path: string): string {
  const match = /^(trajecten|meldingen)\.(\d+)(?:\.(.*))?$/.exec(path);
  if (!match) return path;
  return `${match[1]} ${Number(match[2]) + 1}${match[3] ? ` · ${match[3]}` : ''}`;
}

/** Import of a casework JSON file: check first (dry run), then import; refusals listed per record. */
export function ImportScreen() {
  const { t } = useT();
  const headingRef = useScreenFocus<HTMLHeadingElement>();
  const state = useAppStore(selectImportState);
  const { importJson, resetImport } = useAppStoreShallow(selectCaseActions);
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [mode, setMode] = useState<'check' | 'run'>('check');
  const [localIssues, setLocalIssues] = useState<FieldErrors | null>(null);

  useEffect(() => () => resetImport(), [resetImport]);

  async function run(dryRun: boolean) {
    if (!file) {
      setProblem(t('cw.import.fileMissing'));
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setProblem(t('cw.import.tooBig'));
      return;
    }
    setProblem(null);
    setLocalIssues(null);
    setMode(dryRun ? 'check' : 'run');
    // The bytes as on disk: the core streams them and never needs one big string of the file.
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (file.size <= LOCAL_CHECK_BYTES) {
      const text = new TextDecoder().decode(bytes);
      // The same shared schema as the core, for messages only: a file the window refuses would be
      // refused by the core too, and then nothing is sent. A file that passes, the core checks again.
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        setLocalIssues({ '(bestand)': t('cw.import.notJson') });
        return;
      }
      const checked = validateWith(ImportFile, json, t);
      if (!checked.ok) {
        resetImport();
        setLocalIssues(checked.errors);
        return;
      }
    }
    await importJson(bytes, dryRun);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(false);
  }

  const issues = localIssues
    ? Object.entries(localIssues).map(([path, message]) => ({ path, message }))
    : state.error?.code === 'INVALID_INPUT'
      ? (state.error.issues ?? [])
      : [];
  return (
    <form className="kk-subpage" onSubmit={submit} noValidate aria-labelledby="kk-import-title">
      <Heading level={2} id="kk-import-title" ref={headingRef} tabIndex={-1}>
        {t('cw.import.title')}
      </Heading>
      <Paragraph className="kk-muted">{t('cw.import.intro')}</Paragraph>
      <div className="kk-panel">
        <div className={problem ? 'utrecht-form-field utrecht-form-field--invalid kk-field' : 'utrecht-form-field kk-field'}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={inputId}>
              {t('cw.import.file')}
            </label>
          </div>
          <p className="utrecht-form-field__description" id={`${inputId}-hint`}>
            {t('cw.import.fileHint')}
          </p>
          {problem ? (
            <p className="utrecht-form-field__error-message kk-error-text" id={`${inputId}-error`}>
              {problem}
            </p>
          ) : null}
          <input
            id={inputId}
            type="file"
            accept="application/json,.json"
            className="kk-file-input"
            aria-describedby={problem ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setProblem(null);
              setLocalIssues(null);
              resetImport();
            }}
          />
        </div>
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" disabled={state.busy} onClick={() => void run(true)}>
            {t('cw.import.check')}
          </Button>
          <Button type="submit" appearance="primary-action-button" disabled={state.busy} busy={state.busy && mode === 'run'}>
            {t('cw.import.run')}
          </Button>
        </ButtonGroup>
      </div>
      <div aria-live="polite">
        {state.busy ? <Paragraph role="status">{t('cw.loading')}</Paragraph> : null}
        {state.result ? (
          <Alert type="ok" role="status" className="kk-alert" data-testid="import-result">
            <Paragraph>{state.result.dryRun ? t('cw.import.checked') : t('cw.import.done')}</Paragraph>
            <Paragraph>{t('cw.import.counts', { clienten: state.result.clienten, trajecten: state.result.trajecten, meldingen: state.result.meldingen, journaal: state.result.journaal, taken: state.result.taken, toestemmingen: state.result.toestemmingen })}</Paragraph>
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
          <ErrorAlert error={state.error} />
        )}
      </div>
    </form>
  );
}
