// The contract's schemas of the engine's answers (shared/verstrekkingen/stap.schema.ts) against
// the engine itself: every step of every scenario of the decision table, replayed from no answers
// to the outcome, parses exactly (nothing added, nothing dropped), so the window sees what the
// engine said.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { volgendeStap } from '../../../shared/stappenplan/engine';
import { stappenplanV1 } from '../../../shared/stappenplan/ruleSet';
import { leesScenarios } from '../../../shared/stappenplan/scenario';
import { StapSchema } from '../../../shared/verstrekkingen/stap.schema';

it('every step of the decision table parses with the contract’s schema, unchanged', () => {
  const read = leesScenarios(JSON.parse(readFileSync(join(import.meta.dirname, '../../shared/stappenplan/scenarios.json'), 'utf8')), stappenplanV1);
  if (!read.ok) throw new Error('scenarios.json is invalid');
  let stappen = 0;
  const soorten = new Set<string>();
  for (const { situatie } of read.scenarios) {
    const known: Record<string, string> = {};
    for (let i = 0; i < 40; i++) {
      const stap = volgendeStap(stappenplanV1, { ...situatie, antwoorden: { ...known } });
      expect(StapSchema.parse(stap)).toEqual(stap);
      stappen++;
      soorten.add(stap.soort === 'vraag' ? 'vraag' : stap.uitkomst);
      const antwoord = stap.soort === 'vraag' ? situatie.antwoorden?.[stap.vraag.id] : undefined;
      if (stap.soort === 'uitkomst' || antwoord === undefined || known[stap.vraag.id] === antwoord) break;
      known[stap.vraag.id] = antwoord;
    }
  }
  expect(stappen).toBeGreaterThan(300);
  expect([...soorten].sort()).toEqual(['alleen-zonder-persoonsgegevens', 'niet-toegestaan', 'toegestaan', 'vraag']);
});
