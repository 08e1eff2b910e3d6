import { z } from 'zod';
import { isKnownGemeente } from './gemeenten';
import { Id, IsoDate, LongText, PseudonymCode, Sensitivity, ShortText, Timestamp, Uitbuitingsvorm, Version } from './common.schema';

/** Phases of a zorgtraject, in order. */
export const Fase = z.enum(['aanmelding', 'intake', 'actief', 'nazorg', 'afgesloten']);
/** A phase of a zorgtraject. */
export type Fase = z.infer<typeof Fase>;

/** Why a traject was closed. `anders` needs a toelichting. */
export const AfsluitReden = z.enum([
  'doelen-bereikt',
  'client-ziet-af',
  'geen-contact-meer',
  'overgedragen',
  'vertrokken-uit-regio',
  'teruggekeerd-naar-herkomstland',
  'geen-mensenhandel',
  'overleden',
  'anders',
]);
/** Why a traject was closed. */
export type AfsluitReden = z.infer<typeof AfsluitReden>;

/** Who referred the cliënt (aanmelding via politie, zorg, gemeente, zelfmelder, meldpunt …). */
export const Verwijzer = z.enum(['politie', 'kmar', 'zorg', 'gemeente', 'zelfmelder', 'meldpunt', 'veilig-thuis', 'ind-coa', 'nla', 'anders', 'onbekend']);
/** Who referred the cliënt. */
export type Verwijzer = z.infer<typeof Verwijzer>;

/**
 * A gemeente name from the CBS list in resources/gemeenten.json, or one of the monitor's
 * catch-alls: `onbekend`, `onbekend-in-regio` (not known which, but one of the region's) and
 * `buiten-regio` (an older value: outside the region, not named). Any other name is refused, so
 * the monitor never meets a typo.
 */
export const GemeenteRef = ShortText.refine((g) => g === 'onbekend' || g === 'onbekend-in-regio' || g === 'buiten-regio' || isKnownGemeente(g), {
  message: 'Kies een gemeente uit de lijst, of "onbekend"',
});
/** A gemeente name, or `onbekend` / `onbekend-in-regio` / `buiten-regio`. */
export type GemeenteRef = z.infer<typeof GemeenteRef>;

/** Kinds of shelter. Crisisopvang is a secret address, at most 3 months. */
export const OpvangSoort = z.enum(['crisisopvang', 'categorale-opvang', 'beschermd-wonen', 'coa', 'ambulant', 'anders']);
/** A kind of shelter. */
export type OpvangSoort = z.infer<typeof OpvangSoort>;

/** One stay in a shelter, without the date-order check (for extending). */
export const OpvangBase = z.strictObject({
  id: Id.optional(),
  soort: OpvangSoort,
  start: IsoDate,
  eind: IsoDate.optional(),
  /** Name or address of the shelter: secret for crisisopvang. */
  locatie: z.string().max(300).optional(),
});
/** One stay in a shelter, with dates. */
export const Opvang = OpvangBase.refine((o) => o.eind === undefined || o.eind >= o.start, { message: 'De einddatum ligt voor de begindatum', path: ['eind'] });
/** One stay in a shelter. */
export type Opvang = z.infer<typeof Opvang>;

/** Procedures a ZoCo follows up, each with a status and a deadline. */
export const ProcedureSoort = z.enum([
  'b8-bedenktijd',
  'aangifte',
  'verblijfsvergunning',
  'uitkering',
  'zorgverzekering',
  'brp-inschrijving',
  'juridische-hulp',
  'ggz',
]);
/** A kind of procedure. */
export type ProcedureSoort = z.infer<typeof ProcedureSoort>;

/** Status of a procedure. The last four are final: a final procedure has no open deadline. */
export const ProcedureStatus = z.enum(['niet-gestart', 'aangevraagd', 'lopend', 'toegekend', 'afgewezen', 'afgerond', 'ingetrokken']);
/** Status of a procedure. */
export type ProcedureStatus = z.infer<typeof ProcedureStatus>;

/** One procedure with its status and deadline (e.g. the end of the bedenktijd). */
export const Procedure = z.strictObject({
  id: Id.optional(),
  soort: ProcedureSoort,
  status: ProcedureStatus,
  start: IsoDate.optional(),
  deadline: IsoDate.optional(),
  toelichting: LongText.optional(),
});
/** One procedure. */
export type Procedure = z.infer<typeof Procedure>;

/** A contact of the cliënt with the police (AVIM): an informative conversation or an aangifte. The monitor counts both per form. */
export const PolitiecontactSoort = z.enum(['informatief-gesprek', 'aangifte']);
/** A kind of police contact. */
export type PolitiecontactSoort = z.infer<typeof PolitiecontactSoort>;

/** One informative conversation or aangifte at the AVIM, with the form it was about. */
export const Politiecontact = z.strictObject({
  id: Id.optional(),
  soort: PolitiecontactSoort,
  datum: IsoDate,
  vorm: Uitbuitingsvorm,
});
/** One police contact. */
export type Politiecontact = z.infer<typeof Politiecontact>;

/** Editable fields of a traject (the phase moves only through `trajecten.transition`). */
export const TrajectFields = z.strictObject({
  preventief: z.boolean().default(false),
  vormen: z.array(Uitbuitingsvorm).max(7).default([]).refine((v) => new Set(v).size === v.length, 'Elke vorm maar één keer'),
  /**
   * Null when not known: the monitor counts it as its own row (onbekend), never as adult. The
   * default makes a patch's null (which removes a field) mean "onbekend" here, as for meldingen.
   */
  minderjarigBijStart: z.boolean().nullable().default(null),
  gemeente: GemeenteRef,
  verwijzer: Verwijzer,
  aanmelddatum: IsoDate,
  opvang: z.array(Opvang).max(50).default([]),
  procedures: z.array(Procedure).max(50).default([]),
  politiecontacten: z.array(Politiecontact).max(100).default([]),
  notities: LongText.optional(),
});
/** Editable fields of a traject. */
export type TrajectFields = z.infer<typeof TrajectFields>;
/** Editable fields of a traject, before defaults. */
export type TrajectFieldsInput = z.input<typeof TrajectFields>;

/** Sensitivity class per traject field (see clientFieldSensitivity). */
export const trajectFieldSensitivity: Record<keyof TrajectFields, Sensitivity> = {
  preventief: 'gewoon',
  vormen: 'strafrechtelijk',
  minderjarigBijStart: 'gewoon',
  gemeente: 'gewoon',
  verwijzer: 'gewoon',
  aanmelddatum: 'gewoon',
  opvang: 'direct-identifier',
  procedures: 'strafrechtelijk',
  politiecontacten: 'strafrechtelijk',
  notities: 'bijzonder',
};

/** Who gave a consent: the cliënt (16+) or a parent/guardian (under 16). */
export const GegevenDoor = z.enum(['client', 'ouder-voogd']);
/** Who gave a consent. */
export type GegevenDoor = z.infer<typeof GegevenDoor>;

/** What a consent is for. CoMensha registration needs written consent. */
export const ToestemmingDoel = z.enum(['registratie-comensha', 'gegevensdeling', 'doorverwijzing', 'informatie-opvragen', 'anders']);
/** What a consent is for. */
export type ToestemmingDoel = z.infer<typeof ToestemmingDoel>;

/** A consent as entered. */
export const ToestemmingFields = z.strictObject({
  doel: ToestemmingDoel,
  /** The organisation that may receive or give the data. */
  ontvanger: ShortText,
  vanaf: IsoDate,
  tot: IsoDate.optional(),
  schriftelijk: z.boolean(),
  gegevenDoor: GegevenDoor,
  toelichting: z.string().max(2000).optional(),
});
/** A consent as entered. */
export type ToestemmingFields = z.infer<typeof ToestemmingFields>;

/** The state of a consent on a given day (see consent.ts). */
export const ToestemmingStatus = z.enum(['geldig', 'ingetrokken', 'verlopen', 'nog-niet-geldig', 'ongeldig-leeftijd', 'niet-schriftelijk', 'leeftijd-onbekend']);
/** The state of a consent. */
export type ToestemmingStatus = z.infer<typeof ToestemmingStatus>;

/** A stored consent, with its state today. */
export const Toestemming = ToestemmingFields.extend({
  id: Id,
  trajectId: Id,
  ingetrokkenOp: IsoDate.nullable(),
  status: ToestemmingStatus,
  createdAt: Timestamp,
}).strip();
/** A stored consent. */
export type Toestemming = z.infer<typeof Toestemming>;

/** Kinds of journal entries. */
export const JournaalSoort = z.enum(['notitie', 'actie', 'contact', 'overleg']);
/** A kind of journal entry. */
export type JournaalSoort = z.infer<typeof JournaalSoort>;

/** A journal entry of a traject. */
export const JournaalEntry = z.object({
  id: Id,
  trajectId: Id,
  datum: IsoDate,
  soort: JournaalSoort,
  tekst: z.string(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** A journal entry of a traject. */
export type JournaalEntry = z.infer<typeof JournaalEntry>;

/** Whether a deadline is met, near, or passed (see deadlines.ts). */
export const DeadlineState = z.enum(['geen', 'ok', 'binnenkort', 'vandaag', 'verlopen', 'afgerond']);
/** Whether a deadline is met, near, or passed. */
export type DeadlineState = z.infer<typeof DeadlineState>;

/** A task with a due date. */
export const Task = z.object({
  id: Id,
  trajectId: Id,
  titel: z.string(),
  deadline: IsoDate,
  herinnering: IsoDate.nullable(),
  afgerondOp: Timestamp.nullable(),
  state: DeadlineState,
  createdAt: Timestamp,
});
/** A task with a due date. */
export type Task = z.infer<typeof Task>;

/** One move through the phases, kept as history. */
export const FaseWissel = z.object({
  van: Fase.nullable(),
  naar: Fase,
  datum: IsoDate,
  reden: AfsluitReden.nullable(),
  at: Timestamp,
});
/** One move through the phases. */
export type FaseWissel = z.infer<typeof FaseWissel>;

/** A stored traject. */
export const Traject = z.object({
  id: Id,
  clientId: Id,
  pseudoniem: PseudonymCode,
  fase: Fase,
  afsluitReden: AfsluitReden.nullable(),
  afsluitToelichting: z.string().nullable(),
  afgeslotenOp: IsoDate.nullable(),
  meldingId: Id.nullable(),
  preventief: z.boolean(),
  vormen: z.array(Uitbuitingsvorm),
  minderjarigBijStart: z.boolean().nullable(),
  gemeente: z.string(),
  verwijzer: Verwijzer,
  aanmelddatum: IsoDate,
  opvang: z.array(OpvangBase.extend({ id: Id, eind: IsoDate.optional() }).strip()),
  procedures: z.array(Procedure.extend({ id: Id, state: DeadlineState }).strip()),
  politiecontacten: z.array(Politiecontact.extend({ id: Id }).strip()),
  notities: z.string().nullable(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** A stored traject. */
export type Traject = z.infer<typeof Traject>;

/** Signals the coordinator should see when opening a traject. */
export const TrajectSignalen = z.object({
  /** A crisisopvang stay that lasts (or has lasted) more than 3 months. */
  crisisopvangTeLang: z.boolean(),
  /** The day the current crisisopvang reaches 3 months, if there is one. */
  crisisopvangGrens: IsoDate.nullable(),
  verlopenTaken: z.number().int().nonnegative(),
  verlopenProcedures: z.number().int().nonnegative(),
  geldigeToestemmingen: z.number().int().nonnegative(),
});
/** Signals on a traject. */
export type TrajectSignalen = z.infer<typeof TrajectSignalen>;

/** Everything the traject screen shows at once; the journal comes in pages. */
export const TrajectDetail = z.object({
  traject: Traject,
  client: z.object({
    id: Id,
    pseudoniem: PseudonymCode,
    roepnaam: z.string(),
    achternaam: z.string().nullable(),
    geboortedatum: IsoDate.nullable(),
    /** For the opvang rules (crisisopvang is for persons who identify as women). */
    geslacht: z.enum(['vrouw', 'man', 'anders', 'onbekend']),
  }),
  fasen: z.array(FaseWissel),
  toestemmingen: z.array(Toestemming),
  taken: z.array(Task),
  journaal: z.array(JournaalEntry),
  journaalTotaal: z.number().int().nonnegative(),
  signalen: TrajectSignalen,
});
/** Everything the traject screen shows at once. */
export type TrajectDetail = z.infer<typeof TrajectDetail>;

/** A row in the trajecten list: pseudonym, never a name. Derived from Traject so the two cannot drift. */
export const TrajectSummary = Traject.pick({
  id: true,
  clientId: true,
  pseudoniem: true,
  fase: true,
  preventief: true,
  vormen: true,
  minderjarigBijStart: true,
  gemeente: true,
  aanmelddatum: true,
  afgeslotenOp: true,
  updatedAt: true,
}).extend({ openTaken: z.number().int().nonnegative() });
/** A row in the trajecten list. */
export type TrajectSummary = z.infer<typeof TrajectSummary>;
