/**
 * The answers of a CoMensha registration with the cliënt's written consent (the README's example):
 * one list for the core, renderer and browser tests. Data only, so a Playwright spec can import it.
 */
export const COMENSHA_ANTWOORDEN: Record<string, string> = {
  'zonder-persoonsgegevens': 'nee',
  'afzender-opsporing': 'nee',
  'doel-verenigbaar': 'ja',
  'uitzondering-strafrechtelijk': 'uitdrukkelijke-toestemming',
  'uitzondering-bijzonder': 'uitdrukkelijke-toestemming',
  'eigen-beroepsgeheim': 'nee',
  proportioneel: 'ja',
  'minder-ingrijpend': 'nee',
  informeren: 'ja',
};
