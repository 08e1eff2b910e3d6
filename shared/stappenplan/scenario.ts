import type { z } from 'zod';
import { dutchIssueText, unknownKeyPathPart } from '../casework/issueText';
import { dataCategorieNaam } from './dataCategories';
import type { StappenplanFile } from './ruleSet.schema';
import { Scenario, ScenarioLijst, type StappenplanStap, type Verwachting } from './situatie.schema';

/** One problem in a scenario file: where (a path such as `3.situatie.doel`) and what, in Dutch. */
export interface ScenarioProbleem {
  path: string;
  message: string;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(bestand)';
}

function problemen(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): ScenarioProbleem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathText([...prefix, ...issue.path, unknownKeyPathPart(key)]), message: issue.message }))
      : [{ path: pathText([...prefix, ...issue.path]), message: issue.message }],
  );
}

/**
 * Reads a scenario file (already parsed JSON): one scenario or a list. Checks the shape with the
 * shared schemas (Dutch messages, never repeating the file's values) and then the answers
 * against the rule set: every question id must exist and every answer must be one it allows.
 */
export function leesScenarios(raw: unknown, ruleSet: StappenplanFile): { ok: true; scenarios: Scenario[]; lijst: boolean } | { ok: false; problemen: ScenarioProbleem[] } {
  const lijst = Array.isArray(raw);
  const parsed = lijst ? ScenarioLijst.safeParse(raw, { error: dutchIssueText }) : Scenario.safeParse(raw, { error: dutchIssueText });
  if (!parsed.success) return { ok: false, problemen: problemen(parsed.error.issues, []) };
  const scenarios: Scenario[] = lijst ? (parsed.data as Scenario[]) : [parsed.data as Scenario];
  const vragen = new Map(ruleSet.inhoud.vragen.map((v) => [v.id, v]));
  const fouten: ScenarioProbleem[] = [];
  scenarios.forEach((s, i) => {
    const prefix = lijst ? [i, 'situatie', 'antwoorden'] : ['situatie', 'antwoorden'];
    for (const [id, waarde] of Object.entries(s.situatie.antwoorden)) {
      const vraag = vragen.get(id);
      if (!vraag) fouten.push({ path: pathText([...prefix, id]), message: `Deze vraag bestaat niet in stappenplan versie ${ruleSet.versie}` });
      else if (!vraag.antwoorden.some((a) => a.waarde === waarde)) fouten.push({ path: pathText([...prefix, id]), message: `Kies uit: ${vraag.antwoorden.map((a) => `"${a.waarde}"`).join(', ')}` });
    }
  });
  return fouten.length > 0 ? { ok: false, problemen: fouten } : { ok: true, scenarios, lijst };
}

/** Where the engine's step differs from what the scenario expects, in Dutch; empty when it matches. */
export function verschillen(verwacht: Verwachting, stap: StappenplanStap): string[] {
  const uit: string[] = [];
  const kreeg = stap.soort === 'vraag' ? 'vraag' : stap.uitkomst;
  if (kreeg !== verwacht.uitkomst) uit.push(`verwacht "${verwacht.uitkomst}", maar het stappenplan geeft "${kreeg}"`);
  if (stap.soort === 'vraag') {
    if (verwacht.vraag !== undefined && verwacht.vraag !== stap.vraag.id) uit.push(`verwacht de vraag "${verwacht.vraag}", maar het stappenplan vraagt "${stap.vraag.id}"`);
    return uit;
  }
  if (verwacht.velden !== undefined) {
    const teVeel = stap.velden.filter((v) => !verwacht.velden!.includes(v));
    const teWeinig = verwacht.velden.filter((v) => !stap.velden.includes(v));
    if (teVeel.length > 0) uit.push(`deze gegevens mogen mee maar worden niet verwacht: ${teVeel.map((c) => dataCategorieNaam[c]).join(', ')}`);
    if (teWeinig.length > 0) uit.push(`deze gegevens worden verwacht maar mogen niet mee: ${teWeinig.map((c) => dataCategorieNaam[c]).join(', ')}`);
  }
  if (verwacht.grondslag !== undefined && verwacht.grondslag !== stap.grondslag) uit.push(`verwacht de grondslag "${verwacht.grondslag}", maar het stappenplan geeft "${stap.grondslag ?? 'geen'}"`);
  return uit;
}
