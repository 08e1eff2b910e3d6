import { z } from 'zod';
import { Id, Timestamp } from '../casework/common.schema';
import { Vingerafdruk } from '../profile/profile.schema';
import { CelId, TafelPeriode } from './tafel.schema';

// Tafel mode: the secretariaat of the Regionale Tafel registers each organisation's signing key,
// imports the signed summaries, and compiles the regional monitor from them. These schemas are the
// one definition of what the core hands the screens and the PDF.

/** A fingerprint as typed: 64 hex digits, spaces and case free; stored grouped and upper case. */
export const VingerafdrukInvoer = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => /^[0-9A-F]{64}$/.test(v), { message: 'Een vingerafdruk is 64 tekens 0-9 en A-F (spaties mogen)' })
  .transform((v) => v.match(/.{4}/g)!.join(' '));

/** What the secretariaat types to register an organisation's signing key. */
export const OndertekenaarInvoer = z.strictObject({
  /** The organisation's name as the monitor prints it. */
  naam: z.string().trim().min(1, { message: 'Vul de naam van de organisatie in' }).max(200, { message: 'Hooguit 200 tekens' }),
  /** The organisation id the summaries carry (`organisatie.id` in the file, e.g. "essm"). */
  organisatieId: z.string().trim().min(1, { message: 'Vul de code van de organisatie in' }).max(100, { message: 'Hooguit 100 tekens' }),
  vingerafdruk: VingerafdrukInvoer,
});
/** A registration as typed. */
export type OndertekenaarInvoer = z.input<typeof OndertekenaarInvoer>;

/** A registered signing key of an organisation. Retired, never deleted once a file of it was imported. */
export const Ondertekenaar = z.object({
  id: Id,
  naam: z.string(),
  organisatieId: z.string(),
  vingerafdruk: Vingerafdruk,
  geregistreerdOp: Timestamp,
  /** When it was retired (files signed with it are refused from then on); null while active. */
  ingetrokkenOp: Timestamp.nullable(),
  ingetrokkenReden: z.string().nullable(),
  /** How many imported summaries this key signed. */
  ontvangen: z.number().int().nonnegative(),
});
/** A registered signing key. */
export type Ondertekenaar = z.infer<typeof Ondertekenaar>;

/** Why a file was refused (stable codes for the screens; the Dutch text is in `reden`). */
export const WeigerSoort = z.enum([
  'afgebroken', // truncated or not JSON
  'schema', // foreign format, other version, not our schema
  'vorm', // not in the signed canonical form: altered
  'handtekening', // signature or fingerprint does not hold: altered
  'onbekende-ondertekenaar', // signer not registered
  'ingetrokken', // signer retired
  'organisatie', // file names another organisation than the registered key's
  'herhaald', // release id seen before
  'periode', // another period than the monitor being compiled
  'ouder', // an older release of an org/period already superseded
  'geen-verbetering', // a second release of the same org/period that does not correct the first
  'onleesbaar', // the file could not be read (missing, too large)
]);
/** Why a file was refused. */
export type WeigerSoort = z.infer<typeof WeigerSoort>;

/** The outcome of importing one file. */
export const ImportUitkomst = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    bestandsnaam: z.string(),
    vrijgaveId: z.string(),
    organisatie: z.string(),
    /** The release id this file replaced (a correction of the same organisation and period), or null. */
    vervangt: z.string().nullable(),
    melding: z.string(),
  }),
  z.object({ ok: z.literal(false), bestandsnaam: z.string(), soort: WeigerSoort, reden: z.string() }),
]);
/** The outcome of importing one file. */
export type ImportUitkomst = z.infer<typeof ImportUitkomst>;

/** An imported summary, as the list shows it. */
export const Ontvangen = z.object({
  id: Id,
  vrijgaveId: z.string(),
  volgnummer: z.number().int(),
  organisatieId: z.string(),
  organisatie: z.string(),
  periode: TafelPeriode,
  ondertekenaar: Vingerafdruk,
  /** SHA-256 (hex) of the file's bytes as received (kept verbatim in the vault). */
  bestandHash: z.string(),
  aangemaakt: Timestamp,
  ontvangenOp: Timestamp,
  /** The release that corrected this one (then it no longer counts), or null. */
  vervangenDoor: z.string().nullable(),
});
/** An imported summary. */
export type Ontvangen = z.infer<typeof Ontvangen>;

/**
 * What a reader can conclude about a true count: `min` up to `max` (whole numbers); `max` null
 * when there is no upper bound ("≥ min").
 */
export const Interval = z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative().nullable() });
/** An interval of counts. */
export type Interval = z.infer<typeof Interval>;

/** One cell of a monitor table: what is shown (`toon`: "12", "<5", "x", "12–16", "≥ 5") and its interval. */
export const MonitorCel = Interval.extend({ cel: CelId, toon: z.string() });
/** One cell of a monitor table. */
export type MonitorCel = z.infer<typeof MonitorCel>;

/** A table of the monitor (an organisation's or the combined one). */
export const MonitorTabel = z.object({
  id: z.string(),
  titel: z.string(),
  kolommen: z.array(z.object({ id: z.string(), label: z.string() })),
  rijen: z.array(z.object({ id: z.string(), label: z.string(), cellen: z.array(MonitorCel.nullable()) })),
});
/** A table of the monitor. */
export type MonitorTabel = z.infer<typeof MonitorTabel>;

/** One organisation's section: its published tables as received, with what can be concluded per cell. */
export const MonitorSectie = z.object({
  organisatieId: z.string(),
  organisatie: z.string(),
  vrijgaveId: z.string(),
  volgnummer: z.number().int(),
  ondertekenaar: Vingerafdruk,
  aangemaakt: Timestamp,
  k: z.number().int(),
  afronding: z.number().int().nullable(),
  ruisMax: z.number().int().nullable(),
  methodeVersie: z.string(),
  methode: z.string(),
  grondslag: z.string(),
  tabellen: z.array(MonitorTabel),
});
/** One organisation's section. */
export type MonitorSectie = z.infer<typeof MonitorSectie>;

/** One bar of a chart: a label and an interval (solid to `min`, light to `max`; open when `max` is null). */
export const Staaf = Interval.extend({ id: z.string(), label: z.string(), toon: z.string() });
/** One bar of a chart. */
export type Staaf = z.infer<typeof Staaf>;

/** The regional monitor compiled from the imported summaries of one period. */
export const RegionaleMonitor = z.object({
  periode: TafelPeriode,
  /** "2024" or "kwartaal 2 van 2024". */
  periodeTekst: z.string(),
  regio: z.array(z.string()),
  secties: z.array(MonitorSectie),
  /** The combined tables: each cell the sum of the organisations' intervals, tightened by the relations all files share. */
  gecombineerd: z.array(MonitorTabel),
  grafieken: z.object({
    meldingenPerVorm: z.array(Staaf),
    clientenPerCategorie: z.array(Staaf),
  }),
  /** Notes on reading the combined figures (Dutch, B1). */
  toelichting: z.array(z.string()),
});
/** The compiled regional monitor. */
export type RegionaleMonitor = z.infer<typeof RegionaleMonitor>;
