// Texts of the gemeente pick list (GemeenteSelect), Dutch first (B1: short, everyday words) and
// English. Merged into the app's tables in renderer/i18n/nl.ts and en.ts; the type of the English
// table makes a missing key a compile error.
export const gemeenteSelectNl = {
  'gemeenteSelect.choose': 'Kies een gemeente',
  'gemeenteSelect.group.centrum': 'Centrumgemeente',
  'gemeenteSelect.group.regio': 'Overige gemeenten in de regio',
  'gemeenteSelect.group.onbekend': 'Onbekend',
  'gemeenteSelect.group.buiten': 'Buiten de regio',
  'gemeenteSelect.onbekend': 'Onbekend',
  'gemeenteSelect.onbekendInRegio': 'Onbekend, wel een gemeente uit de regio',
  'gemeenteSelect.buitenRegio': 'Buiten de regio, gemeente niet bekend',
};

export const gemeenteSelectEn: Record<keyof typeof gemeenteSelectNl, string> = {
  'gemeenteSelect.choose': 'Choose a municipality',
  'gemeenteSelect.group.centrum': 'Central municipality',
  'gemeenteSelect.group.regio': 'Other municipalities in the region',
  'gemeenteSelect.group.onbekend': 'Unknown',
  'gemeenteSelect.group.buiten': 'Outside the region',
  'gemeenteSelect.onbekend': 'Unknown',
  'gemeenteSelect.onbekendInRegio': 'Unknown, but a municipality of the region',
  'gemeenteSelect.buitenRegio': 'Outside the region, municipality not known',
};
