import { z } from 'zod';
import { Regio } from '../casework/gemeenten.schema';
import { IsoDate, Version } from '../casework/common.schema';
import { duplicates, policyFile } from '../policy/policy.schema';

/**
 * The five partner categories of the JenV handreiking "De aanpak van mensenhandel en het
 * gebruik van persoonsgegevens": what the law lets a sender share depends on which of these
 * the recipient is. The one definition; the stappenplan imports it from here.
 * - `opsporing`: politie (AVIM), Koninklijke Marechaussee, NLA-opsporing, boa's, the OM;
 * - `toezicht`: (gemeentelijke) toezichthouders incl. NLA-toezicht, and the gemeente for other tasks;
 * - `zorg`: zorg- en hulpverleners, with a medisch beroepsgeheim (reguliere zorg) or without (sociaal domein);
 * - `meldpunt-coordinatie`: parties with a meldpunt or coordination function (Veilig Thuis, zorgcoördinator, CoMensha);
 * - `vreemdelingenketen`: the non-criminal partners of the immigration chain (IND, KMar, COA).
 */
export const PartnerCategorie = z.enum(['opsporing', 'toezicht', 'zorg', 'meldpunt-coordinatie', 'vreemdelingenketen'], {
  message: 'Kies een van de vijf partnercategorieën',
});
/** A partner category of the handreiking. */
export type PartnerCategorie = z.infer<typeof PartnerCategorie>;

/** How a partner is reached when something is shared or asked. */
export const Kanaal = z.enum(['beveiligde-mail', 'zivver', 'beveiligd-portaal', 'telefoon', 'persoonlijk', 'post'], {
  message: 'Kies hoe u deze partner bereikt',
});
/** How a partner is reached. */
export type Kanaal = z.infer<typeof Kanaal>;

/**
 * A partner's stable id: a slug (`politie-avim-rotterdam`). It never changes, also not when the
 * name does, because decisions and the profile point at it.
 */
export const PartnerId = z
  .string()
  .min(1, { message: 'Kies een partner' })
  .max(64, { message: 'Een partner-id is hooguit 64 tekens' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Een partner-id bestaat uit kleine letters, cijfers en streepjes' });
/** A partner's stable id. */
export type PartnerId = z.infer<typeof PartnerId>;

/** What a person fills in for a partner (without the rules that tie fields together). */
const PartnerFieldsShape = z.strictObject({
  naam: z.string().trim().min(1, { message: 'Vul de naam van de organisatie in' }).max(120, { message: 'De naam is hooguit 120 tekens' }),
  categorie: PartnerCategorie,
  /** Only for `zorg`: whether a medisch beroepsgeheim applies (reguliere zorg) or not (sociaal domein). */
  medischBeroepsgeheim: z.boolean().optional(),
  /** Whether the organisation signed the RIEC convenant. */
  rieconvenant: z.boolean(),
  /** A function or department to contact — never a person's name. */
  contact: z.string().trim().min(1, { message: 'Vul een functie of afdeling in' }).max(200, { message: 'Het contact is hooguit 200 tekens' }),
  kanaal: Kanaal,
  regio: z.enum(Regio.options, { message: 'Kies een regio, of laat dit leeg' }).optional(),
  /** A short note for the privacy officer (why this category, what to check). */
  toelichting: z.string().trim().max(500, { message: 'De toelichting is hooguit 500 tekens' }).optional(),
});

type FieldsLike = { categorie: PartnerCategorie; medischBeroepsgeheim?: boolean | undefined };

/** A medisch beroepsgeheim is asked for zorgverleners only, and there it must be answered. */
function beroepsgeheimRule(partner: FieldsLike, ctx: z.RefinementCtx): void {
  if (partner.categorie === 'zorg' && partner.medischBeroepsgeheim === undefined) {
    ctx.addIssue({ code: 'custom', path: ['medischBeroepsgeheim'], message: 'Geef aan of er een medisch beroepsgeheim geldt' });
  }
  if (partner.categorie !== 'zorg' && partner.medischBeroepsgeheim !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['medischBeroepsgeheim'], message: 'Een medisch beroepsgeheim hoort alleen bij zorgverleners' });
  }
}

/** The fields of a partner a person can set: name, category, beroepsgeheim (zorg only), convenant, contact, channel, region. */
export const PartnerFields = PartnerFieldsShape.superRefine(beroepsgeheimRule);
/** The fields of a partner a person can set. */
export type PartnerFields = z.infer<typeof PartnerFields>;

/** One partner of the seed register in `resources/partners.json`: its id and its fields. */
export const PartnerSeed = PartnerFieldsShape.extend({ id: PartnerId }).superRefine(beroepsgeheimRule);
/** One partner of the seed register. */
export type PartnerSeed = z.infer<typeof PartnerSeed>;

/**
 * A partner as the vault keeps it. A partner that was used (by the profile, later by a
 * decision) is never removed, only retired: `actief` false from `buitenGebruikSinds`.
 */
export const Partner = PartnerFieldsShape.extend({
  id: PartnerId,
  actief: z.boolean(),
  buitenGebruikSinds: IsoDate.optional(),
  /** `register`: seeded from resources/partners.json; `eigen`: added in this vault. */
  herkomst: z.enum(['register', 'eigen']),
  /** True when something in the vault refers to this partner, so it can be retired but not removed. */
  inGebruik: z.boolean(),
  version: Version,
});
/** A partner as the vault keeps it. */
export type Partner = z.infer<typeof Partner>;

/** The file `resources/partners.json`: the usual partners, a policy file (see shared/policy), seeded into every vault. */
export const PartnersFile = policyFile(
  'partners',
  z
    .strictObject({ partners: z.array(PartnerSeed).min(1) })
    .refine((i) => duplicates(i.partners.map((p) => p.id)).length === 0, { message: 'Elke partner-id maar één keer', path: ['partners'] }),
);
/** The partners file. */
export type PartnersFile = z.infer<typeof PartnersFile>;
