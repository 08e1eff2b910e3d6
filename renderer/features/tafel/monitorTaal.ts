// The regional monitor on screen in the chosen language. The core (shared/tafel) gives the tables'
// titles, labels and the explanation in Dutch, because the files and the PDF that leave are Dutch.
// In English the screen shows these English texts instead, found by the tables' fixed ids; what is
// not in these lists (the names of gemeenten and organisations) stays as the core gave it.
import type { MonitorTabel, RegionaleMonitor, Staaf } from '../../../shared/tafel/monitor.schema';
import { useT } from '../../i18n/useT';

const TITELS: Record<string, string> = {
  'clienten-categorie': 'Clients per category',
  'clienten-leeftijd': 'Clients by age at the start',
  'clienten-afgesloten': 'Closed trajects by reason',
  'clienten-crisisopvang': 'New placements in the crisis shelter',
  'meldingen-herkomst': 'Reports by origin',
  'meldingen-vorm': 'Reports by form and age',
  'meldingen-informatieverzoeken': 'Requests for information and help',
  politie: 'Police (AVIM): informative conversations and criminal complaints by form',
};

const KOLOMMEN: Record<string, string> = {
  aantal: 'Count',
  nieuw: 'New',
  doorlopend: 'Continuing',
  totaal: 'Total',
  volwassen: 'Adult',
  minderjarig: 'Minor',
  onbekend: 'Age unknown',
  'informatieve-gesprekken': 'Informative conversations',
  aangiftes: 'Criminal complaints',
};

const VORMEN: Record<string, string> = {
  'seksuele-uitbuiting': 'Sexual exploitation',
  'criminele-uitbuiting': 'Criminal exploitation',
  totaal: 'Total',
};

const RIJEN: Record<string, Record<string, string>> = {
  'clienten-categorie': { ...VORMEN, overig: 'Other exploitation (incl. labour)', onbekend: 'Form unknown', preventief: 'Preventive' },
  'clienten-leeftijd': { volwassen: 'Adult', minderjarig: 'Minor', onbekend: 'Age unknown', totaal: 'Total' },
  'clienten-afgesloten': {
    'doelen-bereikt': 'Goals reached',
    'client-ziet-af': 'Client declines help',
    'geen-contact-meer': 'No more contact',
    overgedragen: 'Handed over to another organisation',
    'vertrokken-uit-regio': 'Left the region',
    'teruggekeerd-naar-herkomstland': 'Returned to country of origin',
    'geen-mensenhandel': 'No human trafficking',
    overleden: 'Died',
    anders: 'Other',
    totaal: 'Total',
  },
  'clienten-crisisopvang': { plaatsingen: 'Placements' },
  'meldingen-herkomst': {
    regio: 'Other municipalities in the region',
    'onbekend-in-regio': 'Unknown, but from the region',
    'buiten-regio': 'Outside the region',
    onbekend: 'Unknown',
    totaal: 'Total',
  },
  'meldingen-gemeenten': { totaal: 'Other municipalities in the region' },
  'meldingen-vorm': { ...VORMEN, 'overige-uitbuiting': 'Other exploitation', onbekend: 'Form not yet known', 'geen-uitbuiting': 'No exploitation', 'preventief-gesprek': 'Preventive conversations' },
  'meldingen-informatieverzoeken': { sekswerkers: 'From sex workers', overig: 'From others' },
  politie: {
    ...VORMEN,
    arbeidsuitbuiting: 'Labour exploitation',
    orgaanverwijdering: 'Forced organ removal',
    'gedwongen-huwelijk': 'Forced marriage',
    'illegale-adoptie': 'Illegal adoption',
    draagmoederschap: 'Surrogacy',
  },
};

/** A row label in English; labels with a name or a number in them keep that part. */
function rijEn(tabelId: string, rijId: string, label: string): string {
  if (tabelId === 'meldingen-herkomst' && rijId === 'centrumgemeente') {
    if (label === 'Centrumgemeente (van de eigen regio)') return 'Central municipality (of its own region)';
    const naam = /^Centrumgemeente \((.+)\)$/.exec(label)?.[1];
    return naam ? `Central municipality (${naam})` : 'Central municipality';
  }
  if (tabelId === 'meldingen-gemeenten' && rijId === 'overige-gemeenten') {
    const k = /minder dan (\d+)/.exec(label)?.[1];
    return k ? `Other municipalities (fewer than ${k} reports each)` : 'Other municipalities';
  }
  return RIJEN[tabelId]?.[rijId] ?? label;
}

function titelEn(tabel: MonitorTabel): string {
  if (tabel.id === 'meldingen-gemeenten') {
    const regio = /van de regio (.+)$/.exec(tabel.titel)?.[1];
    return regio ? `Reports from the other municipalities of the region ${regio}` : 'Reports from the other municipalities of the region';
  }
  return TITELS[tabel.id] ?? tabel.titel;
}

const TOELICHTING: Record<string, string> = {
  'De gezamenlijke cijfers zijn de som van de organisaties. Was bij een organisatie een aantal verborgen, dan staat er een bereik: "12–16" betekent 12 tot en met 16.':
    'The combined figures are the sum of the organisations. Where an organisation hid a count, a range is shown: "12–16" means 12 to 16.',
  'Een verborgen aantal "<5" telt als 0 tot en met 4. Een "x" is 5 of meer (bij de drempel van die organisatie), zonder bovengrens: dan staat er "≥". Met de totalen in elk overzicht maken we een bereik kleiner waar dat kan.':
    'A hidden count "<5" counts as 0 to 4. An "x" is 5 or more (at that organisation’s threshold), with no upper limit: then "≥" is shown. With the totals in each summary we make a range smaller where we can.',
  'Een persoon die bij twee organisaties bekend is, telt in de gezamenlijke cijfers twee keer.': 'A person known to two organisations counts twice in the combined figures.',
  'De meldingen per gemeente tellen we niet samen: elke organisatie noemt alleen de gemeenten met genoeg meldingen apart. Ze staan bij elke organisatie.':
    'We do not add up the reports per municipality: each organisation only names the municipalities with enough reports. They are shown with each organisation.',
  'Sommige organisaties ronden hun aantallen af of voegen een kleine afwijking (ruis) toe. Dan is ook een getoond aantal een bereik.':
    'Some organisations round their counts or add a small deviation (noise). Then a shown count is a range too.',
};

function toelichtingEn(regel: string): string {
  const regio = /^De organisaties horen bij verschillende regio's \((.+)\)\. /.exec(regel)?.[1];
  if (regio) return `The organisations belong to different regions (${regio}). "Central municipality" is another municipality for each region.`;
  return TOELICHTING[regel] ?? regel;
}

function tabelEn(tabel: MonitorTabel): MonitorTabel {
  return {
    ...tabel,
    titel: titelEn(tabel),
    kolommen: tabel.kolommen.map((k) => ({ ...k, label: KOLOMMEN[k.id] ?? k.label })),
    rijen: tabel.rijen.map((r) => ({ ...r, label: rijEn(tabel.id, r.id, r.label) })),
  };
}

/** The monitor in `language`: in English with English titles, labels and explanation; in Dutch as the core gave it. */
export function monitorInTaal(m: RegionaleMonitor, language: string): RegionaleMonitor {
  if (language !== 'en') return m;
  const staven = (tabelId: string, lijst: Staaf[]) => lijst.map((s) => ({ ...s, label: rijEn(tabelId, s.id, s.label) }));
  return {
    ...m,
    toelichting: m.toelichting.map(toelichtingEn),
    gecombineerd: m.gecombineerd.map(tabelEn),
    secties: m.secties.map((s) => ({ ...s, tabellen: s.tabellen.map(tabelEn) })),
    grafieken: { meldingenPerVorm: staven('meldingen-vorm', m.grafieken.meldingenPerVorm), clientenPerCategorie: staven('clienten-categorie', m.grafieken.clientenPerCategorie) },
  };
}

/** The monitor as the screen shows it, in the chosen language. */
export function useMonitorInTaal(): (m: RegionaleMonitor) => RegionaleMonitor {
  const { language } = useT();
  return (m) => monitorInTaal(m, language);
}
