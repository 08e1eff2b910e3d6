import raw from '../../resources/gemeenten.json';
import { GemeentenFile, type Regio, type RegioGemeenten } from './gemeenten.schema';
import type { GemeenteGroep } from './dashboard.schema';

/** The gemeenten per region, validated at load: a broken data file fails loudly at start. */
export const gemeenten: GemeentenFile = GemeentenFile.parse(raw);

/** The gemeenten of one region. */
export function regioGemeenten(regio: Regio, data: GemeentenFile = gemeenten): RegioGemeenten {
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
export function alleGemeenten(data: GemeentenFile = gemeenten): string[] {
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
