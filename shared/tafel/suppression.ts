// Disclosure control for a summary for the Regionale Tafel. In order:
// 1. primary suppression: a count of 1..k−1 is shown as "<k"; a gemeente with fewer than k
//    meldingen is only counted in "overige gemeenten" (tables.ts);
// 2. zeros: a 0 is shown, except in a row or column of a table whose nonzero counts are all small:
//    there the zeros are shown as "<k" too (otherwise "<k" beside zeros says which attribute the
//    few people of that row or column share). So "<k" means 0..k−1, and the auditor reads it so;
// 3. a cell hidden in an earlier version of the same period stays hidden ("x" when it is now k or
//    more, "<k" when it is now 0), so a correction does not show what the first release hid;
// 4. complementary suppression until the auditor (audit.ts) finds every hidden small count — in
//    this release and in every earlier one — still free to take two values: first cheaply, where
//    propagation pins a hidden cell, then on the auditor's exact verdict, each time hiding the
//    cheapest set of shown cells of this release that lets the cell move (see `alternatief`): a
//    count of k or more becomes "x" (so "x" always means k or more), a 0 becomes "<k". An
//    ordinary cell costs less than a total, a smaller count a little less than a larger one.
//    Nothing depends on chance or on the order of the ledger: the same input, the same pattern;
// 5. only then rounding and noise, on shown counts of k or more (ruis.ts);
// 6. a final audit of what will actually be published, with rounding and noise as a reader sees them.
// When a hidden count is already determined by earlier releases, nothing this release hides can
// help: the result says so (veilig: false) and the release must not leave.
import { KkError } from '../errors';
import { beoordeel, bouwSysteem, controleer, groepen, koppelingen, lijnen, type AuditCache, type AuditUitslag, type CelOordeel } from './audit';
import { methodeTekst } from './methode';
import { Simplex, type LpRij } from './simplex';
import { afronden, celRuis } from './ruis';
import { rasters as rastersVan, waardenVan, type TafelTabellen } from './tables';
import { leesInstellingen, METHODE_VERSIE, periodeSleutel, Vrijgave, type CelId, type CelPublicatie, type InstellingenInvoer, type TafelPeriode, type Vergelijking } from './tafel.schema';

/** A cell of some release: the release id and the cell id. */
export interface CelVerwijzing {
  vrijgave: string;
  cel: CelId;
}

/** Why a cell is not shown as its count. */
export type Reden =
  | { soort: 'klein' }
  | { soort: 'kleine-gemeente' }
  | { soort: 'nul-tussen-klein'; naast: CelId[] }
  | { soort: 'eerdere-versie'; vrijgaven: string[] }
  | { soort: 'aanvullend'; beschermt: CelVerwijzing[] };

/** One table of the file: what the reader sees, "<k" and "x" as text. */
export interface PublicatieTabel {
  id: string;
  titel: string;
  kolommen: Array<{ id: string; label: string }>;
  rijen: Array<{ id: string; label: string; cellen: Array<{ cel: CelId; toon: string } | null> }>;
}

/** What leaves the vault: counts and markers, the relations between shown cells, the method. No true count of a hidden cell, no reason. */
export interface Publicatie {
  methodeVersie: string;
  periode: TafelPeriode;
  regio: string;
  k: number;
  afronding?: number;
  ruisMax?: number;
  cellen: Record<CelId, Exclude<CelPublicatie, 'in-overige'>>;
  vergelijkingen: Vergelijking[];
  tabellen: PublicatieTabel[];
  methode: string;
}

/** The preview inside the vault: which cells are hidden and why (with their true counts: never leaves). */
export interface VerborgenCel {
  cel: CelId;
  label: string;
  waarde: number;
  getoond: string;
  reden: Reden;
  uitleg: string;
  /** What a reader can still conclude, after everything published (this release and earlier): the smallest and largest count possible (null: no upper bound). */
  interval: { min: number; max: number | null };
}

/** The result of disclosure control for one summary. */
export interface TafelOverzicht {
  /** True when the final audit found every hidden small count (here and in earlier releases) still free. */
  veilig: boolean;
  /** Dutch, when not safe: what is determined and why nothing here can help. */
  problemen: string[];
  publicatie: Publicatie;
  verborgen: VerborgenCel[];
  /** The ledger entry to keep in the vault when the summary is released (holds true counts). */
  vrijgave: Vrijgave;
  controle: AuditUitslag;
}

/** The input of disclosure control. */
export interface OnderdrukInvoer {
  tabellen: TafelTabellen;
  instellingen?: InstellingenInvoer;
  /** Earlier releases, as the ledger in the vault keeps them. */
  ledger?: readonly unknown[];
  /** The id this release will have in the ledger. */
  id: string;
}

type Status = 'getal' | 'klein' | 'verborgen' | 'in-overige';

function ongeldig(message: string, path: string): never {
  throw new KkError('INVALID_INPUT', message, { issues: [{ path, message }] });
}

const periodeNaam = (p: TafelPeriode) => (p.kwartaal === undefined ? `het jaar ${p.jaar}` : `kwartaal ${p.kwartaal} van ${p.jaar}`);

/**
 * The order of periods that keeps every difference inside a released (and so checked) period: a
 * year after all four of its quarters or after none; after a year, only corrections of quarters
 * already released. Otherwise year minus quarters is a period nobody checked.
 */
export function controleerVolgorde(periode: TafelPeriode, ledger: readonly Vrijgave[]): void {
  const zelfdeJaar = ledger.filter((v) => v.periode.jaar === periode.jaar);
  const kwartalen = [...new Set(zelfdeJaar.flatMap((v) => (v.periode.kwartaal === undefined ? [] : [v.periode.kwartaal])))].sort();
  if (periode.kwartaal === undefined) {
    if (kwartalen.length > 0 && kwartalen.length < 4) {
      const missen = [1, 2, 3, 4].filter((q) => !kwartalen.includes(q as 1 | 2 | 3 | 4)).map((q) => `kwartaal ${q}`);
      ongeldig(
        `Het overzicht over ${periodeNaam(periode)} kan nog niet. Stuur eerst ook ${missen.join(' en ')}. Anders is het verschil tussen het jaar en de gestuurde kwartalen een periode die niet is gecontroleerd.`,
        'periode',
      );
    }
    return;
  }
  const jaarGestuurd = zelfdeJaar.some((v) => v.periode.kwartaal === undefined);
  if (jaarGestuurd && !kwartalen.includes(periode.kwartaal)) {
    ongeldig(
      `Het overzicht over ${periodeNaam(periode)} kan niet meer: het jaaroverzicht ${periode.jaar} is al gestuurd. Het verschil met het jaar zou de andere kwartalen laten zien. Een verbeterde versie van een kwartaal dat al is gestuurd, kan wel.`,
      'periode',
    );
  }
}

/** How a cell is shown: a number, "<k" or "x". */
export function toon(p: CelPublicatie, k: number): string {
  if (typeof p === 'number') return String(p);
  if (p === 'klein') return `<${k}`;
  if (p === 'verborgen') return 'x';
  return '';
}

/** The reason in Dutch, for the preview. */
export function redenTekst(r: Reden, k: number, label: (c: CelVerwijzing) => string): string {
  switch (r.soort) {
    case 'klein':
      return `Minder dan ${k}: getoond als "<${k}".`;
    case 'kleine-gemeente':
      return `Minder dan ${k} meldingen: deze gemeente telt alleen mee bij "overige gemeenten".`;
    case 'nul-tussen-klein':
      return `Een 0 in een rij of kolom met verder alleen kleine aantallen: ook getoond als "<${k}".`;
    case 'eerdere-versie':
      return 'Was verborgen in een eerdere versie van dit overzicht; blijft verborgen.';
    case 'aanvullend':
      return `Extra verborgen, zodat dit niet terug te rekenen is: ${r.beschermt.map(label).join('; ')}.`;
  }
}

/**
 * Disclosure control for one summary: primary suppression, zeros, earlier versions,
 * complementary suppression until the auditor finds it safe (this release and the ledger), then
 * rounding and noise, a final audit, and the file's content with its method statement.
 */
export function onderdruk(invoer: OnderdrukInvoer): TafelOverzicht {
  const inst = leesInstellingen(invoer.instellingen);
  const { tabellen, id } = invoer;
  if (tabellen.k !== inst.k) ongeldig('De tabellen zijn gemaakt met een andere drempel k dan de instellingen', 'instellingen.k');
  const gelezen = Vrijgave.array().safeParse(invoer.ledger ?? []);
  if (!gelezen.success) ongeldig('Het logboek van eerdere overzichten is beschadigd of onleesbaar', 'ledger');
  const ledger = [...gelezen.data].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (ledger.some((v) => v.id === id)) ongeldig('Er is al een overzicht met deze naam in het logboek', 'id');
  controleerVolgorde(tabellen.periode, ledger);

  const k = inst.k;
  const cellen = tabellen.cellen;
  const volgorde = new Map(cellen.map((c, i) => [c.id, i]));
  const perCel = new Map(cellen.map((c) => [c.id, c]));
  const status = new Map<CelId, Status>();
  const redenen = new Map<CelId, Reden>();
  const rasters = rastersVan(tabellen.tabellen);

  // 1. Primary.
  for (const c of cellen) {
    if (c.inOverige) {
      status.set(c.id, 'in-overige');
      redenen.set(c.id, { soort: 'kleine-gemeente' });
    } else if (c.waarde > 0 && c.waarde < k) {
      status.set(c.id, 'klein');
      redenen.set(c.id, { soort: 'klein' });
    } else status.set(c.id, 'getal');
  }
  // 2. A 0 in a row or column whose nonzero counts are all small (and where there is one).
  for (const lijn of lijnen(rasters)) {
    const cs = lijn.filter((c): c is CelId => c !== null);
    const klein = cs.filter((c) => redenen.get(c)?.soort === 'klein');
    if (klein.length === 0 || cs.some((c) => perCel.get(c)!.waarde >= k)) continue;
    for (const c of cs) {
      if (perCel.get(c)!.waarde !== 0 || status.get(c) !== 'getal') continue;
      status.set(c, 'klein');
      redenen.set(c, { soort: 'nul-tussen-klein', naast: klein });
    }
  }
  // 3. Hidden in an earlier version of this period: stays hidden.
  const periode = tabellen.periode;
  for (const v of ledger) {
    if (v.periode.jaar !== periode.jaar || v.periode.kwartaal !== periode.kwartaal) continue;
    for (const [cel, p] of Object.entries(v.gepubliceerd)) {
      if ((p !== 'klein' && p !== 'verborgen') || status.get(cel) !== 'getal') continue;
      status.set(cel, perCel.get(cel)!.waarde === 0 ? 'klein' : 'verborgen');
      const eerder = redenen.get(cel);
      redenen.set(cel, { soort: 'eerdere-versie', vrijgaven: [...(eerder?.soort === 'eerdere-versie' ? eerder.vrijgaven : []), v.id] });
    }
  }

  const waarden = waardenVan(tabellen);
  const vergelijkingen = tabellen.vergelijkingen;
  const vrijgaveVan = (st: Map<CelId, Status>): Vrijgave => ({
    id,
    periode,
    methodeVersie: METHODE_VERSIE,
    k,
    gepubliceerd: Object.fromEntries(cellen.map((c) => [c.id, st.get(c.id) === 'getal' ? c.waarde : (st.get(c.id) as Exclude<Status, 'getal'>)])),
    vergelijkingen,
    rasters,
    waarden,
  });
  // The relations between releases depend on true counts only: the same in every round.
  const links = koppelingen([...ledger, vrijgaveVan(status)]);
  const cache: AuditCache = new Map();
  const bouw = (st: Map<CelId, Status>) => bouwSysteem([...ledger, vrijgaveVan(st)], links);

  /** The price of hiding a shown cell: a total costs more (it links tables and releases); a smaller count a little less. */
  const prijs = (cel: CelId) => (perCel.get(cel)!.totaal ? 3 : 1) + Math.min(perCel.get(cel)!.waarde, 1e6) * 1e-7 + volgorde.get(cel)! * 1e-9;
  const sleutelVan = (o: { vrijgave: string; cel: CelId }) => `${o.vrijgave}\u0000${o.cel}`;

  // The system with every shown cell of this release opened ("x" for k or more, "<k" for 0): the
  // same in every round (bounds come from markers, which opened cells share with hidden ones).
  const open = new Map(status);
  for (const c of cellen) if (status.get(c.id) === 'getal') open.set(c.id, c.waarde === 0 ? 'klein' : 'verborgen');
  const sysOpen = bouw(open);
  const rijenVanOpen: number[][] = sysOpen.onbekenden.map(() => []);
  sysOpen.rijen.forEach((r, ri) => r.termen.forEach(([v]) => rijenVanOpen[v]!.push(ri)));

  /**
   * The cheapest other table: every count a reader knows stays as published, except shown cells of
   * this release (each staying within what its new marker says), and the target moves by one. The
   * cells it had to change are the ones to hide — after that, this very table shows the target is
   * not determined. Searched around the target's group first (relations one, two, three steps
   * away), then everywhere; cells outside the search keep their true counts.
   */
  function alternatief(st: Map<CelId, Status>, groep: readonly string[]): CelId[] | null {
    const kandidaat = (v: number) => sysOpen.onbekenden[v]!.vrijgave === id && st.get(sysOpen.onbekenden[v]!.cel) === 'getal';
    const start = sysOpen.index.get(groep[0]!)!;
    const gebied = new Map<number, number>();
    for (const key of groep) {
      const v = sysOpen.index.get(key);
      if (v !== undefined && !gebied.has(v)) gebied.set(v, gebied.size);
    }
    let rand = [...gebied.keys()];
    const bezocht = new Set<number>();
    for (const diepte of [1, 2, 3, Infinity]) {
      while (rand.length > 0) {
        const volgende: number[] = [];
        for (const v of rand) {
          for (const ri of rijenVanOpen[v]!) {
            if (bezocht.has(ri)) continue;
            bezocht.add(ri);
            for (const [w] of sysOpen.rijen[ri]!.termen) {
              if (!gebied.has(w)) {
                gebied.set(w, gebied.size);
                volgende.push(w);
              }
            }
          }
        }
        rand = volgende;
        if (diepte !== Infinity) break;
      }
      const vars = [...gebied.keys()];
      const n = vars.length;
      const rijen = new Set<number>();
      for (const v of vars) for (const ri of rijenVanOpen[v]!) rijen.add(ri);
      const extra = vars.filter(kandidaat);
      if (extra.length === 0 && rand.length > 0) continue;
      const lo: number[] = vars.map((v) => sysOpen.onbekenden[v]!.lo);
      const hi: number[] = vars.map((v) => sysOpen.onbekenden[v]!.hi);
      // A hidden cell stays within its marker; a cell still shown moves only if chosen (below).
      const lpRijen: LpRij[] = [];
      for (const ri of rijen) {
        const r = sysOpen.rijen[ri]!;
        let rhs = r.rhs;
        const termen: Array<[number, number]> = [];
        for (const [v, a] of r.termen) {
          const l = gebied.get(v);
          if (l === undefined) rhs -= a * sysOpen.onbekenden[v]!.waarheid;
          else termen.push([l, a]);
        }
        lpRijen.push({ termen, soort: r.soort, rhs });
      }
      const doelKosten: Array<[number, number]> = [];
      extra.forEach((v, i) => {
        const u = n + 2 * i;
        lo.push(0, 0);
        hi.push(Infinity, Infinity);
        lpRijen.push({ termen: [[gebied.get(v)!, 1], [u, -1], [u + 1, 1]], soort: 'gelijk', rhs: sysOpen.onbekenden[v]!.waarheid });
        const c = prijs(sysOpen.onbekenden[v]!.cel);
        doelKosten.push([u, c], [u + 1, c]);
      });
      let beste: { kosten: number; cellen: CelId[] } | null = null;
      const doel = gebied.get(start)!;
      const t = sysOpen.onbekenden[start]!.waarheid;
      for (const stap of [1, -1]) {
        if (t + stap < lo[doel]! || t + stap > hi[doel]!) continue;
        const l2 = [...lo];
        const h2 = [...hi];
        l2[doel] = t + stap;
        h2[doel] = t + stap;
        const s = Simplex.bouw({ lo: l2, hi: h2, rijen: lpRijen });
        if (!(s instanceof Simplex)) continue;
        const r = s.optimaliseer(doelKosten, 'min');
        if (r.soort !== 'optimaal') continue;
        const veranderd = extra.filter((v) => Math.abs(r.x[gebied.get(v)!]! - sysOpen.onbekenden[v]!.waarheid) > 1e-6).map((v) => sysOpen.onbekenden[v]!.cel);
        if (!beste || r.waarde < beste.kosten - 1e-9) beste = { kosten: r.waarde, cellen: veranderd };
      }
      if (beste) return beste.cellen;
      if (rand.length === 0) break;
    }
    return null;
  }

  const verbergAls = (st: Map<CelId, Status>, cel: CelId, beschermt: CelVerwijzing) => {
    st.set(cel, perCel.get(cel)!.waarde === 0 ? 'klein' : 'verborgen');
    const r = redenen.get(cel);
    if (r?.soort === 'aanvullend') r.beschermt.push(beschermt);
    else redenen.set(cel, { soort: 'aanvullend', beschermt: [beschermt] });
  };

  const onoplosbaar = new Set<string>();
  for (let ronde = 0; ronde <= cellen.length + 1; ronde++) {
    const sys = bouw(status);
    const oordeel = beoordeel(sys, { intervallen: 'beschermd' }, cache);
    // Targets: every protected cell not proven free (anywhere), and — best effort, for the zero
    // rule — a 0 of this release shown as "<k" that the relations pin.
    const doelen = oordeel
      .map((o, v) => [o, v] as const)
      .filter(([o, v]) => !onoplosbaar.has(sleutelVan(o)) && (!o.veilig || (o.vrijgave === id && o.publicatie === 'klein' && o.waarheid === 0 && sys.lo[v] === sys.hi[v])));
    if (doelen.length === 0) break;
    const groepVan = new Map<number, number[]>();
    for (const g of groepen(sys)) for (const v of g) groepVan.set(v, g);
    let veranderd = false;
    const nieuw = new Set<string>();
    for (const [o, v] of doelen) {
      // Another target of this round already changed its group: judge it again next round.
      const groep = [v, ...(groepVan.get(v) ?? []).filter((w) => w !== v)].map((w) => sleutelVan(sys.onbekenden[w]!));
      if (groep.some((key) => nieuw.has(key))) continue;
      const cellenNodig = alternatief(status, groep);
      if (!cellenNodig || cellenNodig.length === 0) {
        onoplosbaar.add(sleutelVan(o));
        continue;
      }
      for (const c of cellenNodig) verbergAls(status, c, { vrijgave: o.vrijgave, cel: o.cel });
      for (const key of groep) nieuw.add(key);
      for (const c of cellenNodig) nieuw.add(sleutelVan({ vrijgave: id, cel: c }));
      veranderd = true;
    }
    if (!veranderd) break;
  }

  // 5. Rounding and noise on shown counts of k or more; 0 stays 0.
  const pk = periodeSleutel(periode);
  const getoond = (c: { id: CelId; waarde: number }): CelPublicatie => {
    const st = status.get(c.id)!;
    if (st !== 'getal') return st;
    if (c.waarde === 0) return 0;
    let n = c.waarde;
    if (inst.ruis) n = Math.max(k, n + celRuis(inst.ruis.sleutel, pk, c.id, c.waarde, inst.ruis.max));
    if (inst.afronding) n = afronden(n, inst.afronding);
    return n;
  };
  const gepubliceerd = Object.fromEntries(cellen.map((c) => [c.id, getoond(c)]));
  const vrijgave: Vrijgave = {
    ...vrijgaveVan(status),
    gepubliceerd,
    ...(inst.afronding ? { afronding: inst.afronding } : {}),
    ...(inst.ruis ? { ruisMax: inst.ruis.max } : {}),
  };

  // 6. The final audit of exactly what a reader will see.
  const controle = controleer([...ledger, vrijgave], { intervallen: 'alle', alleenVrijgave: id });
  const problemen = controle.onveilig.map((o) => probleemTekst(o, id, ledger, perCel));

  const oordeelVan = new Map(controle.cellen.filter((o) => o.vrijgave === id).map((o) => [o.cel, o]));
  const labelVan = (c: CelVerwijzing) => (c.vrijgave === id ? (perCel.get(c.cel)?.label ?? c.cel) : `${perCel.get(c.cel)?.label ?? c.cel} (${periodeNaamVan(c.vrijgave, ledger)})`);
  const verborgen: VerborgenCel[] = cellen
    .filter((c) => status.get(c.id) !== 'getal')
    .map((c) => {
      const reden = redenen.get(c.id) ?? { soort: 'aanvullend', beschermt: [] };
      const o = oordeelVan.get(c.id);
      const interval = o ? { min: o.min, max: o.max } : { min: c.waarde, max: c.waarde };
      return { cel: c.id, label: c.label, waarde: c.waarde, getoond: toon(gepubliceerd[c.id]!, k), reden, uitleg: redenTekst(reden, k, labelVan), interval };
    });

  const zichtbaar = Object.fromEntries(Object.entries(gepubliceerd).filter(([, p]) => p !== 'in-overige')) as Publicatie['cellen'];
  const publicatie: Publicatie = {
    methodeVersie: METHODE_VERSIE,
    periode,
    regio: tabellen.regio,
    k,
    ...(inst.afronding ? { afronding: inst.afronding } : {}),
    ...(inst.ruis ? { ruisMax: inst.ruis.max } : {}),
    cellen: zichtbaar,
    vergelijkingen: vergelijkingen.filter((e) => e.termen.every((t) => t.cel in zichtbaar)),
    tabellen: tabellen.tabellen.map((t) => ({
      id: t.id,
      titel: t.titel,
      kolommen: t.kolommen,
      rijen: t.rijen.map((r) => ({ id: r.id, label: r.label, cellen: r.cellen.map((c) => (c === null ? null : { cel: c, toon: toon(gepubliceerd[c]!, k) })) })),
    })),
    methode: methodeTekst({ k, afronding: inst.afronding, ruisMax: inst.ruis?.max }),
  };
  return { veilig: controle.veilig, problemen, publicatie, verborgen, vrijgave, controle };
}

function periodeNaamVan(vrijgave: string, ledger: readonly Vrijgave[]): string {
  const v = ledger.find((l) => l.id === vrijgave);
  return v ? `eerder overzicht over ${periodeNaam(v.periode)}` : vrijgave;
}

function probleemTekst(o: CelOordeel, id: string, ledger: readonly Vrijgave[], perCel: Map<CelId, { label: string }>): string {
  const label = perCel.get(o.cel)?.label ?? o.cel;
  const waar = o.vrijgave === id ? 'in dit overzicht' : `in het ${periodeNaamVan(o.vrijgave, ledger)}`;
  return `"${label}" ${waar} is terug te rekenen uit dit overzicht samen met de eerdere overzichten, en extra verbergen in dit overzicht helpt niet. Stuur dit overzicht niet, of kies een hogere drempel k.`;
}
