import type { IsoDate } from './common.schema';
import { ageOn } from './dates';

/** A reason a traject cannot be stored as it is, with the field it is about. */
export interface Bezwaar {
  path: string;
  message: string;
}

/**
 * What makes a traject impossible, with the reason: one definition for the core (new, changed and
 * imported trajecten) and the import file check. Only facts that contradict each other; anything
 * merely unusual is allowed.
 */
export function trajectBezwaren(t: {
  aanmelddatum: IsoDate;
  minderjarigBijStart: boolean | null;
  afgeslotenOp?: IsoDate | null | undefined;
  politiecontacten?: ReadonlyArray<{ datum: IsoDate }>;
  geboortedatum?: IsoDate | null | undefined;
}): Bezwaar[] {
  const out: Bezwaar[] = [];
  if (t.afgeslotenOp && t.afgeslotenOp < t.aanmelddatum) out.push({ path: 'afgeslotenOp', message: 'Een traject kan niet afgesloten zijn voordat het is aangemeld' });
  if (t.geboortedatum) {
    if (t.geboortedatum > t.aanmelddatum) {
      out.push({ path: 'aanmelddatum', message: 'De aanmelddatum ligt voor de geboortedatum van de cliënt' });
    } else if (t.minderjarigBijStart !== null) {
      const leeftijd = ageOn(t.geboortedatum, t.aanmelddatum);
      if (t.minderjarigBijStart !== leeftijd < 18) {
        out.push({
          path: 'minderjarigBijStart',
          message: `Volgens de geboortedatum was de cliënt bij de aanmelding ${leeftijd} jaar: kies bij "minderjarig bij de start" ${leeftijd < 18 ? 'ja' : 'nee'}`,
        });
      }
    }
  }
  t.politiecontacten?.forEach((p, i) => {
    if (t.geboortedatum && p.datum < t.geboortedatum) out.push({ path: `politiecontacten.${i}.datum`, message: 'Dit politiecontact ligt voor de geboortedatum van de cliënt' });
  });
  return out;
}
