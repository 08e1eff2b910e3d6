// Signed summary files for the tafel-mode tests and the bench, made the way `bereidVrijgaveVoor`
// (electron/core/tafel/release.ts) makes them: the linked tables of a period's figures,
// `onderdruk` against the organisation's own earlier releases, the file assembled by release.ts's
// `stelBestandSamen`, signed with the organisation's Ed25519 key by `onderteken`. Only the
// figures come from a synthetic world instead of a vault (release.ts reads them from records).
import { generateKeyPairSync } from 'node:crypto';
import type { TafelBestand } from '../../../shared/tafel/file.schema';
import { onderdruk, type TafelOverzicht } from '../../../shared/tafel/suppression';
import type { InstellingenInvoer, TafelPeriode, Vrijgave } from '../../../shared/tafel/tafel.schema';
import { keyFingerprint } from '../../../electron/core/profile/profile.repo';
import { stelBestandSamen } from '../../../electron/core/tafel/release';
import { bestandTekst, onderteken } from '../../../electron/core/tafel/sign';
import { tabellenVan, type Wereld } from '../../shared/tafel/fixtures';

/** A synthetic organisation with its own signing key and its own release ledger. */
export interface Organisatie {
  id: string;
  naam: string;
  spki: Buffer;
  pkcs8: Buffer;
  vingerafdruk: string;
  ledger: Vrijgave[];
  /** Release ids by period key, newest last (for `verbetert`). */
  uitgebracht: Array<{ id: string; periode: TafelPeriode }>;
  teller: number;
}

/** A new organisation with a fresh Ed25519 key. */
export function organisatie(id: string, naam: string): Organisatie {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  return { id, naam, spki, pkcs8, vingerafdruk: keyFingerprint(spki), ledger: [], uitgebracht: [], teller: 0 };
}

/** One release made and signed. */
export interface Uitgave {
  bestand: TafelBestand;
  json: string;
  overzicht: TafelOverzicht;
}

let volg = 0;
/** A time-ordered UUID v7-shaped id (the engine reads the ledger in id order). */
const nieuwId = () => `0190b000-0000-7000-8000-${String(++volg).padStart(12, '0')}`;

/**
 * Releases the period's figures of a world as `org`: suppression against the organisation's own
 * earlier releases, a correction (`verbetert`) when the period was released before. Throws when
 * the release is not safe (as release.ts refuses it).
 */
export function geefUit(org: Organisatie, periode: TafelPeriode, wereld: Wereld, instellingen: InstellingenInvoer = {}, aangemaakt = '2025-02-01T10:00:00.000Z'): Uitgave {
  const id = nieuwId();
  const tabellen = tabellenVan(periode, wereld, instellingen.k ?? 5);
  const overzicht = onderdruk({ tabellen, instellingen, ledger: org.ledger, id });
  if (!overzicht.veilig) throw new Error(`release not safe: ${overzicht.problemen.join(' ')}`);
  const zelfde = org.uitgebracht.filter((u) => u.periode.jaar === periode.jaar && u.periode.kwartaal === periode.kwartaal);
  const zonder = stelBestandSamen(overzicht, {
    volgnummer: ++org.teller,
    ...(zelfde.length > 0 ? { verbetert: zelfde.at(-1)!.id } : {}),
    organisatie: { id: org.id, naam: org.naam },
    aangemaakt,
    publiekeSleutel: org.spki,
  });
  const bestand = onderteken(zonder, org.pkcs8);
  org.ledger.push(overzicht.vrijgave);
  org.uitgebracht.push({ id, periode });
  return { bestand, json: bestandTekst(bestand), overzicht };
}
