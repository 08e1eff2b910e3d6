import type { IsoDate } from './common.schema';
import type { AfsluitReden, Fase } from './traject.schema';

/**
 * Allowed moves between phases. Forward one step; back from nazorg to actief (a relapse);
 * closing from any open phase (the cliënt may leave at any moment); reopening a closed
 * traject at intake or actief. Nothing else: a skipped intake must be a deliberate choice
 * of "actief" from aanmelding, which is allowed because crisis cases start at once.
 */
export const allowedTransitions: Readonly<Record<Fase, readonly Fase[]>> = {
  aanmelding: ['intake', 'actief', 'afgesloten'],
  intake: ['actief', 'afgesloten'],
  actief: ['nazorg', 'afgesloten'],
  nazorg: ['actief', 'afgesloten'],
  afgesloten: ['intake', 'actief'],
};

/** What a transition asks for. */
export interface TransitionRequest {
  van: Fase;
  naar: Fase;
  reden?: AfsluitReden | undefined;
  toelichting?: string | undefined;
  datum: IsoDate;
  /** The day the traject was registered; no move can be dated before it. */
  aanmelddatum: IsoDate;
}

/** The outcome of checking a transition: the change to apply, or field problems in Dutch. */
export type TransitionCheck =
  | { ok: true; heropend: boolean; afsluitReden: AfsluitReden | null; afsluitToelichting: string | null; afgeslotenOp: IsoDate | null }
  | { ok: false; issues: { path: string; message: string }[] };

/** Checks a phase move against the rules: allowed step, a reason to close, a toelichting for "anders". */
export function checkTransition(request: TransitionRequest): TransitionCheck {
  const { van, naar, reden, datum } = request;
  const toelichting = request.toelichting?.trim() || undefined;
  const issues: { path: string; message: string }[] = [];
  if (van === naar) issues.push({ path: 'naar', message: `Het traject staat al in de fase ${naar}` });
  else if (!allowedTransitions[van].includes(naar)) issues.push({ path: 'naar', message: `Van ${van} kan een traject niet naar ${naar}` });
  if (naar === 'afgesloten') {
    if (!reden) issues.push({ path: 'reden', message: 'Kies een reden om het traject af te sluiten' });
    if (reden === 'anders' && !toelichting) issues.push({ path: 'toelichting', message: 'Licht de reden "anders" toe' });
  } else if (reden) {
    issues.push({ path: 'reden', message: 'Een reden hoort alleen bij afsluiten' });
  }
  if (datum < request.aanmelddatum) issues.push({ path: 'datum', message: 'De datum ligt voor de aanmelding' });
  if (issues.length > 0) return { ok: false, issues };
  const closing = naar === 'afgesloten';
  return {
    ok: true,
    heropend: van === 'afgesloten',
    afsluitReden: closing ? (reden ?? null) : null,
    afsluitToelichting: closing ? (toelichting ?? null) : null,
    afgeslotenOp: closing ? datum : null,
  };
}
