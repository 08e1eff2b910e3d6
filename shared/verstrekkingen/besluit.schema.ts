import { z } from 'zod';
import { Id, IsoDate, PseudonymCode, Timestamp, Version } from '../casework/common.schema';
import { GegevenDoor, ToestemmingDoel, ToestemmingStatus } from '../casework/traject.schema';
import { Kanaal, PartnerCategorie, PartnerId } from '../partners/partner.schema';
import { Functie } from '../profile/profile.schema';
import { DataCategorie } from '../stappenplan/dataCategories';
import { BijzondereKlasse, Doel, GeheimhoudingBasis, Grondslag, Regime, Uitkomst } from '../stappenplan/ruleSet.schema';
import { ToestemmingFeit } from '../stappenplan/situatie.schema';
import { GebruikteBronSchema, StapSchema } from './stap.schema';

/**
 * Decisions of the privacy-stappenplan (DOMAIN.md "The stappenplan", step 9): a draft
 * (concept) per traject, recipient and purpose that holds the answers so far, and the decision
 * record that completing it stores, append-only, with every field a privacy officer needs.
 */

/** The data categories asked for: each once, at least one (step 1 decides whether any personal data is needed). */
export const GevraagdeGegevens = z
  .array(DataCategorie)
  .max(DataCategorie.options.length)
  .refine((l) => new Set(l).size === l.length, { message: 'Elke gegevenscategorie maar één keer' });

/** A question id of the rule set and its answer value (the rule set's own ids). */
const VraagId = z.string().regex(/^[a-z0-9-]{1,64}$/, { message: 'Een vraag-id bestaat uit kleine letters, cijfers en streepjes' });
const AntwoordWaarde = z.string().regex(/^[a-z0-9-]{1,64}$/, { message: 'Kies een van de antwoorden' });

/** Free text a person writes in the decision record (reasoning, alternatives): never logged. */
const Tekst = (max: number, message: string) => z.string().trim().max(max, { message });

/** The recipient as the register knows it now (from the partner register, never from the window). */
export const OntvangerInfo = z.object({
  partnerId: PartnerId,
  naam: z.string(),
  categorie: PartnerCategorie,
  medischBeroepsgeheim: z.boolean().optional(),
  kanaal: Kanaal,
  actief: z.boolean(),
});
/** The recipient as the register knows it. */
export type OntvangerInfo = z.infer<typeof OntvangerInfo>;

/** A draft decision: who it is for, what for, the data asked for and the answers so far. */
export const Concept = z.object({
  id: Id,
  trajectId: Id,
  pseudoniem: PseudonymCode,
  partnerId: PartnerId,
  doel: Doel,
  gevraagdeGegevens: z.array(DataCategorie),
  antwoorden: z.record(z.string(), z.string()),
  /** The rule-set version this draft is decided under (the current one when it was started). */
  ruleSetVersie: z.string(),
  /** The decision this draft will correct (replace) when completed. */
  vervangt: Id.optional(),
  version: Version,
  aangemaakt: Timestamp,
  bijgewerkt: Timestamp,
});
/** A draft decision. */
export type Concept = z.infer<typeof Concept>;

/** A consent of the traject as the wizard shows it: its facts, its state today, and whether the stappenplan counts it. */
export const ToestemmingWeergave = z.object({
  id: Id,
  doel: ToestemmingDoel,
  ontvanger: z.string(),
  schriftelijk: z.boolean(),
  gegevenDoor: GegevenDoor,
  vanaf: IsoDate,
  tot: IsoDate.optional(),
  ingetrokkenOp: IsoDate.nullable(),
  status: ToestemmingStatus,
});
/** A consent of the traject as the wizard shows it. */
export type ToestemmingWeergave = z.infer<typeof ToestemmingWeergave>;

/**
 * A draft with the engine's next step, computed by the core from the vault: the recipient's
 * category and medisch beroepsgeheim from the partner register, the traject's consents with the
 * cliënt's age on the day each was given. `notities` says what the core left out and why (a
 * consent whose age rule cannot be checked without a birth date).
 */
export const ConceptStap = z.object({
  concept: Concept,
  ontvanger: OntvangerInfo,
  stap: StapSchema,
  toestemmingen: z.array(ToestemmingWeergave),
  notities: z.array(z.string()),
});
/** A draft with the engine's next step. */
export type ConceptStap = z.infer<typeof ConceptStap>;

/** What the person writes when completing a decision (step 7–9). The core decides which parts are required for the outcome. */
export const BesluitInvoer = z.strictObject({
  /** Necessity, proportionality and subsidiarity in the person's words (required when the outcome allows data). */
  noodzaak: Tekst(4000, 'Hooguit 4000 tekens').optional(),
  /** Which less intrusive ways were considered, and why they do not suffice (required when the outcome allows data). */
  alternatieven: Tekst(4000, 'Hooguit 4000 tekens').optional(),
  /** Why the cliënt is not informed (required when step 8 was answered "nee, met reden"). */
  informerenReden: Tekst(2000, 'Hooguit 2000 tekens').optional(),
  /** For a conflict of duties: the reasoning over the four criteria (required then). */
  geheimhoudingToelichting: Tekst(4000, 'Hooguit 4000 tekens').optional(),
  /** How the data goes to the recipient; the partner's usual channel when left out. */
  kanaal: Kanaal.optional(),
  /** How long the recipient may keep the data, in words ("tot afsluiting van het onderzoek, hooguit 2 jaar"). */
  bewaartermijn: z.string().trim().min(1, { message: 'Vul de bewaartermijn in' }).max(200, { message: 'Hooguit 200 tekens' }),
  /** When the decision must be looked at again; after this day it can no longer be used. */
  herbeoordelingOp: IsoDate,
  /** Whether a second person must approve the decision before it can be used (vier ogen). */
  vierOgen: z.boolean(),
  /** The privacy officer's advice, if asked (optional). */
  privacyAdvies: Tekst(4000, 'Hooguit 4000 tekens').optional(),
});
/** What the person writes when completing a decision. */
export type BesluitInvoer = z.infer<typeof BesluitInvoer>;

/** Who decided: the vault profile at the time (name, function, organisation). */
export const Afzender = z.object({
  profielId: Id,
  naam: z.string(),
  functie: Functie,
  organisatieId: PartnerId,
  organisatie: z.string(),
});
/** Who decided. */
export type Afzender = z.infer<typeof Afzender>;

/** The second person of a four-eyes check: their own name and function, and when. */
export const Goedkeuring = z.object({ naam: z.string(), functie: Functie, op: Timestamp });
/** A four-eyes approval. */
export type Goedkeuring = z.infer<typeof Goedkeuring>;

/** Whether a decision can be used for a disclosure today, and if not, why (in Dutch). */
export const BesluitStaat = z.enum(['bruikbaar', 'wacht-op-goedkeuring', 'niet-toegestaan', 'ingetrokken', 'vervangen', 'herbeoordeling-verstreken', 'partner-buiten-gebruik', 'grond-vervallen']);
/** Whether a decision can be used today. */
export type BesluitStaat = z.infer<typeof BesluitStaat>;

/**
 * The decision record (DOMAIN.md): id and reference, time, sender, recipient and category,
 * regime, purpose and compatibility, ground with its provision, art. 9/10 exceptions, secrecy
 * basis with its reference, necessity reasoning and alternatives, exact categories (BSN yes/no),
 * data subject informed or why not, channel, retention, four-eyes approval, privacy officer's
 * advice, rule-set version and review date; with the engine's reasoning and sources and the
 * situation it was decided on. Stored once, never changed; `status` is computed when read.
 */
export const BesluitRecord = z.object({
  id: Id,
  /** A short reference for the cover and the register (`VK-…`), not a secret and no personal data. */
  referentie: z.string(),
  genomenOp: Timestamp,
  afzender: Afzender,
  ontvanger: z.object({ partnerId: PartnerId, naam: z.string(), categorie: PartnerCategorie, medischBeroepsgeheim: z.boolean().optional() }),
  trajectId: Id,
  pseudoniem: PseudonymCode,
  regime: Regime,
  doel: Doel,
  doelNaam: z.string(),
  /** Step 3: whether the purpose fits the purpose of collection (art. 6(4) AVG); null when the plan did not ask. */
  doelVerenigbaar: z.boolean().nullable(),
  uitkomst: Uitkomst,
  grondslag: Grondslag.optional(),
  bepaling: z.string().optional(),
  uitzonderingen: z.array(z.object({ klasse: BijzondereKlasse, antwoord: z.string(), tekst: z.string() })),
  geheimhouding: z
    .object({
      basis: GeheimhoudingBasis,
      /** For consent: the consents relied on; for meldrecht or a statutory duty: the provision; for a conflict of duties: the reasoning. */
      toestemmingIds: z.array(Id),
      toelichting: z.string().optional(),
    })
    .optional(),
  /** The traject's consents this decision relies on (its ground, its secrecy basis or an exception): withdrawn, the decision can no longer be used. */
  toestemmingIds: z.array(Id),
  noodzaak: z.string().optional(),
  alternatieven: z.string().optional(),
  velden: z.array(DataCategorie),
  bsn: z.boolean(),
  betrokkeneGeinformeerd: z.object({ geinformeerd: z.boolean().nullable(), reden: z.string().optional() }),
  kanaal: Kanaal,
  bewaartermijn: z.string(),
  vierOgen: z.boolean(),
  privacyAdvies: z.string().optional(),
  ruleSetVersie: z.string(),
  herbeoordelingOp: IsoDate,
  redenering: z.array(z.string()),
  bronnen: z.array(GebruikteBronSchema),
  regels: z.array(z.string()),
  /** What the engine decided on: the day, the data asked for, the answers and the consents as facts (no names). */
  situatie: z.object({
    vandaag: IsoDate,
    gevraagdeGegevens: z.array(DataCategorie),
    antwoorden: z.record(z.string(), z.string()),
    toestemmingen: z.array(ToestemmingFeit),
  }),
  /** The earlier decision this one corrects; that one can no longer be used. */
  vervangt: Id.optional(),
});
/** The stored decision record. */
export type BesluitRecord = z.infer<typeof BesluitRecord>;

/**
 * The decision record as the register lists it: every field of the record (DOMAIN.md) without the
 * engine's reasoning, sources, rules and situation, which `verstrekkingen.get` gives per decision.
 */
export const BesluitSamenvatting = BesluitRecord.omit({ redenering: true, bronnen: true, regels: true, situatie: true });
/** The decision record as the register lists it. */
export type BesluitSamenvatting = z.infer<typeof BesluitSamenvatting>;

/** A decision as read: the record, its approval (if any) and whether it can be used today. */
export const Besluit = BesluitRecord.extend({
  goedkeuring: Goedkeuring.optional(),
  ingetrokken: z.object({ op: Timestamp, reden: z.string() }).optional(),
  vervangenDoor: Id.optional(),
  staat: BesluitStaat,
  /** Why it cannot be used today, in Dutch (empty when `bruikbaar`). */
  redenen: z.array(z.string()),
});
/** A decision as read. */
export type Besluit = z.infer<typeof Besluit>;

/** Input of a new draft: the traject, the recipient, the purpose and (optionally) the data asked for, or the decision to correct. */
export const ConceptNieuw = z.strictObject({
  trajectId: Id,
  partnerId: PartnerId,
  doel: Doel,
  gevraagdeGegevens: GevraagdeGegevens.default([]),
  vervangt: Id.optional(),
});

/** One answer to the question the engine asked (`waarde: null` takes an answer back). */
export const StapAntwoord = z.strictObject({ vraag: VraagId, waarde: AntwoordWaarde.nullable() });

/** The second person's own name and function for a four-eyes approval. */
export const GoedkeuringInvoer = z.strictObject({
  besluitId: Id,
  naam: z.string().trim().min(1, { message: 'Vul de naam van de tweede persoon in' }).max(120, { message: 'Hooguit 120 tekens' }),
  functie: Functie,
});
