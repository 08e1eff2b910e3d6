import { Button, ButtonGroup, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { formatDate } from '../../components/dataBits';
import { TextField } from '../../components/formBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';

/** The id of a row's "Intrekken" button (focus returns there on cancel). */
export const intrekKnopId = (soort: string, id: string) => `kk-tafel-intrek-${soort}-${id}`;
/** The id of a row's status text (focus goes there once the key is retired). */
export const intrekStatusId = (soort: string, id: string) => `kk-tafel-status-${soort}-${id}`;

/**
 * The state of retiring keys in one list: which row asks, the core's refusal, the announcement,
 * and focus — back on the row's button after a cancel, on its status text once the list shows the
 * key retired (never on the page). `lijst` is the list as the store holds it.
 */
export function useIntrekken(soort: string, lijst: unknown) {
  const [open, setOpen] = useState<string | null>(null);
  const [fout, setFout] = useState<string | undefined>(undefined);
  const [melding, setMelding] = useState('');
  const [focusStatus, setFocusStatus] = useState<string | null>(null);

  useEffect(() => {
    if (focusStatus === null) return;
    const el = document.getElementById(intrekStatusId(soort, focusStatus));
    if (el) {
      el.focus();
      setFocusStatus(null);
    }
  }, [soort, focusStatus, lijst]);

  return {
    /** The row whose question is open. */
    open,
    /** The core's refusal, shown in the question. */
    fout,
    /** The announcement after a key was retired. */
    melding,
    vraag(id: string) {
      setOpen(id);
      setFout(undefined);
      setMelding('');
    },
    annuleer(id: string) {
      setOpen(null);
      setFout(undefined);
      document.getElementById(intrekKnopId(soort, id))?.focus();
    },
    /** Runs `doe` (its refusal message, or nothing when done) and announces `gedaan`. */
    async bevestig(id: string, doe: () => Promise<string | undefined>, gedaan: string) {
      const refusal = await doe();
      if (refusal !== undefined) {
        setFout(refusal);
        return;
      }
      setOpen(null);
      setFout(undefined);
      setMelding(gedaan);
      setFocusStatus(id);
    },
  };
}

/**
 * Asks before a key is retired: what it means, then confirm or cancel. Focus moves to the
 * question first, so a keyboard or screen-reader user hears the consequence before deciding.
 * With `reden` the person gives a short reason (the core refuses an empty one; its message shows
 * on the field and focus goes to the field).
 */
export function IntrekVraag(props: {
  label: string;
  vraag: string;
  gevolg: string;
  busy: boolean;
  reden?: { name: string; value: string; onChange(v: string): void; error?: string | undefined } | undefined;
  onConfirm(): Promise<void> | void;
  onCancel(): void;
}) {
  const { t } = useT();
  const vraagRef = useFocusOnMount<HTMLParagraphElement>();
  const redenRef = useRef<HTMLInputElement>(null);
  const { reden } = props;
  return (
    <div className="kk-tafel-intrekken" role="group" aria-label={props.label} data-testid="tafel-intrek-vraag">
      <p className="kk-tafel-intrekken__vraag" ref={vraagRef} tabIndex={-1}>
        <strong>{props.vraag}</strong> {props.gevolg}
      </p>
      {reden ? (
        <TextField label={t('tafel.intrekken.reden')} hint={t('tafel.intrekken.redenHint')} name={reden.name} value={reden.value} onChange={reden.onChange} error={reden.error} inputRef={redenRef} />
      ) : null}
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          busy={props.busy}
          disabled={props.busy}
          onClick={async () => {
            await props.onConfirm();
            // Still here: the core refused (an empty reason). Focus on the field with its message.
            redenRef.current?.focus();
          }}
        >
          {t('tafel.intrekken.bevestig')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>
          {t('tafel.intrekken.annuleer')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/**
 * A row's status cell: "Ingetrokken op dd-mm-jjjj" (with the reason, when one was given; focus
 * comes here once retired), or "In gebruik" with the row's "Intrekken" button.
 */
export function IntrekStatusCel(props: {
  soort: string;
  id: string;
  /** When the key was retired (a timestamp), or null while in use. */
  ingetrokken: string | null;
  reden?: string | null;
  knopLabel: string;
  open: boolean;
  disabled: boolean;
  onVraag(): void;
}) {
  const { t } = useT();
  return (
    <TableCell>
      {props.ingetrokken ? (
        <span id={intrekStatusId(props.soort, props.id)} tabIndex={-1} className="kk-focus-target kk-tafel-status" data-testid={`tafel-${props.soort}-status`}>
          <strong>{t('tafel.intrekken.ingetrokkenOp', { datum: formatDate(props.ingetrokken.slice(0, 10)) })}</strong>
          {props.reden ? <span className="kk-tafel-status__reden">{t('tafel.intrekken.redenWas', { reden: props.reden })}</span> : null}
        </span>
      ) : (
        <span className="kk-tafel-status">
          <span>{t('tafel.intrekken.actief')}</span>
          <Button type="button" appearance="subtle-button" id={intrekKnopId(props.soort, props.id)} aria-label={props.knopLabel} aria-expanded={props.open} disabled={props.disabled} onClick={props.onVraag}>
            {t('tafel.intrekken.knop')}
          </Button>
        </span>
      )}
    </TableCell>
  );
}

/** The question as a row under the table row it is about, spanning the table; a refusal without a reason field shown as an alert. */
export function IntrekVraagRij({ colSpan, fout, ...vraag }: Parameters<typeof IntrekVraag>[0] & { colSpan: number; fout?: string | undefined }) {
  return (
    <TableRow>
      <TableCell colSpan={colSpan}>
        <IntrekVraag {...vraag} />
        {fout ? (
          <p role="alert" className="kk-tafel-intrekken__fout">
            {fout}
          </p>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
