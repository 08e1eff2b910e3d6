import raw from '../../resources/gemeenten.json';
import { loadPolicy } from '../policy/loadPolicy';
import { GemeentenFile, type Gemeenten, type GemeenteCode, type Regio, type RegioGemeenten } from './gemeenten.schema';
import type { GemeenteGroep } from './dashboard.schema';

/** The gemeenten policy file with its version and sources, validated at load: a broken file stops Ketenkluis at start. */
export const gemeentenPolicy: GemeentenFile = loadPolicy(GemeentenFile, raw, 'resources/gemeenten.json');

/** The CBS list of all gemeenten and the gemeenten per region. */
export const gemeenten: Gemeenten = gemeentenPolicy.inhoud;

/** Stored instead of a name: not known at all which gemeente. */
export const GEMEENTE_ONBEKEND = 'onbekend';
/** Stored instead of a name: not known which gemeente, but one of the region's (the monitor's "onbekend, wel een gemeente uit de regio"). */
export const GEMEENTE_ONBEKEND_IN_REGIO = 'onbekend-in-regio';
/** Stored instead of a name (an older value): a gemeente outside the region, not named. */
export const GEMEENTE_BUITEN_REGIO = 'buiten-regio';
/** The values stored instead of a gemeente name. */
export const GEMEENTE_SPECIAAL = [GEMEENTE_ONBEKEND, GEMEENTE_ONBEKEND_IN_REGIO, GEMEENTE_BUITEN_REGIO] as const;
/** A value stored instead of a gemeente name. */
export type GemeenteSpeciaal = (typeof GEMEENTE_SPECIAAL)[number];

/** True for `onbekend`, `onbekend-in-regio` and `buiten-regio`. */
export function isGemeenteSpeciaal(value: string): value is GemeenteSpeciaal {
  return (GEMEENTE_SPECIAAL as readonly string[]).includes(value);
}

/** The name lookups of one gemeenten file: current CBS name → code, and an earlier CBS name → today's name. */
interface Lookup {
  code: Map<string, GemeenteCode>;
  huidig: Map<string, string>;
}

const lookups = new WeakMap<Gemeenten, Lookup>();
function lookup(data: Gemeenten): Lookup {
  let found = lookups.get(data);
  if (!found) {
    const code = new Map(data.cbs.gemeenten.map((g) => [g.naam, g.code] as const));
    const naamVanCode = new Map(data.cbs.gemeenten.map((g) => [g.code, g.naam] as const));
    const huidig = new Map(data.cbs.eerdereNamen.map((e) => [e.naam, naamVanCode.get(e.code)!] as const));
    found = { code, huidig };
    lookups.set(data, found);
  }
  return found;
}

/** The gemeenten of one region. */
export function regioGemeenten(regio: Regio, data: Gemeenten = gemeenten): RegioGemeenten {
  const found = data.regios.find((r) => r.regio === regio);
  if (!found) throw new Error(`Unknown region ${regio}`);
  return found;
}

/**
 * True for a gemeente of the CBS list (exact spelling), or a name an earlier CBS list used for a
 * gemeente that is still in it (`Rijswijk`, now `Rijswijk (ZH.)`), so older records stay valid.
 */
export function isKnownGemeente(name: string, data: Gemeenten = gemeenten): boolean {
  const { code, huidig } = lookup(data);
  return code.has(name) || huidig.has(name);
}

/** Today's CBS name of a gemeente: the name itself, or the current name for an earlier one. */
export function huidigeGemeentenaam(name: string, data: Gemeenten = gemeenten): string {
  return lookup(data).huidig.get(name) ?? name;
}

/** The CBS gemeentecode of a gemeente name (also an earlier name), or undefined for anything else. */
export function gemeenteCode(name: string, data: Gemeenten = gemeenten): GemeenteCode | undefined {
  return lookup(data).code.get(huidigeGemeentenaam(name, data));
}

const nl = new Intl.Collator('nl');
const sortedNl = (names: Iterable<string>): string[] => [...names].sort(nl.compare);

/** All gemeente names of the CBS list, sorted as in Dutch. */
export function alleGemeenten(data: Gemeenten = gemeenten): string[] {
  return sortedNl(data.cbs.gemeenten.map((g) => g.naam));
}

/** The gemeenten to choose from for a region: its centrumgemeente, its other gemeenten, and all other gemeenten (each sorted as in Dutch). */
export interface GemeenteKeuzes {
  centrumgemeente: string;
  regio: string[];
  buiten: string[];
}

/** The gemeenten of the CBS list grouped for a pick list of a region: centrumgemeente, overige gemeenten in de regio, buiten de regio. */
export function gemeenteKeuzes(regio: Regio, data: Gemeenten = gemeenten): GemeenteKeuzes {
  const r = regioGemeenten(regio, data);
  const inRegio = new Set(r.gemeenten);
  return {
    centrumgemeente: r.centrumgemeente,
    regio: sortedNl(r.gemeenten.filter((g) => g !== r.centrumgemeente)),
    buiten: sortedNl(data.cbs.gemeenten.map((g) => g.naam).filter((g) => !inRegio.has(g))),
  };
}

/**
 * How the regional monitor groups a gemeente for a region: the centrumgemeente, another gemeente
 * of the region, onbekend, onbekend-in-regio, or buiten de regio (`buiten-regio`, any gemeente of
 * another region, and any name that is not one of the region's). An earlier CBS name counts as
 * the gemeente it names.
 */
export function gemeenteGroep(gemeente: string, regio: RegioGemeenten, data: Gemeenten = gemeenten): GemeenteGroep {
  if (gemeente === GEMEENTE_ONBEKEND) return 'onbekend';
  if (gemeente === GEMEENTE_ONBEKEND_IN_REGIO) return 'onbekend-in-regio';
  if (gemeente === GEMEENTE_BUITEN_REGIO) return 'buiten-regio';
  const naam = huidigeGemeentenaam(gemeente, data);
  if (naam === regio.centrumgemeente) return 'centrumgemeente';
  if (regio.gemeenten.includes(naam)) return 'regio';
  return 'buiten-regio';
}
