import type { TafelBestand } from '../../../shared/tafel/file.schema';
import { periodeTekst, zelfdePeriode } from '../../../shared/tafel/monitor';
import type { WeigerSoort } from '../../../shared/tafel/monitor.schema';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { controleerBestand } from './sign';

/**
 * Whether a summary file may count in the monitor of a period: the one rule, used by tafel mode
 * (against the vault's registered keys and what it imported) and by `kk monitor` (against
 * fingerprints or a vault's keys and the files given together). Reasons are Dutch, for a person.
 */

/** A registered signing key as the rule needs it. */
export interface BekendeSleutel {
  naam: string;
  /** The organisation id the key belongs to; null when only the fingerprint is known (kk monitor --fingerprint). */
  organisatieId: string | null;
  /** Why it was retired, when it was. */
  ingetrokken: string | null;
}

/** What the rule asks about the world besides the file. */
export interface OntvangstContext {
  /** The period of the monitor being compiled. */
  periode: TafelPeriode;
  /** The registered key with this fingerprint (grouped, upper case), if any. */
  sleutel(vingerafdruk: string): BekendeSleutel | undefined;
  /** True when this release id was received before. */
  gezien(vrijgaveId: string): boolean;
  /** The current release of this organisation for the period, if any. */
  huidig(organisatieId: string): { vrijgaveId: string; volgnummer: number } | undefined;
}

/** The outcome: the file with the release it replaces, or the refusal. */
export type Beoordeling =
  | { ok: true; bestand: TafelBestand; sleutel: BekendeSleutel; vervangt: { vrijgaveId: string; volgnummer: number } | undefined }
  | { ok: false; soort: WeigerSoort; reden: string };

/** UTF-8 text of a file's bytes, or null when they are not UTF-8. */
export function alsTekst(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Verifies a file completely (JSON, format, canonical form, signature) and then the rule: a
 * registered and active key, the organisation that key belongs to, never seen before, the period
 * being compiled, newer than what is there and — when something is there — a correction.
 */
export function beoordeel(bytes: Uint8Array, ctx: OntvangstContext): Beoordeling {
  const tekst = alsTekst(bytes);
  if (tekst === null) return { ok: false, soort: 'afgebroken', reden: 'Het bestand is geen tekst (UTF-8). Het is beschadigd of het is geen overzicht.' };
  const c = controleerBestand(tekst);
  if (!c.ok) return { ok: false, soort: c.soort, reden: c.reden };
  const b = c.bestand;
  const sleutel = ctx.sleutel(b.ondertekenaar);
  if (!sleutel) {
    return {
      ok: false,
      soort: 'onbekende-ondertekenaar',
      reden: `Onbekende ondertekenaar: het bestand van "${b.organisatie.naam}" is ondertekend met sleutel ${b.ondertekenaar}. Die sleutel is niet geregistreerd. Vraag de organisatie haar vingerafdruk (via een ander kanaal, bijvoorbeeld telefonisch) en registreer die eerst.`,
    };
  }
  const naam = sleutel.organisatieId === null ? b.organisatie.naam : sleutel.naam;
  if (sleutel.ingetrokken !== null) {
    return { ok: false, soort: 'ingetrokken', reden: `De sleutel ${b.ondertekenaar} van ${naam} is ingetrokken${sleutel.ingetrokken ? ` (reden: ${sleutel.ingetrokken})` : ''}. Een bestand met deze sleutel telt niet meer.` };
  }
  if (sleutel.organisatieId !== null && b.organisatie.id !== sleutel.organisatieId) {
    return { ok: false, soort: 'organisatie', reden: `Het bestand noemt organisatie "${b.organisatie.naam}" (${b.organisatie.id}), maar de sleutel is geregistreerd voor ${sleutel.naam} (${sleutel.organisatieId}).` };
  }
  if (ctx.gezien(b.vrijgaveId)) {
    return { ok: false, soort: 'herhaald', reden: `Dit overzicht (nummer ${b.volgnummer} van ${naam}) is al eerder ontvangen. Een bestand telt maar één keer.` };
  }
  if (!zelfdePeriode(b.periode, ctx.periode)) {
    return {
      ok: false,
      soort: 'periode',
      reden: `Dit overzicht gaat over ${periodeTekst(b.periode)}, maar de monitor gaat over ${periodeTekst(ctx.periode)}. Gebruik het overzicht over ${periodeTekst(ctx.periode)}.`,
    };
  }
  const huidig = ctx.huidig(b.organisatie.id);
  if (huidig && b.volgnummer <= huidig.volgnummer) {
    return {
      ok: false,
      soort: 'ouder',
      reden: `Er is al een nieuwere versie van ${naam} over ${periodeTekst(ctx.periode)} (nummer ${huidig.volgnummer}). Dit bestand (nummer ${b.volgnummer}) is ouder en telt niet.`,
    };
  }
  if (huidig && b.verbetert === undefined) {
    return {
      ok: false,
      soort: 'geen-verbetering',
      reden: `Er is al een overzicht van ${naam} over ${periodeTekst(ctx.periode)} (nummer ${huidig.volgnummer}). Dit bestand is geen verbetering daarvan. Vraag de organisatie welk overzicht geldt.`,
    };
  }
  return { ok: true, bestand: b, sleutel, vervangt: huidig };
}
