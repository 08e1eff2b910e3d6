import { z } from 'zod';
import { Id, IsoDate, PageRequest, PseudonymCode, Timestamp, pageOf } from '../casework/common.schema';
import { PartnerId } from '../partners/partner.schema';
import { Functie } from '../profile/profile.schema';
import { DataCategorie } from '../stappenplan/dataCategories';
import { Grondslag } from '../stappenplan/ruleSet.schema';
import { BesluitSamenvatting } from './besluit.schema';
import { KopieVeld, VerstrekkingsWijze } from './pakket.schema';

/**
 * The verstrekkingenregister: every decision, approval, revocation, package, print, copy and
 * refusal, append-only. A correction is a new entry that refers to the old one; the coming audit
 * trail chains the entries in `volgnummer` order. The Wet politiegegevens asks for the recipients
 * of the preceding four years on request: nothing here is ever removed.
 */

/** What an entry records. */
export const RegisterSoort = z.enum(['besluit', 'goedkeuring', 'intrekking', 'pakket', 'afdruk', 'kopie', 'geweigerd']);
/** What an entry records. */
export type RegisterSoort = z.infer<typeof RegisterSoort>;

/** Dutch names of the kinds, for screens and the CSV. */
export const registerSoortNaam: Record<RegisterSoort, string> = {
  besluit: 'besluit',
  goedkeuring: 'goedkeuring (vier ogen)',
  intrekking: 'besluit ingetrokken',
  pakket: 'verstrekkingspakket (PDF)',
  afdruk: 'afdruk',
  kopie: 'kopie van een gegeven',
  geweigerd: 'geweigerd',
};

/** One entry of the register, with the decision record it belongs to (when there is one). */
export const RegisterRegel = z.object({
  id: Id,
  /** The order of entries, gap-free per vault (the audit trail chains them in this order). */
  volgnummer: z.number().int().positive(),
  soort: RegisterSoort,
  op: Timestamp,
  /** Who acted: the vault profile's name and function at the time. */
  door: z.object({ naam: z.string(), functie: Functie.nullable() }),
  besluitId: Id.optional(),
  referentie: z.string().optional(),
  pseudoniem: PseudonymCode.optional(),
  trajectId: z.string().optional(),
  partnerId: z.string().optional(),
  ontvanger: z.string().optional(),
  grondslag: Grondslag.optional(),
  /** The categories that left (package, print), the category of the copied field, or what was asked (refusal). */
  velden: z.array(DataCategorie),
  /** For a refusal: what was attempted. */
  wat: VerstrekkingsWijze.optional(),
  /** For a copy: which field. */
  veld: KopieVeld.optional(),
  /** For a refusal or a revocation: why, in Dutch. For an approval: who approved. */
  reden: z.string().optional(),
  /** The entry this one refers to (an approval or revocation to its decision's entry). */
  verwijstNaar: Id.optional(),
  /** The decision's record (for every entry that belongs to a decision), without the engine's reasoning (see verstrekkingen.get). */
  besluit: BesluitSamenvatting.optional(),
});
/** One entry of the register. */
export type RegisterRegel = z.infer<typeof RegisterRegel>;

/** The four searches of the register (any combination): per cliënt, per partner, per ground, per period; optionally one kind. */
export const RegisterFilter = z
  .strictObject({
    pseudoniem: PseudonymCode.optional(),
    partnerId: PartnerId.optional(),
    grondslag: Grondslag.optional(),
    van: IsoDate.optional(),
    tot: IsoDate.optional(),
    soort: RegisterSoort.optional(),
  })
  .refine((f) => f.van === undefined || f.tot === undefined || f.van <= f.tot, { message: 'De einddatum ligt voor de begindatum', path: ['tot'] });
/** A search of the register. */
export type RegisterFilter = z.infer<typeof RegisterFilter>;

/** Input of a register search: the filter and the page (newest first). */
export const RegisterZoek = z.strictObject({ filter: RegisterFilter.default({}), page: PageRequest.default({ offset: 0, limit: 100 }) });

/** A page of the register. */
export const RegisterPagina = pageOf(RegisterRegel);
/** A page of the register. */
export type RegisterPagina = z.infer<typeof RegisterPagina>;
