// `kk stappenplan check --in FILE`, run as a person runs it: the launcher electron/core/cli/bin/kk,
// a real process, no vault. The scenarios are synthetic (no real persons).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../vault/helpers';

const LAUNCHER = join(ROOT, 'electron/core/cli/bin/kk');
const TABLE = join(ROOT, 'test/shared/stappenplan/scenarios.json');
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('kk-stappenplan-'));
});
afterAll(() => cleanup());

/** Runs kk from an empty folder (it needs no vault and no repository files from the working directory). */
function kk(args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KK_')));
  const run = spawnSync(LAUNCHER, args, { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const table = JSON.parse(readFileSync(TABLE, 'utf8')) as Array<{ naam: string; situatie: Record<string, unknown>; verwacht?: Record<string, unknown> }>;
const comensha = table.find((s) => s.naam === 'CoMensha met schriftelijke toestemming van een cliënt van 17')!;

describe('kk stappenplan check --in FILE', () => {
  it('runs the whole decision table: every scenario matches its expectation, exit 0', () => {
    const r = kk(['stappenplan', 'check', '--in', TABLE]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${table.length} scenario’s getoetst aan stappenplan versie 1.`);
    expect(r.stdout.match(/^Verwachting: klopt$/gm)?.length).toBe(table.length);
    expect(r.stdout).not.toContain('klopt NIET');
  });

  it('prints one scenario in Dutch: outcome, ground, the allowed fields, the reasoning and the sources', () => {
    const r = kk(['stappenplan', 'check', '--in', file('een.json', { naam: comensha.naam, situatie: comensha.situatie })]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`Scenario: ${comensha.naam}`);
    expect(lines).toContain('Uitkomst: toegestaan');
    expect(lines).toContain('Grondslag: toestemming (artikel 6 lid 1 sub a AVG)');
    expect(lines).toContain('Gegevens die mee mogen: identificerend (naam en geboortedatum), achtergrond (geslacht, herkomst en taal), uitbuiting (vorm van uitbuiting en signalen)');
    expect(r.stdout).toMatch(/Redenering:\n {2}1\. Het doel is niet te bereiken zonder persoonsgegevens\./);
    expect(r.stdout).toContain('De cliënt gaf toestemming: er is een geldige schriftelijke toestemming voor CoMensha');
    expect(r.stdout).toMatch(/Bronnen:\n {2}- /);
    expect(r.stdout).toContain('(002_0e82b480fca28818.txt, regel 442-444)');
    expect(r.stdout).toContain('UAVG artikel 32');
    expect(lines).toContain('Stappenplan versie 1');
    expect(r.stdout).not.toContain('Verwachting');
  });

  it('says which question comes next when the answers are not complete', () => {
    const r = kk(['stappenplan', 'check', '--in', file('open.json', { naam: 'Open', situatie: { ...comensha.situatie, antwoorden: {} } })]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Nog niet af. De volgende vraag (stap 1): Kunt u het doel ook bereiken zonder persoonsgegevens?');
    expect(r.stdout).toContain('    nee: Nee, ik heb persoonsgegevens nodig');
  });

  it('exits 1 and says what differs when a scenario does not match its expectation', () => {
    const wrong = { ...comensha, verwacht: { uitkomst: 'toegestaan', velden: ['identificerend', 'bsn'] } };
    const r = kk(['stappenplan', 'check', '--in', file('anders.json', [wrong])]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Verwachting: klopt NIET');
    expect(r.stdout).toContain('deze gegevens worden verwacht maar mogen niet mee: BSN');
    expect(r.stdout).toContain('1 wijken af van hun verwachting');
  });

  it('refuses an invalid scenario with exit 2, the path and the Dutch reason, without repeating the file', () => {
    const bad = [
      comensha,
      { naam: 'Kapot', situatie: { ...comensha.situatie, doel: 'GEHEIM-DOEL-123', ontvanger: { categorie: 'zorg' }, extraVeld: 'Jansen Geheim' } },
    ];
    const r = kk(['stappenplan', 'check', '--in', file('kapot.json', bad)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kk: Het scenariobestand klopt niet \(3 problemen\):/);
    expect(r.stderr).toContain('  1.situatie.doel: Kies een doel uit de lijst van het stappenplan');
    expect(r.stderr).toContain('  1.situatie.ontvanger.medischBeroepsgeheim: Geef aan of er een medisch beroepsgeheim geldt');
    expect(r.stderr).toContain('  1.situatie.extraVeld: Dit veld kennen we niet');
    expect(r.stderr).not.toMatch(/GEHEIM-DOEL|Jansen/);
  });

  it('refuses answers to questions the rule set does not have, or answers a question does not allow (exit 2)', () => {
    const r = kk(['stappenplan', 'check', '--in', file('antwoord.json', { naam: 'x', situatie: { ...comensha.situatie, antwoorden: { 'bestaat-niet': 'ja', proportioneel: 'misschien' } } })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('situatie.antwoorden.bestaat-niet: Deze vraag bestaat niet in stappenplan versie 1');
    expect(r.stderr).toContain('situatie.antwoorden.proportioneel: Kies uit: "ja", "nee"');
  });

  it('refuses a file that is not JSON, or not there, with exit 2', () => {
    const notJson = kk(['stappenplan', 'check', '--in', file('tekst.json', '{ "naam": Jansen ')]);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr.trim()).toBe('kk: Het scenariobestand is geen geldige JSON');
    const missing = kk(['stappenplan', 'check', '--in', join(dir, 'bestaat-niet.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('kk: Het scenariobestand is niet te lezen');
    const noIn = kk(['stappenplan', 'check']);
    expect(noIn.status).toBe(2);
    expect(noIn.stderr).toContain('needs --in');
  });

  it('checks against another rule-set file with --regels, and refuses a broken one with exit 2 and the path', () => {
    const v1 = JSON.parse(readFileSync(join(ROOT, 'resources/stappenplan/v1.json'), 'utf8')) as { versie: string; inhoud: { regels: Array<{ bronnen: string[] }> } };
    const ok = kk(['stappenplan', 'check', '--in', TABLE, '--regels', file('v1-kopie.json', { ...v1, versie: '1-kopie' })]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('getoetst aan stappenplan versie 1-kopie.');
    v1.inhoud.regels[0]!.bronnen = ['onbekende-bron'];
    const broken = kk(['stappenplan', 'check', '--in', TABLE, '--regels', file('v1-kapot.json', v1)]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('kk: Het stappenplan-bestand klopt niet:');
    expect(broken.stderr).toContain('het stappenplan-bestand: inhoud.regels.0.bronnen.0: De bron "onbekende-bron" staat niet in de lijst bronnen');
  });

  it('is listed in kk help', () => {
    const r = kk(['help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kk stappenplan check --in <in> [--regels <regels>]');
  });
});
