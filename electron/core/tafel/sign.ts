import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { canoniekeJson, TafelBestand, tekenbareInhoud } from '../../../shared/tafel/file.schema';
import { keyFingerprint } from '../profile/profile.repo';

/**
 * Signing and verifying summary files for the Regionale Tafel: Ed25519 (node:crypto) over the
 * canonical JSON of the file without its signature. The private key is the profile's (PKCS#8
 * DER); it is used here and dropped, never logged or returned.
 */

/** The file with its signature: `handtekening` over `tekenbareInhoud(zonder)`. */
export function onderteken(zonder: Omit<TafelBestand, 'handtekening'>, pkcs8: Uint8Array): TafelBestand {
  const key = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  const handtekening = sign(null, Buffer.from(tekenbareInhoud(zonder), 'utf8'), key).toString('base64');
  return { ...zonder, handtekening };
}

/** The file as written: canonical JSON and one line end. */
export function bestandTekst(bestand: TafelBestand): string {
  return `${canoniekeJson(bestand)}\n`;
}

/** Why a file is refused. */
export type Weigering = 'afgebroken' | 'schema' | 'vorm' | 'handtekening' | 'onbekende-ondertekenaar' | 'herhaald';

/** The result of verifying one file. */
export type Controle = { ok: true; bestand: TafelBestand; melding: string } | { ok: false; soort: Weigering; reden: string };

/** What the verifier knows besides the file. */
export interface ControleOpties {
  /** The registered fingerprint the signer must have (spaces and case do not matter). */
  vingerafdruk?: string | undefined;
  /** Release ids already received (per organisation's key): a file with one of them is a replay. */
  gezien?: ReadonlySet<string> | undefined;
}

const normaal = (v: string) => v.replace(/\s+/g, '').toUpperCase();

/**
 * Checks a summary file: complete JSON, the format and schema of `TafelBestand`, canonical form,
 * the fingerprint of the key in it, the Ed25519 signature, and — when given — the registered
 * signer and the ids already seen. The reason is Dutch, for a person.
 */
export function controleerBestand(tekst: string, opties: ControleOpties = {}): Controle {
  const inhoud = tekst.replace(/^\uFEFF/, '');
  let ruw: unknown;
  try {
    ruw = JSON.parse(inhoud);
  } catch {
    return { ok: false, soort: 'afgebroken', reden: 'Het bestand is onvolledig of geen JSON. Misschien is het afgebroken bij het kopiëren. Vraag de organisatie om het bestand opnieuw te sturen.' };
  }
  if (typeof ruw !== 'object' || ruw === null || (ruw as { format?: unknown }).format !== 'ketenkluis.tafel') {
    return { ok: false, soort: 'schema', reden: 'Dit is geen overzicht voor de Regionale Tafel (het formaat is niet "ketenkluis.tafel").' };
  }
  if ((ruw as { versie?: unknown }).versie !== 1) {
    return { ok: false, soort: 'schema', reden: 'Deze versie van het overzichtsformaat kennen we niet (alleen versie 1).' };
  }
  const parsed = TafelBestand.safeParse(ruw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, soort: 'schema', reden: `Het bestand klopt niet met het formaat van een overzicht (veld "${issue.path.join('.') || 'bestand'}"). Het is niet door Ketenkluis gemaakt of het is veranderd.` };
  }
  const bestand = parsed.data;
  if (inhoud.replace(/\r?\n$/, '') !== canoniekeJson(ruw)) {
    return { ok: false, soort: 'vorm', reden: 'Het bestand is veranderd: het staat niet meer in de vaste vorm waarin het is ondertekend.' };
  }
  let sleutel;
  const der = Buffer.from(bestand.publiekeSleutel, 'base64');
  try {
    sleutel = createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (sleutel.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
  } catch {
    return { ok: false, soort: 'schema', reden: 'De sleutel in het bestand is geen geldige Ed25519-sleutel.' };
  }
  if (keyFingerprint(der) !== bestand.ondertekenaar) {
    return { ok: false, soort: 'handtekening', reden: 'De vingerafdruk in het bestand hoort niet bij de sleutel in het bestand. Het bestand is veranderd.' };
  }
  const klopt = verify(null, Buffer.from(tekenbareInhoud(bestand), 'utf8'), sleutel, Buffer.from(bestand.handtekening, 'base64'));
  if (!klopt) {
    return { ok: false, soort: 'handtekening', reden: 'De handtekening klopt niet: het bestand is na het ondertekenen veranderd.' };
  }
  if (opties.vingerafdruk !== undefined && normaal(opties.vingerafdruk) !== normaal(bestand.ondertekenaar)) {
    return {
      ok: false,
      soort: 'onbekende-ondertekenaar',
      reden: `Onbekende ondertekenaar: het bestand is ondertekend met sleutel ${bestand.ondertekenaar}, niet met de geregistreerde sleutel ${opties.vingerafdruk}.`,
    };
  }
  if (opties.gezien?.has(bestand.vrijgaveId)) {
    return { ok: false, soort: 'herhaald', reden: `Dit overzicht (nummer ${bestand.volgnummer}) is al eerder ontvangen. Een bestand telt maar één keer.` };
  }
  const periode = bestand.periode.kwartaal === undefined ? `${bestand.periode.jaar}` : `kwartaal ${bestand.periode.kwartaal} van ${bestand.periode.jaar}`;
  return {
    ok: true,
    bestand,
    melding: `Handtekening klopt. Overzicht ${bestand.volgnummer} van ${bestand.organisatie.naam}, ${periode}, ondertekend met sleutel ${bestand.ondertekenaar}.`,
  };
}

/**
 * Checks several files received together (tafel mode): each as `controleerBestand`, and a
 * release id seen earlier in the list is refused as a replay.
 */
export function controleerReeks(teksten: readonly string[], opties: Omit<ControleOpties, 'gezien'> & { gezien?: Iterable<string> } = {}): Controle[] {
  const gezien = new Set(opties.gezien ?? []);
  return teksten.map((tekst) => {
    const c = controleerBestand(tekst, { vingerafdruk: opties.vingerafdruk, gezien });
    if (c.ok) gezien.add(c.bestand.vrijgaveId);
    return c;
  });
}
