import { z } from 'zod';
import { PartnerCategorie } from '../partners/partner.schema';
import { ToestemmingDoel } from '../casework/traject.schema';
import { duplicates, policyFile, PolicyBron } from '../policy/policy.schema';
import { DataCategorie } from './dataCategories';

/**
 * What a disclosure is for. The rule set describes each purpose (who may receive it, which
 * consents count, which data categories it can need at most); a new purpose needs code too,
 * because the wizard and the register speak of it.
 */
export const Doel = z.enum(
  ['sparren', 'statistiek', 'registratie-comensha', 'melding-veilig-thuis', 'overdracht-coordinatie', 'afstemming-zorg', 'bescherming', 'opsporing', 'toezicht', 'verblijfsprocedure'],
  { message: 'Kies een doel uit de lijst van het stappenplan' },
);
/** What a disclosure is for. */
export type Doel = z.infer<typeof Doel>;

/**
 * The ground a disclosure rests on: the grounds of art. 6 lid 1 AVG (a toestemming, c wettelijke
 * verplichting, d vitaal belang, e publieke taak, f gerechtvaardigd belang), or `wpg` when police
 * data is provided under the Wet politiegegevens (where the AVG does not apply).
 */
export const Grondslag = z.enum(['toestemming', 'wettelijke-verplichting', 'vitaal-belang', 'publieke-taak', 'gerechtvaardigd-belang', 'wpg']);
/** A ground of a disclosure. */
export type Grondslag = z.infer<typeof Grondslag>;

/** Which law governs the disclosure (step 2). */
export const Regime = z.enum(['avg', 'wpg']);
/** Which law governs the disclosure. */
export type Regime = z.infer<typeof Regime>;

/** The three outcomes of the stappenplan. */
export const Uitkomst = z.enum(['toegestaan', 'niet-toegestaan', 'alleen-zonder-persoonsgegevens']);
/** An outcome of the stappenplan. */
export type Uitkomst = z.infer<typeof Uitkomst>;

/** What sets a medisch beroepsgeheim aside (step 6). */
export const GeheimhoudingBasis = z.enum(['toestemming', 'wettelijke-plicht', 'meldrecht', 'conflict-van-plichten']);
/** What sets a medisch beroepsgeheim aside. */
export type GeheimhoudingBasis = z.infer<typeof GeheimhoudingBasis>;

/** The two classes that need an exception before they may leave: art. 9 and art. 10 AVG. */
export const BijzondereKlasse = z.enum(['bijzonder', 'strafrechtelijk']);
/** A class that needs an exception. */
export type BijzondereKlasse = z.infer<typeof BijzondereKlasse>;

/**
 * The state of the traject's consent for this purpose and this recipient, as the engine
 * judges it on the day: valid and written, valid but not written, present but not valid
 * (withdrawn, expired, given by the wrong person for the age, not yet valid, not written where
 * written is required), or none at all.
 */
export const ToestemmingStand = z.enum(['geldig-schriftelijk', 'geldig-mondeling', 'niet-geldig', 'geen']);
/** The state of the consent for this disclosure. */
export type ToestemmingStand = z.infer<typeof ToestemmingStand>;

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Een id bestaat uit kleine letters, cijfers en streepjes' });
const Stap = z.number().int().min(0, { message: 'Een stap loopt van 0 tot en met 9' }).max(9, { message: 'Een stap loopt van 0 tot en met 9' });
const Tekst = z.string().trim().min(1).max(1000);
const BronIds = z.array(Id).min(1, { message: 'Noem minstens één bron voor deze regel' });

/** The words the engine fills in inside a text (anything else in braces is refused). */
export const PLACEHOLDERS = ['toestemming', 'nietNodig', 'categorieen', 'ontvanger', 'doel'] as const;
const TekstMetInvul = Tekst.refine((t) => [...t.matchAll(/\{([^}]*)\}/g)].every((m) => (PLACEHOLDERS as readonly string[]).includes(m[1] ?? '')), {
  message: `Tussen accolades mag alleen staan: ${PLACEHOLDERS.join(', ')}`,
});

/** A named source: the public document or statute a rule comes from. */
export const RegelBron = PolicyBron.extend({ id: Id });
/** A named source. */
export type RegelBron = z.infer<typeof RegelBron>;

/** One answer a question allows. */
export const Antwoord = z.strictObject({ waarde: Id, tekst: Tekst });
/** One answer a question allows. */
export type Antwoord = z.infer<typeof Antwoord>;

/** One question of the wizard, at one step of the stappenplan, in plain Dutch (B1). */
export const Vraag = z.strictObject({
  id: Id,
  stap: Stap,
  tekst: Tekst,
  uitleg: Tekst,
  antwoorden: z.array(Antwoord).min(2, { message: 'Een vraag heeft minstens twee antwoorden' }),
});
/** One question of the wizard. */
export type Vraag = z.infer<typeof Vraag>;

/** A purpose as the rule set describes it. */
export const DoelBeschrijving = z.strictObject({
  id: Doel,
  naam: Tekst,
  uitleg: Tekst,
  /** The partner categories this purpose can go to. */
  ontvangers: z.array(PartnerCategorie).min(1),
  /** Which consents of the traject count for this purpose, and whether only a written one does. */
  toestemming: z.strictObject({ doelen: z.array(ToestemmingDoel), schriftelijk: z.boolean() }),
  /** The data categories this purpose can need at most (dataminimalisatie); everything else is left out. */
  gegevens: z.array(DataCategorie),
  bronnen: BronIds,
});
/** A purpose as the rule set describes it. */
export type DoelBeschrijving = z.infer<typeof DoelBeschrijving>;

/**
 * When a rule applies. Every part that is given must hold. `antwoord` names questions and the
 * answers that make the rule apply, in the order they are asked: an unanswered one is the next
 * question. `grondslag`/`geheimhouding` may say `geen` (not found yet).
 */
export const Conditie = z.strictObject({
  doel: z.array(Doel).min(1).optional(),
  categorie: z.array(PartnerCategorie).min(1).optional(),
  /** Whether the recipient (a zorgverlener) has a medisch beroepsgeheim. */
  medischBeroepsgeheim: z.boolean().optional(),
  /** Whether the purpose may go to this kind of recipient at all. */
  doelPast: z.boolean().optional(),
  toestemming: z.array(ToestemmingStand).min(1).optional(),
  regime: z.array(Regime).min(1).optional(),
  grondslag: z.array(z.union([Grondslag, z.literal('geen')])).min(1).optional(),
  geheimhouding: z.array(z.union([GeheimhoudingBasis, z.literal('geen')])).min(1).optional(),
  /** Whether step 6 found that a medisch beroepsgeheim applies. */
  beroepsgeheim: z.boolean().optional(),
  /** Whether nothing at all was asked for. */
  gevraagdLeeg: z.boolean().optional(),
  /** Whether no data category is left (after minimisation and blocked classes). */
  veldenLeeg: z.boolean().optional(),
  /** Applies when any of these was asked for but is not needed for the purpose. */
  nietNodig: z.array(DataCategorie).min(1).optional(),
  antwoord: z.record(Id, z.array(Id).min(1)).optional(),
});
/** When a rule applies. */
export type Conditie = z.infer<typeof Conditie>;

/** What a rule does when it applies. */
export const Gevolg = z.discriminatedUnion('soort', [
  /** Stop: this is the outcome. */
  z.strictObject({ soort: z.literal('uitkomst'), uitkomst: Uitkomst.exclude(['toegestaan']) }),
  /** Step 2: the regime (the first such rule that applies decides). */
  z.strictObject({ soort: z.literal('regime'), regime: Regime }),
  /** Step 4: the ground and its statutory provision (the first that applies decides). */
  z.strictObject({ soort: z.literal('grondslag'), grondslag: Grondslag, bepaling: Tekst }),
  /** Step 5: an exception the person may choose for a class, as answer `antwoord` of question `vraag`. */
  z.strictObject({ soort: z.literal('uitzondering'), klasse: BijzondereKlasse, vraag: Id, antwoord: Id }),
  /** Step 5: the class is decided here: with a chosen exception it may go, otherwise its categories are left out. */
  z.strictObject({ soort: z.literal('blokkeer'), klasse: BijzondereKlasse }),
  /** Step 6: a medisch beroepsgeheim applies to this exchange. */
  z.strictObject({ soort: z.literal('beroepsgeheim') }),
  /** Step 6: what sets the beroepsgeheim aside (the first that applies decides). */
  z.strictObject({ soort: z.literal('geheimhouding'), basis: GeheimhoudingBasis }),
  /** A line of reasoning, nothing else. */
  z.strictObject({ soort: z.literal('opmerking') }),
]);
/** What a rule does when it applies. */
export type Gevolg = z.infer<typeof Gevolg>;

/**
 * One rule: at a step, when its condition holds, its consequence, with the line of reasoning
 * it adds and its sources. `anders` gives a line for when the rule does not apply because of an
 * answer (keyed by question id) or the consent (key `toestemming`), so the reasoning also says
 * which ground was considered and why it failed.
 */
export const Regel = z.strictObject({
  id: Id,
  stap: Stap,
  als: Conditie,
  dan: Gevolg,
  tekst: TekstMetInvul,
  anders: z.record(Id, TekstMetInvul).optional(),
  bronnen: BronIds,
});
/** One rule. */
export type Regel = z.infer<typeof Regel>;

const Inhoud = z
  .strictObject({
    bronnen: z.array(RegelBron).min(1),
    doelen: z.array(DoelBeschrijving),
    vragen: z.array(Vraag).min(1),
    regels: z.array(Regel).min(1),
  })
  .superRefine((inhoud, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const bronIds = new Set(inhoud.bronnen.map((b) => b.id));
    for (const id of duplicates(inhoud.bronnen.map((b) => b.id))) issue(['bronnen'], `De bron "${id}" staat er meer dan één keer in`);
    for (const id of duplicates(inhoud.vragen.map((v) => v.id))) issue(['vragen'], `De vraag "${id}" staat er meer dan één keer in`);
    for (const id of duplicates(inhoud.regels.map((r) => r.id))) issue(['regels'], `De regel "${id}" staat er meer dan één keer in`);
    const doelen = inhoud.doelen.map((d) => d.id);
    for (const id of duplicates(doelen)) issue(['doelen'], `Het doel "${id}" staat er meer dan één keer in`);
    for (const id of Doel.options) if (!doelen.includes(id)) issue(['doelen'], `Het doel "${id}" ontbreekt`);
    inhoud.doelen.forEach((d, i) => {
      d.bronnen.forEach((b, j) => bronIds.has(b) || issue(['doelen', i, 'bronnen', j], `De bron "${b}" staat niet in de lijst bronnen`));
      if (duplicates(d.gegevens).length > 0) issue(['doelen', i, 'gegevens'], 'Elke gegevenscategorie maar één keer');
    });
    const vragen = new Map(inhoud.vragen.map((v) => [v.id, v]));
    inhoud.vragen.forEach((v, i) => {
      if (duplicates(v.antwoorden.map((a) => a.waarde)).length > 0) issue(['vragen', i, 'antwoorden'], 'Elk antwoord maar één keer');
    });
    const gebruikt = new Set<string>();
    const uitzonderingVraag = new Map<string, string>();
    const geblokkeerd = new Set<string>();
    inhoud.regels.forEach((r, i) => {
      const vorige = inhoud.regels[i - 1];
      if (vorige && vorige.stap > r.stap) issue(['regels', i, 'stap'], 'De regels staan op volgorde van de stappen');
      r.bronnen.forEach((b, j) => bronIds.has(b) || issue(['regels', i, 'bronnen', j], `De bron "${b}" staat niet in de lijst bronnen`));
      for (const [vraagId, waarden] of Object.entries(r.als.antwoord ?? {})) {
        const vraag = vragen.get(vraagId);
        gebruikt.add(vraagId);
        if (!vraag) {
          issue(['regels', i, 'als', 'antwoord', vraagId], `De vraag "${vraagId}" staat niet in de lijst vragen`);
          continue;
        }
        if (vraag.stap > r.stap) issue(['regels', i, 'als', 'antwoord', vraagId], `Een regel in stap ${r.stap} kan geen vraag uit stap ${vraag.stap} stellen`);
        for (const w of waarden) if (!vraag.antwoorden.some((a) => a.waarde === w)) issue(['regels', i, 'als', 'antwoord', vraagId], `De vraag "${vraagId}" heeft geen antwoord "${w}"`);
      }
      for (const key of Object.keys(r.anders ?? {})) {
        if (key !== 'toestemming' && !(key in (r.als.antwoord ?? {}))) issue(['regels', i, 'anders', key], `"anders" noemt "${key}", maar de regel stelt die vraag niet`);
        if (key === 'toestemming' && !r.als.toestemming) issue(['regels', i, 'anders', key], '"anders" noemt de toestemming, maar de regel kijkt niet naar toestemming');
      }
      const dan = r.dan;
      const geldig: readonly string[] = ['geldig-schriftelijk', 'geldig-mondeling'];
      // A consent ground or secrecy basis without a valid consent would make withdrawn consents count.
      if ((dan.soort === 'grondslag' && dan.grondslag === 'toestemming') || (dan.soort === 'geheimhouding' && dan.basis === 'toestemming')) {
        if (!r.als.toestemming || !r.als.toestemming.every((s) => geldig.includes(s))) issue(['regels', i, 'als', 'toestemming'], 'Een regel die op toestemming steunt, vraagt een geldige toestemming');
      }
      if (dan.soort === 'uitzondering') {
        const vraag = vragen.get(dan.vraag);
        gebruikt.add(dan.vraag);
        if (geblokkeerd.has(dan.klasse)) issue(['regels', i], `Een uitzondering voor "${dan.klasse}" staat na de regel die de klasse afsluit`);
        if (!vraag) issue(['regels', i, 'dan', 'vraag'], `De vraag "${dan.vraag}" staat niet in de lijst vragen`);
        else {
          if (!vraag.antwoorden.some((a) => a.waarde === dan.antwoord)) issue(['regels', i, 'dan', 'antwoord'], `De vraag "${dan.vraag}" heeft geen antwoord "${dan.antwoord}"`);
          if (!vraag.antwoorden.some((a) => a.waarde === 'geen')) issue(['regels', i, 'dan', 'vraag'], `De vraag "${dan.vraag}" heeft het antwoord "geen" nodig`);
          if (vraag.stap > r.stap) issue(['regels', i, 'dan', 'vraag'], `Een regel in stap ${r.stap} kan geen vraag uit stap ${vraag.stap} stellen`);
        }
        const eerder = uitzonderingVraag.get(dan.klasse);
        if (eerder !== undefined && eerder !== dan.vraag) issue(['regels', i, 'dan', 'vraag'], `Alle uitzonderingen voor "${dan.klasse}" horen bij één vraag ("${eerder}")`);
        uitzonderingVraag.set(dan.klasse, dan.vraag);
      }
      if (dan.soort === 'blokkeer') {
        if (geblokkeerd.has(dan.klasse)) issue(['regels', i], `De klasse "${dan.klasse}" wordt al eerder afgesloten`);
        geblokkeerd.add(dan.klasse);
      }
    });
    for (const klasse of BijzondereKlasse.options) {
      if (!geblokkeerd.has(klasse)) issue(['regels'], `Er ontbreekt een regel die de klasse "${klasse}" afsluit (soort "blokkeer")`);
    }
    inhoud.vragen.forEach((v, i) => gebruikt.has(v.id) || issue(['vragen', i, 'id'], `Geen regel stelt de vraag "${v.id}"`));
  });

/** The stappenplan rule set, a policy file (`resources/stappenplan/v<versie>.json`, see shared/policy). */
export const StappenplanFile = policyFile('stappenplan', Inhoud);
/** The stappenplan rule set. */
export type StappenplanFile = z.infer<typeof StappenplanFile>;
