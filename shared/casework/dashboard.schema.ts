import { z } from 'zod';
import { Id, IsoDate, PseudonymCode, Uitbuitingsvorm } from './common.schema';
import { AfsluitReden, Fase, OpvangSoort } from './traject.schema';

/** The monitor groups cliënten into these categories (a cliënt counts once a year). */
export const MonitorCategorie = z.enum(['seksuele-uitbuiting', 'criminele-uitbuiting', 'overig', 'onbekend', 'preventief']);
/** A monitor category. */
export type MonitorCategorie = z.infer<typeof MonitorCategorie>;

/** Where a melding came from, as the regional monitor groups it; `onbekend-in-regio` is "not known which, but one of the region's". */
export const GemeenteGroep = z.enum(['centrumgemeente', 'regio', 'onbekend-in-regio', 'buiten-regio', 'onbekend']);
/** Where a melding came from, as the regional monitor groups it. */
export type GemeenteGroep = z.infer<typeof GemeenteGroep>;

/** The monitor's rows of meldingen by form: SU and CU apart, the other forms as "overige uitbuiting". */
export const MeldingRij = z.enum(['seksuele-uitbuiting', 'criminele-uitbuiting', 'overige-uitbuiting', 'onbekend', 'geen-uitbuiting']);
/** A monitor row of meldingen by form. */
export type MeldingRij = z.infer<typeof MeldingRij>;

const Aantal = z.number().int().nonnegative();
/** New vs continuing counts. */
export const NieuwDoorlopend = z.object({ nieuw: Aantal, doorlopend: Aantal, totaal: Aantal });
/** Adults, minors and unknown age: unknown is its own column, never counted as adult. */
export const NaarLeeftijd = z.object({ volwassen: Aantal, minderjarig: Aantal, onbekend: Aantal });

/** A year's figures, in the shape of the regional monitor (counts only, no persons). */
export const MonitorCijfers = z.object({
  jaar: z.number().int(),
  regio: z.string(),
  clienten: z.object({
    perCategorie: z.array(NieuwDoorlopend.extend({ categorie: MonitorCategorie })),
    totaal: NieuwDoorlopend,
    /** Cliënten by age at the start of the traject that decides their category. */
    leeftijd: NaarLeeftijd,
    /** Cliënten per form, each form apart: a cliënt with two forms counts for both. */
    perVorm: z.array(z.object({ vorm: Uitbuitingsvorm, aantal: Aantal })),
    /** Trajecten closed this year, by reason. */
    afgesloten: z.object({ totaal: Aantal, perReden: z.array(z.object({ reden: AfsluitReden, aantal: Aantal })) }),
    /** Crisisopvang placements that started this year. */
    crisisopvangPlaatsingen: Aantal,
  }),
  meldingen: z.object({
    totaal: Aantal,
    perGemeenteGroep: z.array(z.object({ groep: GemeenteGroep, aantal: Aantal })),
    perVorm: z.array(NaarLeeftijd.extend({ rij: MeldingRij })),
    preventieveGesprekken: NaarLeeftijd,
    /** Information and help requests: from sex workers (the monitor's own figure) and from others. */
    informatieverzoeken: z.object({ sekswerkers: Aantal, overig: Aantal }),
    perConclusie: z.object({ geen: Aantal, verderOnderzoek: Aantal, wel: Aantal, open: Aantal }),
    acuut: Aantal,
  }),
  /** Informative conversations and aangiftes at the AVIM this year, per form. */
  politie: z.object({
    perVorm: z.array(z.object({ vorm: Uitbuitingsvorm, informatieveGesprekken: Aantal, aangiftes: Aantal })),
    totaal: z.object({ informatieveGesprekken: Aantal, aangiftes: Aantal }),
  }),
});
/** A year's figures, shaped like the regional monitor. */
export type MonitorCijfers = z.infer<typeof MonitorCijfers>;

/**
 * What a dated dashboard row that is not a task is about, as a code the window words in its own
 * language (the core sends no Dutch sentence): a B8 bedenktijd that ends, a stay that ends, a
 * crisisopvang that reaches its 3-month limit, or one that runs past it.
 */
export const DashboardWat = z.enum(['bedenktijd-eindigt', 'opvang-eindigt', 'crisisopvang-bereikt-grens', 'crisisopvang-te-lang']);
/** What a dated dashboard row that is not a task is about. */
export type DashboardWat = z.infer<typeof DashboardWat>;

/** A task's row: it points at a traject by pseudonym (never a name) with a date, and carries the task's title as the person wrote it. */
export const DashboardItem = z.object({
  trajectId: Id,
  pseudoniem: PseudonymCode,
  datum: IsoDate,
  dagen: z.number().int(),
  omschrijving: z.string(),
});
/** A dashboard row. */
export type DashboardItem = z.infer<typeof DashboardItem>;

/** A row about a deadline or a stay: what it is about as a code (`wat`), worded by the window. */
export const DashboardSignaal = DashboardItem.omit({ omschrijving: true }).extend({ wat: DashboardWat });
/** A row about a deadline or a stay. */
export type DashboardSignaal = z.infer<typeof DashboardSignaal>;

/** The coordinator dashboard. */
export const Dashboard = z.object({
  vandaag: IsoDate,
  openPerFase: z.array(z.object({ fase: Fase, aantal: z.number().int() })),
  openPerVorm: z.array(z.object({ vorm: z.union([Uitbuitingsvorm, z.literal('preventief'), z.literal('onbekend')]), aantal: z.number().int() })),
  openPerFaseEnVorm: z.array(z.object({ fase: Fase, vorm: z.union([Uitbuitingsvorm, z.literal('preventief'), z.literal('onbekend')]), aantal: z.number().int() })),
  verlopenTaken: z.object({ aantal: z.number().int(), eerste: z.array(DashboardItem) }),
  takenBinnenkort: z.object({ aantal: z.number().int(), eerste: z.array(DashboardItem) }),
  bedenktijdEindigt: z.array(DashboardSignaal),
  opvangEindigt: z.array(DashboardSignaal.extend({ soort: OpvangSoort, teLang: z.boolean() })),
  monitor: MonitorCijfers,
  /** Every year with data (a traject that ran or a melding), newest first: the year picker's choices. */
  jaren: z.array(z.number().int()),
  /** Where the region came from: the vault's profile, or the default while there is no profile. */
  regioBron: z.enum(['profiel', 'standaard']),
});
/** The coordinator dashboard. */
export type Dashboard = z.infer<typeof Dashboard>;
