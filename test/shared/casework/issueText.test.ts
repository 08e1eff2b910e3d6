import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dutchFieldIssues, dutchIssueText } from '../../../shared/casework/issueText';
import { ImportTraject } from '../../../shared/casework/import.schema';
import { seedItems } from '../../../electron/core/casework/seedData';
import { IsoDate, ShortText, Uitbuitingsvorm } from '../../../shared/casework/common.schema';

/** Parses `input` with Dutch messages and returns the field issues for record 5 of `trajecten`. */
function issuesOf(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input, { error: dutchIssueText });
  return r.success ? [] : dutchFieldIssues(r.error.issues, ['trajecten', 5]);
}

const SECRET = 'Qwertyuiopnaam';

describe('Dutch import reasons: what the field needs, never what was typed', () => {
  it.each([
    ['missing field', z.strictObject({ naam: ShortText }), {}, 'trajecten.5.naam', 'Dit veld ontbreekt. Vul het in'],
    ['wrong type', z.strictObject({ naam: ShortText }), { naam: 4242 }, 'trajecten.5.naam', 'Hier hoort tekst'],
    ['empty text', z.strictObject({ naam: ShortText }), { naam: '   ' }, 'trajecten.5.naam', 'Vul dit veld in'],
    ['too long', z.strictObject({ naam: ShortText }), { naam: SECRET.repeat(20) }, 'trajecten.5.naam', 'Deze tekst is te lang. Het mag maximaal 200 tekens zijn'],
    ['bad date', z.strictObject({ datum: IsoDate }), { datum: `${SECRET}-01` }, 'trajecten.5.datum', 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2024-03-01'],
    ['not in a long list', z.strictObject({ vorm: Uitbuitingsvorm }), { vorm: SECRET }, 'trajecten.5.vorm', 'Kies een van deze waarden: "seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting", "orgaanverwijdering", "gedwongen-huwelijk", "illegale-adoptie", "draagmoederschap"'],
    ['wrong literal', z.strictObject({ versie: z.literal(1) }), { versie: 7 }, 'trajecten.5.versie', 'Hier hoort precies 1'],
    ['list too long', z.strictObject({ l: z.array(z.number()).max(2) }), { l: [1, 2, 3] }, 'trajecten.5.l', 'Deze lijst is te lang. Er mogen maximaal 2 onderdelen in'],
    ['number too small', z.strictObject({ n: z.number().int().min(1) }), { n: 0 }, 'trajecten.5.n', 'Dit getal is te klein. Het moet minstens 1 zijn'],
    ['unknown field (name kept)', z.strictObject({ a: z.string() }), { a: 'x', bsnNummer: SECRET }, 'trajecten.5.bsnNummer', 'Dit veld kennen we niet. Haal het weg of controleer de spelling'],
    ['unknown field that looks like content (name hidden)', z.strictObject({ a: z.string() }), { a: 'x', [`${SECRET} woont hier`]: 1 }, 'trajecten.5.(onbekend veld)', 'Dit veld kennen we niet. Haal het weg of controleer de spelling'],
  ])('%s', (_label, schema, input, path, message) => {
    const issues = issuesOf(schema, input);
    expect(issues).toEqual([{ path, message }]);
    expect(JSON.stringify(issues)).not.toContain(SECRET);
    expect(JSON.stringify(issues)).not.toContain('4242');
  });

  it('a message set by the schema itself (already Dutch) wins over the generic one', () => {
    const [item] = [...seedItems({ trajecten: 1, seed: 3, today: '2026-11-25' })];
    const traject = { ...item!.traject, fase: 'afgesloten', afsluitReden: undefined };
    expect(issuesOf(ImportTraject, traject)).toEqual([{ path: 'trajecten.5.afsluitReden', message: 'Een afgesloten traject heeft een reden' }]);
  });

  it('a whole record full of mistakes gets only Dutch reasons', () => {
    const issues = issuesOf(ImportTraject, { fase: 'nergens', client: { roepnaam: 1 }, vormen: 'x', extra: true });
    expect(issues.length).toBeGreaterThan(3);
    expect(issues.every((i) => !/Invalid|expected|received|Unrecognized|Too (big|small)/i.test(i.message))).toBe(true);
  });
});
