import { z } from 'zod';
import { Id, IsoDate, PseudonymCode, Uitbuitingsvorm } from './common.schema';
import { Fase, OpvangSoort } from './traject.schema';
import { MeldingVorm } from './melding.schema';

/** The monitor groups trajecten into these categories (a traject counts once). */
export const MonitorCategorie = z.enum(['seksuele-uitbuiting', 'criminele-uitbuiting', 'overig', 'preventief']);
/** A monitor category. */
export type MonitorCategorie = z.infer<typeof MonitorCategorie>;

/** Where a melding came from, as the regional monitor groups it. */
export const GemeenteGroep = z.enum(['centrumgemeente', 'regio', 'onbekend', 'buiten-regio']);
/** Where a melding came from, as the regional monitor groups it. */
export type GemeenteGroep = z.infer<typeof GemeenteGroep>;

/** New vs continuing counts. */
export const NieuwDoorlopend = z.object({ nieuw: z.number().int(), doorlopend: z.number().int(), totaal: z.number().int() });

/** This year's figures, in the shape of the regional monitor (counts only, no persons). */
export const MonitorCijfers = z.object({
  jaar: z.number().int(),
  regio: z.string(),
  clienten: z.object({
    perCategorie: z.array(NieuwDoorlopend.extend({ categorie: MonitorCategorie })),
    totaal: NieuwDoorlopend,
    minderjarig: z.number().int(),
  }),
  meldingen: z.object({
    totaal: z.number().int(),
    perGemeenteGroep: z.array(z.object({ groep: GemeenteGroep, aantal: z.number().int() })),
    perVorm: z.array(z.object({ vorm: MeldingVorm, volwassen: z.number().int(), minderjarig: z.number().int(), onbekend: z.number().int() })),
    preventieveGesprekken: z.object({ volwassen: z.number().int(), minderjarig: z.number().int() }),
    informatieverzoeken: z.number().int(),
    perConclusie: z.object({ geen: z.number().int(), verderOnderzoek: z.number().int(), wel: z.number().int(), open: z.number().int() }),
    acuut: z.number().int(),
  }),
});
/** This year's figures, shaped like the regional monitor. */
export type MonitorCijfers = z.infer<typeof MonitorCijfers>;

/** A row that points at a traject by pseudonym (never a name) with a date. */
export const DashboardItem = z.object({
  trajectId: Id,
  pseudoniem: PseudonymCode,
  datum: IsoDate,
  dagen: z.number().int(),
  omschrijving: z.string(),
});
/** A dashboard row. */
export type DashboardItem = z.infer<typeof DashboardItem>;

/** The coordinator dashboard. */
export const Dashboard = z.object({
  vandaag: IsoDate,
  openPerFase: z.array(z.object({ fase: Fase, aantal: z.number().int() })),
  openPerVorm: z.array(z.object({ vorm: z.union([Uitbuitingsvorm, z.literal('preventief'), z.literal('onbekend')]), aantal: z.number().int() })),
  openPerFaseEnVorm: z.array(z.object({ fase: Fase, vorm: z.union([Uitbuitingsvorm, z.literal('preventief'), z.literal('onbekend')]), aantal: z.number().int() })),
  verlopenTaken: z.object({ aantal: z.number().int(), eerste: z.array(DashboardItem) }),
  takenBinnenkort: z.object({ aantal: z.number().int(), eerste: z.array(DashboardItem) }),
  bedenktijdEindigt: z.array(DashboardItem),
  opvangEindigt: z.array(DashboardItem.extend({ soort: OpvangSoort, teLang: z.boolean() })),
  monitor: MonitorCijfers,
});
/** The coordinator dashboard. */
export type Dashboard = z.infer<typeof Dashboard>;
