import type { IsoDate } from './common.schema';
import type { GegevenDoor, ToestemmingDoel, ToestemmingStatus } from './traject.schema';
import { ageOn } from './dates';

/** Under this age a parent or guardian consents; from it, only the cliënt (AVG art. 8, UAVG art. 5). */
export const CONSENT_AGE = 16;

/** The facts a consent is judged on. */
export interface ConsentFacts {
  doel: ToestemmingDoel;
  vanaf: IsoDate;
  tot?: IsoDate | null | undefined;
  schriftelijk: boolean;
  gegevenDoor: GegevenDoor;
  ingetrokkenOp?: IsoDate | null | undefined;
}

/**
 * The state of a consent on a day. Order matters: a withdrawal beats everything, then the
 * period, then who gave it (age on the day it was given), then the written-form rule for CoMensha.
 * Without a birth date the age rule cannot be checked: `leeftijd-onbekend` (not valid).
 */
export function toestemmingStatus(consent: ConsentFacts, client: { geboortedatum?: IsoDate | null | undefined }, today: IsoDate): ToestemmingStatus {
  if (consent.ingetrokkenOp && consent.ingetrokkenOp <= today) return 'ingetrokken';
  if (consent.vanaf > today) return 'nog-niet-geldig';
  if (consent.tot && consent.tot < today) return 'verlopen';
  if (!client.geboortedatum) return 'leeftijd-onbekend';
  const age = ageOn(client.geboortedatum, consent.vanaf);
  const needed: GegevenDoor = age < CONSENT_AGE ? 'ouder-voogd' : 'client';
  if (consent.gegevenDoor !== needed) return 'ongeldig-leeftijd';
  if (consent.doel === 'registratie-comensha' && !consent.schriftelijk) return 'niet-schriftelijk';
  return 'geldig';
}
