import { z } from 'zod';
import { IsoDate, ShortText } from '../casework/common.schema';
import { GegevenDoor, ToestemmingDoel } from '../casework/traject.schema';
import { PartnerCategorie } from '../partners/partner.schema';
import { PolicyBron } from '../policy/policy.schema';
import { DataCategorie } from './dataCategories';
import { Antwoord, BijzondereKlasse, Doel, GeheimhoudingBasis, Grondslag, Regime, Uitkomst } from './ruleSet.schema';

/**
 * A consent of the traject as the stappenplan needs it: what for, to whom, in writing or not,
 * who gave it, its period and withdrawal, and whether the cliënt was 16 or older on the day it
 * was given (then only the cliënt can consent; younger, a parent or guardian; AVG art. 8,
 * UAVG art. 5). No name, no birth date: the age question is all the engine needs.
 */
export const ToestemmingFeit = z.strictObject({
  doel: ToestemmingDoel,
  ontvanger: ShortText,
  schriftelijk: z.boolean(),
  gegevenDoor: GegevenDoor,
  vanaf: IsoDate,
  tot: IsoDate.optional(),
  ingetrokkenOp: IsoDate.nullable().optional(),
  clientZestienPlus: z.boolean(),
});
/** A consent of the traject as the stappenplan needs it. */
export type ToestemmingFeit = z.infer<typeof ToestemmingFeit>;

/** The recipient: its partner category, for a zorgverlener whether a medisch beroepsgeheim applies, and the organisation. */
export const Ontvanger = z
  .strictObject({
    categorie: PartnerCategorie,
    medischBeroepsgeheim: z.boolean().optional(),
    /** The organisation's name as consents name it ("CoMensha"): a consent counts only for the organisation it names. */
    organisatie: ShortText.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.categorie === 'zorg' && o.medischBeroepsgeheim === undefined) ctx.addIssue({ code: 'custom', path: ['medischBeroepsgeheim'], message: 'Geef aan of er een medisch beroepsgeheim geldt' });
    if (o.categorie !== 'zorg' && o.medischBeroepsgeheim !== undefined) ctx.addIssue({ code: 'custom', path: ['medischBeroepsgeheim'], message: 'Een medisch beroepsgeheim hoort alleen bij zorgverleners' });
  });
/** The recipient. */
export type Ontvanger = z.infer<typeof Ontvanger>;

/**
 * Everything the engine decides on: the day, the recipient, the purpose, the data categories
 * asked for, the traject's consents and the answers so far (question id → answer).
 */
export const Situatie = z.strictObject({
  vandaag: IsoDate,
  ontvanger: Ontvanger,
  doel: Doel,
  gevraagdeGegevens: z.array(DataCategorie).refine((l) => new Set(l).size === l.length, { message: 'Elke gegevenscategorie maar één keer' }),
  toestemmingen: z.array(ToestemmingFeit).max(200).default([]),
  antwoorden: z.record(z.string().regex(/^[a-z0-9-]{1,64}$/, { message: 'Een vraag-id bestaat uit kleine letters, cijfers en streepjes' }), z.string().max(64)).default({}),
});
/** Everything the engine decides on. */
export type Situatie = z.infer<typeof Situatie>;
/** A situation before defaults (toestemmingen and antwoorden may be left out). */
export type SituatieInput = z.input<typeof Situatie>;

/** A source as the outcome lists it: the rule set's named source. */
export type GebruikteBron = PolicyBron & { id: string };

/** The engine's answer when it needs to know more: the next question with the answers allowed now. */
export interface VolgendeVraag {
  soort: 'vraag';
  vraag: {
    id: string;
    stap: number;
    tekst: string;
    uitleg: string;
    antwoorden: Antwoord[];
    /** Set when the answer given for this question cannot be used (any more); says why in Dutch. */
    fout?: string;
  };
  /** The reasoning so far, in plain Dutch. */
  redenering: string[];
  ruleSetVersie: string;
}

/** The engine's answer when it is done: the outcome with exactly the allowed fields, the reasoning and every source used. */
export interface StappenplanUitkomst {
  soort: 'uitkomst';
  uitkomst: Uitkomst;
  /** Exactly the data categories that may leave (empty unless `toegestaan`), in their fixed order. */
  velden: DataCategorie[];
  redenering: string[];
  bronnen: GebruikteBron[];
  ruleSetVersie: string;
  regime: Regime;
  grondslag?: Grondslag;
  /** The statutory provision of the ground, for the decision record. */
  bepaling?: string;
  /** The chosen art. 9/10 exceptions, per class. */
  uitzonderingen: Array<{ klasse: BijzondereKlasse; antwoord: string }>;
  /** Set when a medisch beroepsgeheim applied: what set it aside. */
  geheimhouding?: GeheimhoudingBasis;
  /** The ids of the rules that made the outcome, in order. */
  regels: string[];
}

/** One step of the stappenplan: a question, or the outcome. */
export type StappenplanStap = VolgendeVraag | StappenplanUitkomst;

/** What a scenario expects; every part given must match. */
export const Verwachting = z.strictObject({
  uitkomst: z.union([Uitkomst, z.literal('vraag')]),
  velden: z.array(DataCategorie).optional(),
  grondslag: Grondslag.optional(),
  /** For `uitkomst: "vraag"`: the id of the question the engine should ask next. */
  vraag: z.string().optional(),
});
/** What a scenario expects. */
export type Verwachting = z.infer<typeof Verwachting>;

/**
 * One scenario: a name, the situation, optionally the expected outcome and a short `waarom`.
 * The decision table in the tests and `kk stappenplan check --in FILE` read the same format:
 * one scenario, or a list of them.
 */
export const Scenario = z.strictObject({
  naam: z.string().trim().min(1).max(200),
  situatie: Situatie,
  verwacht: Verwachting.optional(),
  waarom: z.string().trim().min(1).max(1000).optional(),
});
/** One scenario. */
export type Scenario = z.infer<typeof Scenario>;

/** A scenario file: a list of scenarios (at most 1,000). */
export const ScenarioLijst = z.array(Scenario).min(1, { message: 'Zet minstens één scenario in de lijst' }).max(1000, { message: 'Zet hooguit 1000 scenario’s in één bestand' });
