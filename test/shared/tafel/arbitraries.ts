// fast-check arbitraries of a synthetic world's figures (many zeros, many small counts), shared by
// the suppression and the compiled-monitor property tests.
import fc from 'fast-check';
import { MeldingRij, MonitorCategorie } from '../../../shared/casework/dashboard.schema';
import { AfsluitReden } from '../../../shared/casework/traject.schema';
import { ANDERE_GEMEENTEN, VORMEN, type Herkomst, type Soort, type Wereld } from './fixtures';

/** How big the groups and lists may be. */
export interface WereldMaat {
  /** The largest count of a group of k or more. */
  groot: number;
  /** Weight of groups of k or more among zeros (3) and small counts (4). */
  grootGewicht: number;
  meldingen: number;
  politie: number;
  afgesloten: number;
}

/** Arbitrary figures of one organisation's period. */
export function wereldArb(maat: WereldMaat): fc.Arbitrary<Wereld> {
  const aantal = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: maat.grootGewicht, arbitrary: fc.integer({ min: 5, max: maat.groot }) });
  const leeftijd = fc.constantFrom('volwassen' as const, 'minderjarig' as const, 'onbekend' as const);
  const herkomst: fc.Arbitrary<Herkomst> = fc.oneof(
    { weight: 3, arbitrary: fc.constant('Rotterdam') },
    { weight: 4, arbitrary: fc.constantFrom(...ANDERE_GEMEENTEN) },
    { weight: 2, arbitrary: fc.constantFrom('onbekend-in-regio' as const, 'buiten-regio' as const, 'onbekend' as const) },
  );
  const soort: fc.Arbitrary<Soort> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ rij: fc.constantFrom(...MeldingRij.options, 'preventief-gesprek' as const), leeftijd }) },
    { weight: 1, arbitrary: fc.record({ info: fc.constantFrom('sekswerkers' as const, 'overig' as const) }) },
  );
  return fc.record({
    clienten: fc.array(fc.record({ categorie: fc.constantFrom(...MonitorCategorie.options), nieuw: fc.boolean(), leeftijd, aantal }), { maxLength: 10 }),
    meldingen: fc.array(fc.record({ herkomst, soort, aantal }), { maxLength: maat.meldingen }),
    politie: fc.array(fc.record({ vorm: fc.constantFrom(...VORMEN), soort: fc.constantFrom('gesprek' as const, 'aangifte' as const), aantal }), { maxLength: maat.politie }),
    afgesloten: fc.dictionary(fc.constantFrom(...AfsluitReden.options), aantal, { maxKeys: maat.afgesloten }),
    crisis: aantal,
  });
}
