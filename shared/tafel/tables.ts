// A summary for the Regionale Tafel as a set of linked tables: cells holding raw counts, and the
// linear relations between them that a reader can see (row, column and grand totals, and the
// cells that several tables share). The shape is fixed — every summary has the same cells, also
// where a count is 0 — so the same cell id means the same thing in every release, and the
// auditor can link releases cell by cell. Only what the issue lists is in it: cliënten by category
// × nieuw/doorlopend and by age, closures by reason, crisisopvang placements, meldingen by origin
// (with the region's gemeenten), by form × age, preventive conversations and information requests,
// and the AVIM's conversations and aangiftes per form. Left out on purpose: cliënten per form and
// meldingen per conclusion. Those classify the same people a second, overlapping way (a cliënt
// with two forms counts twice; a "wel"-conclusion needs a known form), which adds relations
// between tables that are inequalities depending on the category rule — more to protect, for
// figures the monitor does not publish per organisation.
import { KkError } from '../errors';
import { Uitbuitingsvorm } from '../casework/common.schema';
import { GemeenteGroep, MeldingRij, MonitorCategorie, type MonitorCijfers } from '../casework/dashboard.schema';
import type { RegioGemeenten } from '../casework/gemeenten.schema';
import { AfsluitReden } from '../casework/traject.schema';
import { leesInstellingen, K_STANDAARD, type CelId, type Raster, type TafelPeriode, type Vergelijking } from './tafel.schema';

/** One cell of a summary: its raw count (never published as such) and where it sits. */
export interface TafelCel {
  id: CelId;
  /** The table it belongs to first (a shared total also appears in other tables). */
  tabel: string;
  /** Dutch, as the reader sees it: "Seksuele uitbuiting, nieuw". */
  label: string;
  /** The raw count. */
  waarde: number;
  /** A total of other cells (hidden last when a complement is needed). */
  totaal: boolean;
  /** A gemeente with fewer than k meldingen: never shown apart, counted in "overige gemeenten". */
  inOverige: boolean;
}

/** A table as the reader sees it: a title, column heads, and rows of cells. */
export interface TafelTabel {
  id: string;
  titel: string;
  kolommen: Array<{ id: string; label: string }>;
  rijen: Array<{ id: string; label: string; cellen: Array<CelId | null> }>;
}

/** A summary as linked tables: every cell, the tables, and the relations a reader can see. */
export interface TafelTabellen {
  periode: TafelPeriode;
  regio: string;
  /** The threshold used for the gemeente rule (a gemeente with fewer than k meldingen is only in "overige gemeenten"). */
  k: number;
  /** Every cell in a fixed order (the order decides ties, so the result is deterministic). */
  cellen: TafelCel[];
  tabellen: TafelTabel[];
  vergelijkingen: Vergelijking[];
}

const CATEGORIE_LABEL: Record<MonitorCategorie, string> = {
  'seksuele-uitbuiting': 'Seksuele uitbuiting',
  'criminele-uitbuiting': 'Criminele uitbuiting',
  overig: 'Overige uitbuiting (o.a. arbeid)',
  onbekend: 'Vorm onbekend',
  preventief: 'Preventief',
};
const REDEN_LABEL: Record<AfsluitReden, string> = {
  'doelen-bereikt': 'Doelen bereikt',
  'client-ziet-af': 'Cliënt ziet af van hulp',
  'geen-contact-meer': 'Geen contact meer',
  overgedragen: 'Overgedragen aan een andere organisatie',
  'vertrokken-uit-regio': 'Vertrokken uit de regio',
  'teruggekeerd-naar-herkomstland': 'Teruggekeerd naar herkomstland',
  'geen-mensenhandel': 'Geen mensenhandel',
  overleden: 'Overleden',
  anders: 'Anders',
};
const GROEP_LABEL: Record<GemeenteGroep, string> = {
  centrumgemeente: 'Centrumgemeente',
  regio: 'Andere gemeenten in de regio',
  'onbekend-in-regio': 'Onbekend, wel uit de regio',
  'buiten-regio': 'Buiten de regio',
  onbekend: 'Onbekend',
};
const RIJ_LABEL: Record<MeldingRij | 'preventief-gesprek', string> = {
  'seksuele-uitbuiting': 'Seksuele uitbuiting',
  'criminele-uitbuiting': 'Criminele uitbuiting',
  'overige-uitbuiting': 'Overige uitbuiting',
  onbekend: 'Vorm nog onbekend',
  'geen-uitbuiting': 'Geen uitbuiting',
  'preventief-gesprek': 'Preventieve gesprekken',
};
const VORM_LABEL: Record<Uitbuitingsvorm, string> = {
  'seksuele-uitbuiting': 'Seksuele uitbuiting',
  arbeidsuitbuiting: 'Arbeidsuitbuiting',
  'criminele-uitbuiting': 'Criminele uitbuiting',
  orgaanverwijdering: 'Gedwongen orgaanverwijdering',
  'gedwongen-huwelijk': 'Gedwongen huwelijk',
  'illegale-adoptie': 'Illegale adoptie',
  draagmoederschap: 'Draagmoederschap',
};
const LEEFTIJDEN = [
  { id: 'volwassen', label: 'Volwassen' },
  { id: 'minderjarig', label: 'Minderjarig' },
  { id: 'onbekend', label: 'Leeftijd onbekend' },
] as const;

/** The part of a cell id for a gemeente: "Capelle aan den IJssel" → "capelle-aan-den-ijssel". */
export function gemeenteSlug(naam: string): string {
  return naam
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The cell id of one gemeente of the region in the origin table. */
export const gemeenteCel = (naam: string): CelId => `meldingen.gemeente.${gemeenteSlug(naam)}`;
/** The cell "overige gemeenten": the region's gemeenten with fewer than k meldingen together. */
export const OVERIGE_GEMEENTEN: CelId = 'meldingen.gemeente.overige-gemeenten';

/** What a summary is built from. */
export interface TafelBron {
  /** The period's figures in monitor shape (for a quarter: the quarter's figures, `jaar` its year). */
  cijfers: MonitorCijfers;
  periode: TafelPeriode;
  /** The region: its centrumgemeente and its gemeenten. */
  regio: RegioGemeenten;
  /**
   * Meldingen per gemeente of the region (CBS names). The centrumgemeente may be left out; the
   * others must add up to the origin group "regio". A gemeente not named counts 0.
   */
  perGemeente: Record<string, number>;
  /** The threshold (default 5, at least 3): a gemeente with fewer meldingen is only in "overige gemeenten". */
  k?: number;
}

function fout(message: string, path: string): never {
  throw new KkError('INVALID_INPUT', message, { issues: [{ path, message }] });
}

/**
 * Builds the linked tables of one summary from a period's figures: the cells in a fixed order and
 * shape (a row without data is a row of zeros), the tables as the reader sees them, and every
 * relation between published cells. Refuses, with a Dutch message, figures that do not add up
 * (the relations must hold for the true counts, or the check after them means nothing).
 */
export function bouwTafelTabellen(bron: TafelBron): TafelTabellen {
  const { k } = leesInstellingen({ k: bron.k ?? K_STANDAARD });
  const { cijfers, periode, regio } = bron;
  if (cijfers.jaar !== periode.jaar) fout('De cijfers horen bij een ander jaar dan het overzicht', 'cijfers.jaar');

  const cellen: TafelCel[] = [];
  const waarde = new Map<CelId, number>();
  const cel = (id: CelId, tabel: string, label: string, n: number, opties: { totaal?: boolean; inOverige?: boolean } = {}): CelId => {
    if (!Number.isInteger(n) || n < 0) fout('Een aantal moet een geheel getal van 0 of meer zijn', id);
    if (waarde.has(id)) throw new Error(`cell ${id} twice`);
    cellen.push({ id, tabel, label, waarde: n, totaal: opties.totaal ?? false, inOverige: opties.inOverige ?? false });
    waarde.set(id, n);
    return id;
  };
  const tabellen: TafelTabel[] = [];
  const vergelijkingen: Vergelijking[] = [];
  /** `totaal = Σ delen`, written as totaal − Σ delen = 0. */
  const som = (id: string, totaal: CelId, delen: CelId[]) => {
    vergelijkingen.push({ id, soort: 'gelijk', termen: [{ cel: totaal, factor: 1 }, ...delen.map((d) => ({ cel: d, factor: -1 }))] });
  };

  // Cliënten per categorie × nieuw/doorlopend, with row and column totals.
  const perCategorie = new Map(cijfers.clienten.perCategorie.map((r) => [r.categorie, r]));
  const kolommen = ['nieuw', 'doorlopend', 'totaal'] as const;
  const clientRijen: TafelTabel['rijen'] = [];
  for (const categorie of MonitorCategorie.options) {
    const r = perCategorie.get(categorie) ?? { nieuw: 0, doorlopend: 0, totaal: 0 };
    const ids = kolommen.map((kol) => cel(`clienten.categorie.${categorie}.${kol}`, 'clienten-categorie', `${CATEGORIE_LABEL[categorie]}, ${kol}`, r[kol], { totaal: kol === 'totaal' }));
    clientRijen.push({ id: categorie, label: CATEGORIE_LABEL[categorie], cellen: ids });
  }
  const totaalIds = kolommen.map((kol) => cel(`clienten.totaal.${kol}`, 'clienten-categorie', `Alle cliënten, ${kol}`, cijfers.clienten.totaal[kol], { totaal: true }));
  clientRijen.push({ id: 'totaal', label: 'Totaal', cellen: totaalIds });
  for (const rij of clientRijen) som(`clienten.rij.${rij.id}`, rij.cellen[2]!, [rij.cellen[0]!, rij.cellen[1]!]);
  kolommen.forEach((kol, i) => som(`clienten.kolom.${kol}`, totaalIds[i]!, clientRijen.slice(0, -1).map((r) => r.cellen[i]!)));
  tabellen.push({ id: 'clienten-categorie', titel: 'Cliënten per categorie', kolommen: [{ id: 'nieuw', label: 'Nieuw' }, { id: 'doorlopend', label: 'Doorlopend' }, { id: 'totaal', label: 'Totaal' }], rijen: clientRijen });
  const clientTotaal = totaalIds[2]!;

  // Cliënten by age at the start: shares the grand total with the table above.
  const leeftijdIds = LEEFTIJDEN.map((l) => cel(`clienten.leeftijd.${l.id}`, 'clienten-leeftijd', `Cliënten, ${l.label.toLowerCase()}`, cijfers.clienten.leeftijd[l.id]));
  som('clienten.leeftijd', clientTotaal, leeftijdIds);
  tabellen.push({
    id: 'clienten-leeftijd',
    titel: 'Cliënten naar leeftijd bij de start',
    kolommen: [{ id: 'aantal', label: 'Aantal' }],
    rijen: [...LEEFTIJDEN.map((l, i) => ({ id: l.id, label: l.label, cellen: [leeftijdIds[i]!] })), { id: 'totaal', label: 'Totaal', cellen: [clientTotaal] }],
  });

  // Trajecten closed in the period, by reason.
  const perReden = new Map<AfsluitReden, number>();
  for (const r of cijfers.clienten.afgesloten.perReden) perReden.set(r.reden, (perReden.get(r.reden) ?? 0) + r.aantal);
  const redenIds = AfsluitReden.options.map((reden) => cel(`clienten.afgesloten.${reden}`, 'clienten-afgesloten', `Afgesloten: ${REDEN_LABEL[reden].toLowerCase()}`, perReden.get(reden) ?? 0));
  const afgeslotenTotaal = cel('clienten.afgesloten.totaal', 'clienten-afgesloten', 'Afgesloten trajecten, totaal', cijfers.clienten.afgesloten.totaal, { totaal: true });
  som('clienten.afgesloten', afgeslotenTotaal, redenIds);
  tabellen.push({
    id: 'clienten-afgesloten',
    titel: 'Afgesloten trajecten per reden',
    kolommen: [{ id: 'aantal', label: 'Aantal' }],
    rijen: [...AfsluitReden.options.map((reden, i) => ({ id: reden, label: REDEN_LABEL[reden], cellen: [redenIds[i]!] })), { id: 'totaal', label: 'Totaal', cellen: [afgeslotenTotaal] }],
  });

  const crisis = cel('clienten.crisisopvang', 'clienten-crisisopvang', 'Nieuwe plaatsingen in de crisisopvang', cijfers.clienten.crisisopvangPlaatsingen);
  tabellen.push({ id: 'clienten-crisisopvang', titel: 'Nieuwe plaatsingen in de crisisopvang', kolommen: [{ id: 'aantal', label: 'Aantal' }], rijen: [{ id: 'plaatsingen', label: 'Plaatsingen', cellen: [crisis] }] });

  // Meldingen by origin; the group "regio" split by gemeente (a gemeente below k only in "overige gemeenten").
  const perGroep = new Map(cijfers.meldingen.perGemeenteGroep.map((g) => [g.groep, g.aantal]));
  const groepIds = GemeenteGroep.options.map((groep) => cel(`meldingen.herkomst.${groep}`, 'meldingen-herkomst', `Meldingen uit: ${GROEP_LABEL[groep].toLowerCase()}`, perGroep.get(groep) ?? 0, { totaal: groep === 'regio' }));
  const meldingTotaal = cel('meldingen.totaal', 'meldingen-herkomst', 'Alle meldingen', cijfers.meldingen.totaal, { totaal: true });
  som('meldingen.herkomst', meldingTotaal, groepIds);
  tabellen.push({
    id: 'meldingen-herkomst',
    titel: 'Meldingen per herkomst',
    kolommen: [{ id: 'aantal', label: 'Aantal' }],
    rijen: [...GemeenteGroep.options.map((groep, i) => ({ id: groep, label: groep === 'centrumgemeente' ? `Centrumgemeente (${regio.centrumgemeente})` : GROEP_LABEL[groep], cellen: [groepIds[i]!] })), { id: 'totaal', label: 'Totaal', cellen: [meldingTotaal] }],
  });

  const regioCel = groepIds[GemeenteGroep.options.indexOf('regio')]!;
  const anderen = regio.gemeenten.filter((g) => g !== regio.centrumgemeente);
  const slugs = new Map<string, string>();
  for (const g of anderen) {
    const s = gemeenteSlug(g);
    if (slugs.has(s) || s === 'overige-gemeenten') throw new Error(`gemeente slug ${s} not unique`);
    slugs.set(s, g);
  }
  let somGemeenten = 0;
  for (const [naam, n] of Object.entries(bron.perGemeente)) {
    if (!regio.gemeenten.includes(naam)) fout('Een gemeente in de telling per gemeente hoort niet bij de regio', 'perGemeente');
    if (!Number.isInteger(n) || n < 0) fout('Een aantal per gemeente moet een geheel getal van 0 of meer zijn', 'perGemeente');
    if (naam === regio.centrumgemeente) {
      if (n !== (perGroep.get('centrumgemeente') ?? 0)) fout('Het aantal van de centrumgemeente klopt niet met de herkomst', 'perGemeente');
    } else somGemeenten += n;
  }
  if (somGemeenten !== (perGroep.get('regio') ?? 0)) fout('De meldingen per gemeente tellen niet op tot de meldingen uit de andere gemeenten van de regio', 'perGemeente');
  const genoemd: CelId[] = [];
  const ongenoemd: CelId[] = [];
  const gemeenteRijen: TafelTabel['rijen'] = [];
  for (const naam of anderen) {
    const n = bron.perGemeente[naam] ?? 0;
    const id = cel(gemeenteCel(naam), 'meldingen-gemeenten', `Meldingen uit ${naam}`, n, { inOverige: n < k });
    if (n < k) ongenoemd.push(id);
    else {
      genoemd.push(id);
      gemeenteRijen.push({ id: gemeenteSlug(naam), label: naam, cellen: [id] });
    }
  }
  const overige = cel(OVERIGE_GEMEENTEN, 'meldingen-gemeenten', 'Meldingen uit overige gemeenten', ongenoemd.reduce((s, id) => s + waarde.get(id)!, 0), { totaal: true });
  som('meldingen.gemeenten', regioCel, [...genoemd, overige]);
  som('meldingen.overige-gemeenten', overige, ongenoemd);
  gemeenteRijen.push({ id: 'overige-gemeenten', label: `Overige gemeenten (minder dan ${k} meldingen per gemeente)`, cellen: [overige] });
  gemeenteRijen.push({ id: 'totaal', label: GROEP_LABEL.regio, cellen: [regioCel] });
  tabellen.push({ id: 'meldingen-gemeenten', titel: `Meldingen uit de andere gemeenten van de regio ${regio.naam}`, kolommen: [{ id: 'aantal', label: 'Aantal' }], rijen: gemeenteRijen });

  // Meldingen by the monitor's rows × age, preventive conversations, information requests: with the
  // origins, two ways to split the same meldingen, so they share the grand total.
  const perRij = new Map(cijfers.meldingen.perVorm.map((r) => [r.rij, r]));
  const vormRijen: TafelTabel['rijen'] = [];
  const delen: CelId[] = [];
  for (const rij of [...MeldingRij.options, 'preventief-gesprek'] as const) {
    const r = rij === 'preventief-gesprek' ? cijfers.meldingen.preventieveGesprekken : (perRij.get(rij) ?? { volwassen: 0, minderjarig: 0, onbekend: 0 });
    const ids = LEEFTIJDEN.map((l) => cel(rij === 'preventief-gesprek' ? `meldingen.preventief-gesprek.${l.id}` : `meldingen.vorm.${rij}.${l.id}`, 'meldingen-vorm', `${RIJ_LABEL[rij]}, ${l.label.toLowerCase()}`, r[l.id]));
    delen.push(...ids);
    vormRijen.push({ id: rij, label: RIJ_LABEL[rij], cellen: ids });
  }
  tabellen.push({ id: 'meldingen-vorm', titel: 'Meldingen per vorm en leeftijd', kolommen: LEEFTIJDEN.map((l) => ({ id: l.id, label: l.label })), rijen: vormRijen });
  const info = cijfers.meldingen.informatieverzoeken;
  const infoIds = [
    cel('meldingen.informatieverzoek.sekswerkers', 'meldingen-informatieverzoeken', 'Informatie- of hulpverzoeken van sekswerkers', info.sekswerkers),
    cel('meldingen.informatieverzoek.overig', 'meldingen-informatieverzoeken', 'Andere informatie- of hulpverzoeken', info.overig),
  ];
  tabellen.push({
    id: 'meldingen-informatieverzoeken',
    titel: 'Informatie- en hulpverzoeken',
    kolommen: [{ id: 'aantal', label: 'Aantal' }],
    rijen: [
      { id: 'sekswerkers', label: 'Van sekswerkers', cellen: [infoIds[0]!] },
      { id: 'overig', label: 'Van anderen', cellen: [infoIds[1]!] },
    ],
  });
  som('meldingen.soort', meldingTotaal, [...delen, ...infoIds]);

  // AVIM: informative conversations and aangiftes per form, with the column totals.
  const politie = new Map(cijfers.politie.perVorm.map((p) => [p.vorm, p]));
  const politieKolommen = [
    { id: 'informatieve-gesprekken', label: 'Informatieve gesprekken', veld: 'informatieveGesprekken' },
    { id: 'aangiftes', label: 'Aangiftes', veld: 'aangiftes' },
  ] as const;
  const politieRijen: TafelTabel['rijen'] = Uitbuitingsvorm.options.map((vorm) => ({
    id: vorm,
    label: VORM_LABEL[vorm],
    cellen: politieKolommen.map((kol) => cel(`politie.${vorm}.${kol.id}`, 'politie', `AVIM, ${VORM_LABEL[vorm].toLowerCase()}: ${kol.label.toLowerCase()}`, politie.get(vorm)?.[kol.veld] ?? 0)),
  }));
  const politieTotaal = politieKolommen.map((kol) => cel(`politie.totaal.${kol.id}`, 'politie', `AVIM, alle vormen: ${kol.label.toLowerCase()}`, cijfers.politie.totaal[kol.veld], { totaal: true }));
  politieKolommen.forEach((kol, i) => som(`politie.${kol.id}`, politieTotaal[i]!, politieRijen.map((r) => r.cellen[i]!)));
  politieRijen.push({ id: 'totaal', label: 'Totaal', cellen: politieTotaal });
  tabellen.push({ id: 'politie', titel: 'Politie (AVIM): informatieve gesprekken en aangiftes per vorm', kolommen: politieKolommen.map(({ id, label }) => ({ id, label })), rijen: politieRijen });

  // The relations must hold for the true counts: figures that do not add up are refused here.
  for (const v of vergelijkingen) {
    const s = v.termen.reduce((n, t) => n + t.factor * waarde.get(t.cel)!, 0);
    if (s !== 0) fout('De cijfers tellen niet op: een totaal is niet de som van zijn delen', v.id);
  }
  return { periode, regio: regio.naam, k, cellen, tabellen, vergelijkingen };
}

/** The layout of every table as rows of cell ids (what the auditor needs to know which cells a reader sees side by side). */
export function rasters(tabellen: readonly TafelTabel[]): Raster[] {
  return tabellen.map((t) => ({ tabel: t.id, rijen: t.rijen.map((r) => [...r.cellen]) }));
}

/** The raw counts by cell id. */
export function waardenVan(t: TafelTabellen): Record<CelId, number> {
  return Object.fromEntries(t.cellen.map((c) => [c.id, c.waarde]));
}
