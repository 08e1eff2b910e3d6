import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KkError } from '../../../../shared/errors';
import { dataCategorieNaam } from '../../../../shared/stappenplan/dataCategories';
import { volgendeStap } from '../../../../shared/stappenplan/engine';
import { leesStappenplan, stappenplanV1 } from '../../../../shared/stappenplan/ruleSet';
import type { StappenplanFile } from '../../../../shared/stappenplan/ruleSet.schema';
import { leesScenarios, verschillen } from '../../../../shared/stappenplan/scenario';
import type { GebruikteBron, StappenplanStap } from '../../../../shared/stappenplan/situatie.schema';
import { UsageError, type Command } from '../command';

/** A scenario or rule-set file is small; anything larger is not one. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

const UITKOMST_TEKST = {
  toegestaan: 'toegestaan',
  'niet-toegestaan': 'niet toegestaan',
  'alleen-zonder-persoonsgegevens': 'alleen zonder persoonsgegevens',
} as const;

/** Reads a JSON file for this command; an unreadable or non-JSON file is wrong usage (exit 2), said in Dutch. */
function readJson(path: string, what: string): unknown {
  const file = resolve(path);
  let text: string;
  try {
    if (!statSync(file).isFile() || statSync(file).size > MAX_FILE_BYTES) throw new Error('not a small file');
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${what} is niet te lezen (bestaat het, en is het kleiner dan 10 MB?)`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    // The parser's message quotes the file; it is not repeated.
    throw new UsageError(`${what} is geen geldige JSON`);
  }
}

function bronTekst(b: GebruikteBron): string {
  const waar = b.document ? ` (${b.document}${b.regel ? `, regel ${b.regel}` : ''})` : '';
  return `${b.titel}${waar}${b.url ? ` ${b.url}` : ''}`;
}

/** The lines printed for one scenario's step. */
function stapRegels(stap: StappenplanStap): string[] {
  if (stap.soort === 'vraag') {
    const v = stap.vraag;
    return [
      `Nog niet af. De volgende vraag (stap ${v.stap}): ${v.tekst}`,
      ...(v.fout ? [`  Let op: ${v.fout}`] : []),
      `  Uitleg: ${v.uitleg}`,
      '  Mogelijke antwoorden:',
      ...v.antwoorden.map((a) => `    ${a.waarde}: ${a.tekst}`),
      ...(stap.redenering.length > 0 ? ['Redenering tot nu toe:', ...stap.redenering.map((r, i) => `  ${i + 1}. ${r}`)] : []),
      `Stappenplan versie ${stap.ruleSetVersie}`,
    ];
  }
  return [
    `Uitkomst: ${UITKOMST_TEKST[stap.uitkomst]}`,
    ...(stap.grondslag ? [`Grondslag: ${stap.grondslag} (${stap.bepaling ?? ''})`] : []),
    stap.velden.length > 0 ? `Gegevens die mee mogen: ${stap.velden.map((c) => `${c} (${dataCategorieNaam[c]})`).join(', ')}` : 'Gegevens die mee mogen: geen persoonsgegevens',
    'Redenering:',
    ...stap.redenering.map((r, i) => `  ${i + 1}. ${r}`),
    'Bronnen:',
    ...stap.bronnen.map((b) => `  - ${bronTekst(b)}`),
    `Stappenplan versie ${stap.ruleSetVersie}`,
  ];
}

/**
 * `kk stappenplan check --in FILE [--regels FILE]`: runs the stappenplan on one scenario or a
 * list (the format of test/shared/stappenplan/scenarios.json, see the README) and prints, in
 * Dutch, the outcome, the fields that may leave, the reasoning and the sources. No vault is
 * needed. `--regels` checks against another rule-set file (a new version under review).
 * Exit 0 when every scenario ran (and matched its `verwacht`, if given); 1 when a scenario did
 * not match what it expects; 2 for an unreadable or invalid file, with the path and the reason.
 */
export const stappenplanCheck: Command = {
  path: ['stappenplan', 'check'],
  summary: 'toets scenario’s aan het privacy-stappenplan: uitkomst, toegestane gegevens, redenering en bronnen (geen kluis nodig)',
  options: ['in'],
  optional: ['regels'],
  async run({ options, out, err }) {
    let ruleSet: StappenplanFile = stappenplanV1;
    if (options.regels !== undefined) {
      try {
        ruleSet = leesStappenplan(readJson(options.regels, 'Het stappenplan-bestand'), 'het stappenplan-bestand');
      } catch (error) {
        if (!(error instanceof KkError)) throw error;
        err('kk: Het stappenplan-bestand klopt niet:');
        for (const issue of error.issues ?? []) err(`  ${issue.path}: ${issue.message}`);
        return 2;
      }
    }
    const gelezen = leesScenarios(readJson(options.in ?? '', 'Het scenariobestand'), ruleSet);
    if (!gelezen.ok) {
      err(`kk: Het scenariobestand klopt niet (${gelezen.problemen.length === 1 ? '1 probleem' : `${gelezen.problemen.length} problemen`}):`);
      for (const p of gelezen.problemen.slice(0, 50)) err(`  ${p.path}: ${p.message}`);
      if (gelezen.problemen.length > 50) err(`  … en nog ${gelezen.problemen.length - 50}`);
      return 2;
    }
    let afwijkend = 0;
    gelezen.scenarios.forEach((scenario, i) => {
      if (i > 0) out('');
      out(gelezen.lijst ? `Scenario ${i + 1}: ${scenario.naam}` : `Scenario: ${scenario.naam}`);
      const stap = volgendeStap(ruleSet, scenario.situatie);
      for (const line of stapRegels(stap)) out(line);
      if (scenario.verwacht) {
        const anders = verschillen(scenario.verwacht, stap);
        if (anders.length === 0) out('Verwachting: klopt');
        else {
          afwijkend++;
          out('Verwachting: klopt NIET');
          for (const a of anders) out(`  - ${a}`);
        }
      }
    });
    if (gelezen.scenarios.length > 1 || afwijkend > 0) {
      out('');
      out(`${gelezen.scenarios.length} scenario’s getoetst aan stappenplan versie ${ruleSet.versie}${afwijkend > 0 ? `; ${afwijkend} wijken af van hun verwachting` : ''}.`);
    }
    return afwijkend > 0 ? 1 : undefined;
  },
};
