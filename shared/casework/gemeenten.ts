import raw from '../../resources/gemeenten.json';
import { loadPolicy } from '../policy/loadPolicy';
import { GemeentenFile, type Gemeenten, type Regio, type RegioGemeenten } from './gemeenten.schema';
import type { GemeenteGroep } from './dashboard.schema';

/** The gemeenten policy file with its version and sources, validated at load: a broken file stops Ketenkluis at start. */
export const gemeentenPolicy: GemeentenFile = loadPolicy(GemeentenFile, raw, 'resources/gemeenten.json');

/** The gemeenten per region. */
export const gemeenten: Gemeenten = gemeentenPolicy.inhoud;

/** The gemeenten of one region. */
export function regioGemeenten(regio: Regio, data: Gemeenten = gemeenten): RegioGemeenten {
  const found = data.regios.find((r) => r.regio === regio);
  if (!found) throw new Error(`Unknown region ${regio}`);
  return found;
}

const known = new Set(alleGemeenten());

/** True for a gemeente of one of the known regions (exact spelling). */
export function isKnownGemeente(name: string): boolean {
  return known.has(name);
}

/** All gemeente names Ketenkluis knows, across regions. */
export function alleGemeenten(data: Gemeenten = gemeenten): string[] {
  return data.regios.flatMap((r) => r.gemeenten);
}

/**
 * How the regional monitor groups a gemeente: the centrumgemeente, another gemeente of the region,
 * unknown, or outside the region (an unknown name counts as outside: it is not one of ours).
 */
export function gemeenteGroep(gemeente: string, regio: RegioGemeenten): GemeenteGroep {
  if (gemeente === 'onbekend') return 'onbekend';
  if (gemeente === regio.centrumgemeente) return 'centrumgemeente';
  if (regio.gemeenten.includes(gemeente)) return 'regio';
  return 'buiten-regio';
}
