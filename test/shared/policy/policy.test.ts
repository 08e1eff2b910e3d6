import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadPolicy } from '../../../shared/policy/loadPolicy';
import { policyFile } from '../../../shared/policy/policy.schema';
import { KkError } from '../../../shared/errors';
import { gemeentenPolicy } from '../../../shared/casework/gemeenten';
import { meldroutePolicies } from '../../../shared/casework/meldroute';
import { opvangPolicy } from '../../../shared/casework/opvang';
import { monitorPolicy } from '../../../shared/casework/monitor';

/**
 * Every policy file with the fingerprint of its content per version. A version that was ever
 * used for advice or a decision never changes: a changed `inhoud` needs a new `versie`, and then
 * a new line here (reviewed like code). The stappenplan rule set joins this list.
 */
const VERSIONS: Record<string, Record<string, string>> = {
  'resources/gemeenten.json': { '2025-01': 'e6257cb25c779ec0b6b306004cc0f7623ed45744ed6720e51818d06572d2da49', '2025-02': 'dcfc87d23815d59ea000277e2b20eb5bc412210e064fbe3bdbdafb2ce4497965' },
  'resources/meldroute/west-brabant.json': { '2026-01': '5225d71819934b134bbe47cb75fbefe68554b7c2e2b67cb4d6a765a0bc499db1' },
  'resources/meldroute/rotterdam.json': { '2026-01': '527430d31a56d79975a6214c7d0b79e4e2746c21d7d74352ad312ca10ff0a222' },
  'resources/meldroute/den-haag.json': { '2026-01': 'fe2291c77affd6d6f40c0b8f588b86c2bb57ffcf599baa71a13aac53471992dd' },
  'resources/monitor.json': { '2024': 'a68d90264e997b79335c866569d8371bccc4d71e7d6a2ef30b45ccca4bad1a76', '2026-01': '25a397a801a68ad455fee55371b44340646efef931fc5676d86cf7f261e78f78' },
  'resources/opvang.json': { '2026-01': '237e6af7ed0b7769d9493f486b7ca9d76a19d941024a81332f7dd28bdce85af7' },
  'resources/partners.json': { '2025-01': 'c766813ee2c4a24c52515ca3d862f5d52d82e977e360becda8fe62355f40a137' },
  'resources/stappenplan/v1.json': { '1': '186f29aff06fe7122a1a16273f19437098c2ac1e7c4756827e8e7a31f87c7122' },
};

describe('policy files', () => {
  it.each(Object.keys(VERSIONS))('%s: a used version never changes (its content matches the fingerprint of its version)', (file) => {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { versie: string; inhoud: unknown };
    const digest = createHash('sha256').update(JSON.stringify(raw.inhoud)).digest('hex');
    expect(VERSIONS[file]![raw.versie], `${file}: new content needs a new versie (and its fingerprint ${digest} here)`).toBe(digest);
  });
  it('the app loads each of them, with its kind and version', () => {
    expect([gemeentenPolicy, meldroutePolicies['west-brabant'], meldroutePolicies.rotterdam, meldroutePolicies['den-haag'], monitorPolicy, opvangPolicy].map((p) => `${p.soort}@${p.versie}`)).toEqual(['gemeenten@2025-02', 'meldroute@2026-01', 'meldroute@2026-01', 'meldroute@2026-01', 'monitor@2026-01', 'opvang@2026-01']);
  });
});

describe('loadPolicy', () => {
  const Demo = policyFile('demo', z.strictObject({ regels: z.array(z.strictObject({ naam: z.string().min(1) })).min(1) }));
  const good = { soort: 'demo', versie: '1', bron: [{ titel: 'Een openbare bron', document: '004_ca9027ec33fd9117.txt', regel: '12' }], toelichting: 'Uitleg', inhoud: { regels: [{ naam: 'a' }] } };
  const refusal = (raw: unknown): KkError => {
    try {
      loadPolicy(Demo, raw, 'resources/demo.json');
    } catch (e) {
      return e as KkError;
    }
    throw new Error('accepted');
  };

  it('returns a valid file typed', () => {
    expect(loadPolicy(Demo, good, 'resources/demo.json').inhoud.regels[0]?.naam).toBe('a');
  });
  it('refuses with POLICY_INVALID, one issue per problem with the file and the path, and a message in Dutch then English', () => {
    const e = refusal({ ...good, versie: '', geldigVanaf: '1 januari', bron: [{ url: 'geen adres' }], inhoud: { regels: [{ naam: 3 }] } });
    expect(e).toBeInstanceOf(KkError);
    expect(e.code).toBe('POLICY_INVALID');
    expect(e.issues?.map((i) => i.path)).toEqual([
      'resources/demo.json: versie',
      'resources/demo.json: geldigVanaf',
      'resources/demo.json: bron.0.titel',
      'resources/demo.json: bron.0.url',
      'resources/demo.json: inhoud.regels.0.naam',
    ]);
    expect(e.message).toMatch(/^Het beleidsbestand resources\/demo\.json klopt niet\. versie: Een versie is bijvoorbeeld 2025-01 of 1\.2; geldigVanaf: Vul een datum in als JJJJ-MM-DD/);
    expect(e.message).toContain('bron.0.titel: Dit veld ontbreekt');
    expect(e.message).toContain('inhoud.regels.0.naam: Hier hoort tekst');
    expect(e.message).toMatch(/\(Policy file resources\/demo\.json is invalid: versie: .*inhoud\.regels\.0\.naam: Invalid input: expected string, received number\)$/);
  });
  it('never repeats what the file contained', () => {
    const e = refusal({ ...good, inhoud: { regels: [{ naam: 'Geheime Naam', extra: 'Nog Iets' }] }, toelichting: 42 });
    expect(e.message).not.toMatch(/Geheime|Nog Iets|42/);
    expect(e.message).toContain('inhoud.regels.0.extra: Dit veld kennen we niet');
  });
  it('refuses a file that is not a policy at all', () => {
    expect(refusal(null).issues).toEqual([{ path: 'resources/demo.json: (bestand)', message: 'Hier hoort een groep velden' }]);
  });
});
