import { newTraject, type TestVault } from './helpers';
import { regioGemeenten } from '../../../shared/casework/gemeenten';
import type { Input } from '../../../shared/ipc/contract';

/**
 * The published 2024 figures of the ESSM (Monitor mensenhandel regio Rotterdam 2024, seeds/004
 * lines 105–211 and 241; DOMAIN.md) entered as records the way a coordinator would — trajecten
 * for cliënten, meldingen, police contacts — with the values real work has (unknown gemeente
 * within the region, a preventive traject followed by one for uitbuiting, years before and after),
 * never a value forced to make a count come out. Used by the dashboard test and the Regionale
 * Tafel release test.
 */
export async function voerEssm2024In(v: TestVault): Promise<void> {
  type Vorm = 'seksuele-uitbuiting' | 'criminele-uitbuiting' | 'arbeidsuitbuiting';
  async function trajecten(aantal: number, fields: Record<string, unknown>, sluiten?: string): Promise<void> {
    for (let i = 0; i < aantal; i++) {
      const t = await newTraject(v, { gemeente: 'Rotterdam', ...fields });
      if (sluiten) await v.call('trajecten.transition', { id: t.trajectId, version: t.version, naar: 'afgesloten', reden: 'doelen-bereikt', datum: sluiten });
    }
  }

  const overigeRegio = regioGemeenten('rotterdam').gemeenten.filter((g) => g !== 'Rotterdam');

  async function meldingen(aantal: number, datum: string, fields: Record<string, unknown> & { vorm: string }, herkomst: () => string): Promise<void> {
    for (let i = 0; i < aantal; i++) {
      await v.call('meldingen.create', { fields: { datum, kanaal: 'telefoon', anoniem: true, melderType: 'burger', gemeente: herkomst(), ...fields } as Input<'meldingen.create'>['fields'] });
    }
  }

  const vorm = (w: Vorm, minderjarig = false) => ({ vormen: [w], minderjarigBijStart: minderjarig });
  // Cliënten: SU 115 (38 continuing from 2023, 77 new), CU 13 (2, 11), other/AU 13 (6, 7), preventive 26 (7, 19).
  await trajecten(38, { ...vorm('seksuele-uitbuiting'), aanmelddatum: '2023-05-10' });
  await trajecten(76, { ...vorm('seksuele-uitbuiting'), aanmelddatum: '2024-03-02' });
  // The 77th new SU cliënt first had a preventive traject (2023, closed in 2024), then one for
  // uitbuiting: one cliënt, in SU, new — and not among the preventive ones.
  const eerst = await newTraject(v, { preventief: true, vormen: ['seksuele-uitbuiting'], minderjarigBijStart: true, gemeente: 'Schiedam', aanmelddatum: '2023-09-01' }, { geboortedatum: '2007-02-01' });
  await v.call('trajecten.transition', { id: eerst.trajectId, version: eerst.version, naar: 'afgesloten', reden: 'overgedragen', datum: '2024-02-01' });
  await v.call('trajecten.create', { clientId: eerst.clientId, fields: { vormen: ['seksuele-uitbuiting'], minderjarigBijStart: true, gemeente: 'Schiedam', verwijzer: 'meldpunt', aanmelddatum: '2024-02-05' } });
  await trajecten(2, { ...vorm('criminele-uitbuiting'), aanmelddatum: '2022-11-01' }, '2024-06-30');
  await trajecten(11, { ...vorm('criminele-uitbuiting'), aanmelddatum: '2024-04-01', verwijzer: 'onbekend' });
  await trajecten(6, { ...vorm('arbeidsuitbuiting'), aanmelddatum: '2023-01-15' });
  await trajecten(7, { ...vorm('arbeidsuitbuiting'), aanmelddatum: '2024-07-01', minderjarigBijStart: null });
  await trajecten(7, { preventief: true, vormen: ['seksuele-uitbuiting'], minderjarigBijStart: false, aanmelddatum: '2023-10-01' });
  await trajecten(19, { preventief: true, vormen: [], minderjarigBijStart: false, aanmelddatum: '2024-10-01' });
  // Not in 2024: closed in 2023, registered in 2025.
  await trajecten(5, { ...vorm('seksuele-uitbuiting'), aanmelddatum: '2022-02-01' }, '2023-12-31');
  await trajecten(3, { ...vorm('criminele-uitbuiting'), aanmelddatum: '2025-01-01' });

  // AVIM: 8 informative conversations and 2 aangiftes of CU in 2024 (one in 2023 does not count).
  const cu = await newTraject(v, { ...vorm('criminele-uitbuiting'), aanmelddatum: '2023-03-01' }, {});
  const gesprek = (datum: string) => ({ soort: 'informatief-gesprek' as const, datum, vorm: 'criminele-uitbuiting' as const });
  await v.call('trajecten.update', {
    id: cu.trajectId,
    version: cu.version,
    fields: { politiecontacten: [gesprek('2023-12-20'), ...Array.from({ length: 8 }, (_, i) => gesprek(`2024-0${i + 1}-10`)), { soort: 'aangifte' as const, datum: '2024-05-01', vorm: 'criminele-uitbuiting' as const }, { soort: 'aangifte' as const, datum: '2024-09-01', vorm: 'criminele-uitbuiting' as const }] },
  });
  // That traject's cliënt is a 14th CU cliënt (continuing); the figures below account for it.

  // Meldingen 2024: 179 = 121 Rotterdam, 44 other gemeenten of the region, 10 unknown but in the region, 4 outside.
  const herkomst = [...Array<string>(121).fill('Rotterdam'), ...Array.from({ length: 44 }, (_, i) => overigeRegio[i % overigeRegio.length]!), ...Array<string>(10).fill('onbekend-in-regio'), 'Utrecht', 'Utrecht', 'Breda', 'Leiden'];
  let next = 0;
  const van = () => herkomst[next++]!;
  const d = '2024-06-15';
  await meldingen(57, d, { vorm: 'seksuele-uitbuiting', minderjarig: false }, van);
  await meldingen(9, d, { vorm: 'seksuele-uitbuiting', minderjarig: true }, van);
  await meldingen(18, d, { vorm: 'seksuele-uitbuiting', minderjarig: false, preventiefGesprek: true }, van);
  await meldingen(20, d, { vorm: 'criminele-uitbuiting', minderjarig: true, preventiefGesprek: true }, van);
  await meldingen(8, d, { vorm: 'arbeidsuitbuiting', minderjarig: false, melderType: 'aandachtsfunctionaris' }, van);
  await meldingen(52, d, { vorm: 'geen', minderjarig: false, informatieverzoek: true, melderType: 'sekswerker' }, van);
  await meldingen(10, d, { vorm: 'criminele-uitbuiting', minderjarig: false }, van);
  await meldingen(5, d, { vorm: 'criminele-uitbuiting', minderjarig: true, melderType: 'onbekend' }, van);
  if (next !== 179) throw new Error(`179 meldingen expected, ${next} entered`);
  // 2023 had 130 meldingen; they stay in 2023.
  await meldingen(130, '2023-11-11', { vorm: 'onbekend', minderjarig: null }, () => 'onbekend');

}
