import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { KkError } from '../../../shared/errors';
import { regioGemeenten } from '../../../shared/casework/gemeenten';
import { Regio } from '../../../shared/casework/gemeenten.schema';
import type { Handlers, MainMethodName } from '../../../shared/ipc/contract';
import type { tafelSamenvoegenHostMethods, tafelSamenvoegenMethods } from '../../../shared/ipc/tafelSamenvoegen.contract';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import type { Session } from '../session';
import { schrijfAtomisch } from '../verstrekkingen/bestand';
import { gecombineerdeCijfers } from './combine';
import {
  collegas,
  leesOntvanger,
  leesOntvangstsleutel,
  maakOntvangstsleutel,
  ontvangstsleutelBestand,
  ontvangstsleutelNaam,
  ontvangstsleutelTekst,
  profielSleutels,
  registreerCollega,
  stelOntvangerIn,
  trekCollegaIn,
} from './ontvangst';
import { legGemaaktVast, leesTelbestandIn, maakTelbestand, MAX_TELBESTAND_BYTES, telbestandenVan, telbestandNaam, telTotalen } from './telbestand';
import { periodFigures } from './periodFigures';
import { keyFingerprint, profielRegio } from '../profile/profile.repo';
import { inTransaction } from '../db/sql';

type CoreMethods = Exclude<keyof typeof tafelSamenvoegenMethods, MainMethodName> | keyof typeof tafelSamenvoegenHostMethods;

/** A small file from main's dialog, or INVALID_INPUT in Dutch. */
function leesKlein(path: string, max: number): Buffer {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    if (st.size > max) throw new KkError('INVALID_INPUT', 'Dit bestand is te groot voor een telbestand of ontvangstsleutel.', { issues: [{ path: 'bestand', message: 'Te groot' }] });
    return readFileSync(path);
  } catch (error) {
    if (error instanceof KkError) throw error;
    throw new KkError('INVALID_INPUT', 'Het bestand is niet te lezen.', { issues: [{ path: 'bestand', message: 'Niet te lezen' }] });
  }
}

/** The stored reporter key of a colleague's vault, or INVALID_INPUT (Dutch) when there is none. */
function ontvangerOfFout(s: Session) {
  const o = leesOntvanger(s.db());
  if (!o) {
    throw new KkError('INVALID_INPUT', 'Lees eerst de ontvangstsleutel in van de collega die het overzicht voor de Regionale Tafel maakt.', {
      issues: [{ path: 'ontvanger', message: 'Geen ontvangstsleutel' }],
    });
  }
  return o;
}

function samenvatting(s: Session, periode: TafelPeriode) {
  const db = s.db();
  const o = ontvangerOfFout(s);
  const profiel = profielSleutels(db);
  profiel.sleutelPrive.fill(0);
  const totalen = telTotalen(periodFigures(db, periode, regioGemeenten(Regio.parse(profiel.regio))));
  return { periode, ontvanger: o.vingerafdruk, ondertekenaar: keyFingerprint(profiel.sleutelPubliek), ...totalen };
}

/** The combine step's handlers (issue 14): thin, each write one transaction in the repo functions. */
export const tafelSamenvoegenHandlers: Pick<Handlers<Session>, CoreMethods> = {
  'tafelSamenvoegen.ontvangstsleutel': (_input, s) => ({ sleutel: leesOntvangstsleutel(s.db()) }),
  'tafelSamenvoegen.maakOntvangstsleutel': (_input, s) => ({ sleutel: maakOntvangstsleutel(s.db(), s.writer()) }),
  'tafelSamenvoegen.collegas': (_input, s) => ({ collegas: collegas(s.db()) }),
  'tafelSamenvoegen.registreerCollega': (input, s) => registreerCollega(s.db(), s.writer(), input),
  'tafelSamenvoegen.trekCollegaIn': (input, s) => trekCollegaIn(s.db(), s.writer(), input.id),
  'tafelSamenvoegen.status': (input, s) => {
    const db = s.db();
    const profiel = profielRegio(db);
    const ontvanger = leesOntvanger(db);
    return {
      ontvangstsleutel: leesOntvangstsleutel(db),
      ontvanger: ontvanger ? { vingerafdruk: ontvanger.vingerafdruk, organisatie: ontvanger.organisatie, organisatieNaam: ontvanger.organisatieNaam, ondertekenaar: ontvanger.ondertekenaar, ingesteld: ontvanger.ingesteld } : null,
      collegas: collegas(db).filter((c) => c.ingetrokken === null).length,
      telbestanden: telbestandenVan(db, input.periode),
      bronnen: profiel ? gecombineerdeCijfers(db, input.periode, regioGemeenten(profiel)).bronnen : [],
    };
  },
  'tafelSamenvoegen.ontvanger': (_input, s) => {
    const o = leesOntvanger(s.db());
    return { ontvanger: o ? { vingerafdruk: o.vingerafdruk, organisatie: o.organisatie, organisatieNaam: o.organisatieNaam, ondertekenaar: o.ondertekenaar, ingesteld: o.ingesteld } : null };
  },
  'tafelSamenvoegen.voorbeeldTelbestand': (input, s) => samenvatting(s, input.periode),

  'tafelSamenvoegen.ontvangstsleutelNaam': (_input, s) => ({ bestandsnaam: ontvangstsleutelNaam(s.db()) }),
  'tafelSamenvoegen.schrijfOntvangstsleutel': (input, s) => {
    const b = ontvangstsleutelBestand(s.db(), s.writer());
    schrijfAtomisch(input.path, (write) => write(ontvangstsleutelTekst(b)));
    return { bestandsnaam: basename(input.path), vingerafdruk: b.vingerafdruk };
  },
  'tafelSamenvoegen.leesOntvangerBestand': (input, s) => {
    const tekst = leesKlein(input.path, 64 * 1024).toString('utf8');
    return { ontvanger: stelOntvangerIn(s.db(), s.writer(), tekst) };
  },
  'tafelSamenvoegen.telbestandNaam': (input, s) => {
    ontvangerOfFout(s);
    return { bestandsnaam: telbestandNaam(s.db(), input.periode) };
  },
  'tafelSamenvoegen.schrijfTelbestand': (input, s) => {
    const db = s.db();
    const o = ontvangerOfFout(s);
    const ctx = s.writer();
    const t = maakTelbestand(db, ctx, input.periode, o.bestand);
    // Written inside the transaction of its event: a failed write records nothing.
    inTransaction(db, () => {
      legGemaaktVast(db, ctx, t);
      schrijfAtomisch(input.path, (write) => write(t.tekst));
    });
    return {
      bestandsnaam: basename(input.path),
      telbestandId: t.telbestandId,
      samenvatting: { periode: t.periode, ontvanger: t.ontvanger, ondertekenaar: t.ondertekenaar, clienten: t.clienten, meldingen: t.meldingen },
      aangemaakt: t.aangemaakt,
    };
  },
  'tafelSamenvoegen.leesTelbestandBestand': (input, s) => {
    const bytes = leesKlein(input.path, MAX_TELBESTAND_BYTES);
    return { bestandsnaam: basename(input.path), uitkomst: leesTelbestandIn(s.db(), s.writer(), bytes, input.periode) };
  },
};

