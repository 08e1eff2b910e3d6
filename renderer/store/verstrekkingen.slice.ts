import type { QuickSwitchHit } from '../../shared/casework/query.schema';
import type { TrajectDetail } from '../../shared/casework/traject.schema';
import type { Input, Output } from '../../shared/ipc/contract';
import type { DataCategorie } from '../../shared/stappenplan/dataCategories';
import type { StappenplanFile } from '../../shared/stappenplan/ruleSet.schema';
import type { Besluit, BesluitInvoer, Concept, ConceptStap } from '../../shared/verstrekkingen/besluit.schema';
import type { KopieVeld, PakketInhoud, PakketResultaat } from '../../shared/verstrekkingen/pakket.schema';
import type { RegisterFilter, RegisterRegel } from '../../shared/verstrekkingen/register.schema';
import type { RuleSetVersie } from '../../shared/verstrekkingen/ruleSetVersie.schema';
import type { VolgendeVraagSchema } from '../../shared/verstrekkingen/stap.schema';
import type { Functie } from '../../shared/profile/profile.schema';
import { toApiError, type ApiClient, type ApiError } from '../platform/api';
import { caseSlice } from './caseData';
import { emptyList, pagedLoader, type PagedList } from './pagedList';
import { idleWrite, type WriteState } from './writeState';

/** A screen of the Verstrekkingen area. */
export type VerstrekkingenView =
  | { screen: 'overzicht' }
  | { screen: 'nieuw'; trajectId: string }
  | { screen: 'wizard'; conceptId: string }
  | { screen: 'besluit'; id: string }
  | { screen: 'register' }
  | { screen: 'regels' };

/** One question of the stappenplan as the wizard shows it. */
export type WizardVraag = VolgendeVraagSchema['vraag'];

/** What the person asks for at step 0. */
export type ConceptStart = Input<'verstrekkingen.createDraft'>;

export interface VerstrekkingenSlice {
  verstrekkingenView: VerstrekkingenView;
  /** The open drafts, newest first. */
  vkConcepten: Concept[];
  /** The traject a new disclosure starts from (its pseudonym and consents). */
  vkTraject: TrajectDetail | null;
  /** The decisions of that traject, newest first. */
  vkTrajectBesluiten: Besluit[];
  /** The open draft with the stappenplan's next step (a question or the outcome). */
  vkStap: ConceptStap | null;
  /** The questions answered before the current one, in the order they were asked (for Back). */
  vkPad: WizardVraag[];
  /** Which earlier question is shown again (index in vkPad; -1 is step 0); null: the current step. */
  vkTerug: number | null;
  /** The rule set the open draft (or a new one) is decided under. */
  vkRegels: StappenplanFile | null;
  /** The decision that is open. */
  vkBesluit: Besluit | null;
  vkRegister: PagedList<RegisterRegel>;
  vkRegisterFilter: RegisterFilter;
  vkRegisterError: ApiError | null;
  /** The versions of the rule set in this vault, newest first. */
  vkVersies: RuleSetVersie[];
  /** The last refusal of reading something. */
  vkError: ApiError | null;
  /** The last write (answer, completion, approval, package, print, copy, export, import). */
  vkWrite: WriteState;

  /** Opens a screen of the area (and the area). */
  openVerstrekkingen(view: VerstrekkingenView): void;
  /** The traject page's "Gegevens verstrekken": the wizard's first step for this traject. */
  startVerstrekking(trajectId: string): void;
  loadConcepten(): Promise<void>;
  /** Trajecten whose cliënt has this pseudonym code or name (for starting in the area); not kept in the store. */
  zoekTrajecten(q: string): Promise<QuickSwitchHit[] | null>;
  /** Reads what step 0 needs: the traject, its decisions and the current rule set. */
  loadStart(trajectId: string): Promise<void>;
  /** Starts a draft; on success the wizard shows its first question. */
  createConcept(input: ConceptStart): Promise<boolean>;
  /** Opens a draft (to resume it) at its next step. */
  openConcept(id: string): Promise<void>;
  /** Answers the question shown (the current one, or an earlier one shown again). */
  answer(vraagId: string, waarde: string): Promise<boolean>;
  /** Shows the question before the one on screen again (its answer kept). */
  back(): void;
  /** Shows an earlier question again (index in vkPad; -1 is step 0). */
  showEarlier(index: number): void;
  /** Back to the current step without changing anything. */
  forwardToCurrent(): void;
  /** Changes the data asked for (step 0); the stappenplan asks again what no longer fits. */
  setGevraagd(categorieen: DataCategorie[]): Promise<boolean>;
  discardConcept(concept: Pick<Concept, 'id' | 'version'>): Promise<boolean>;
  /** Exactly what would leave under the open draft's outcome (nothing leaves). */
  previewConcept(): Promise<PakketInhoud | null>;
  /** Exactly what would leave under the open decision. */
  previewBesluit(): Promise<PakketInhoud | null>;
  /** Completes the open draft; on success the decision is open. */
  completeConcept(besluit: BesluitInvoer): Promise<Besluit | null>;
  openBesluit(id: string): Promise<void>;
  approveBesluit(naam: string, functie: Functie): Promise<boolean>;
  revokeBesluit(reden: string): Promise<boolean>;
  /** Starts a draft that corrects the open decision (same traject and recipient). */
  correctBesluit(): Promise<boolean>;
  /** Saves the package of the open decision (main's save dialog); the password is in the answer, shown once and never kept here. */
  savePackage(): Promise<PakketResultaat | null>;
  printBesluit(): Promise<boolean | null>;
  /** Main copies the password of the package just saved (by its register id; the window never sends the password). */
  kopieerWachtwoord(registerId: string): Promise<Output<'verstrekkingen.kopieerWachtwoord'> | null>;
  /** The password is closed: main forgets it (copying is no longer possible). */
  vergeetWachtwoord(registerId: string): void;
  /** Copies one identifying field through main's clipboard; the seconds until it is cleared. */
  copyVeld(veld: KopieVeld): Promise<number | null>;
  setRegisterFilter(filter: RegisterFilter): void;
  refreshRegister(): void;
  loadRegisterRows(start: number, end: number): Promise<void>;
  exportRegister(): Promise<Output<'verstrekkingen.exportRegister'> | null>;
  loadVersies(): Promise<void>;
  /** One version of the rule set, for reading (not kept in the store). */
  readRegelset(versie: string): Promise<StappenplanFile | null>;
  /** Imports a new version through main's open dialog: its number, null when cancelled, false when refused. */
  importRegelset(): Promise<string | null | false>;
  resetVkWrite(): void;
}

/**
 * The order in which the stappenplan asks its questions: the first place each is used in the
 * rules (the rules run in step order). Used to show the answers of a resumed draft in order.
 */
export function vraagVolgorde(regels: StappenplanFile): string[] {
  const volgorde: string[] = [];
  const voeg = (id: string) => {
    if (!volgorde.includes(id)) volgorde.push(id);
  };
  for (const regel of regels.inhoud.regels) {
    for (const id of Object.keys(regel.als.antwoord ?? {})) voeg(id);
    if (regel.dan.soort === 'uitzondering') voeg(regel.dan.vraag);
  }
  for (const vraag of regels.inhoud.vragen) voeg(vraag.id);
  return volgorde;
}

/** The answered questions of a draft before the current one, as the rule set words them. */
export function padVan(regels: StappenplanFile | null, stap: ConceptStap): WizardVraag[] {
  if (!regels) return [];
  const huidig = stap.stap.soort === 'vraag' ? stap.stap.vraag.id : null;
  const vragen = new Map(regels.inhoud.vragen.map((v) => [v.id, v]));
  return vraagVolgorde(regels)
    .filter((id) => id !== huidig && stap.concept.antwoorden[id] !== undefined)
    .flatMap((id) => {
      const v = vragen.get(id);
      return v ? [{ id: v.id, stap: v.stap, tekst: v.tekst, uitleg: v.uitleg, antwoorden: v.antwoorden }] : [];
    });
}

/**
 * The privacy-stappenplan in the window: drafts, the wizard's steps, decisions, the register
 * and the rule set's versions. The core decides everything; this slice asks and keeps what the
 * screens show. Case data (pseudonyms, decisions, the register): dropped on lock. A package's
 * password is handed to the screen that shows it once and is never kept here.
 */
export const verstrekkingenSlice = caseSlice<VerstrekkingenSlice>()(
  () => ({
    verstrekkingenView: { screen: 'overzicht' } as VerstrekkingenView,
    vkConcepten: [] as Concept[],
    vkTraject: null as TrajectDetail | null,
    vkTrajectBesluiten: [] as Besluit[],
    vkStap: null as ConceptStap | null,
    vkPad: [] as WizardVraag[],
    vkTerug: null as number | null,
    vkRegels: null as StappenplanFile | null,
    vkBesluit: null as Besluit | null,
    vkRegister: emptyList<RegisterRegel>(),
    vkRegisterFilter: {} as RegisterFilter,
    vkRegisterError: null as ApiError | null,
    vkVersies: [] as RuleSetVersie[],
    vkError: null as ApiError | null,
    vkWrite: idleWrite,
  }),
  (api: ApiClient) => (set, get) => {
    /** A write: busy while it runs, the refusal kept for the screen; null when refused. */
    async function write<T>(work: () => Promise<T>): Promise<T | null> {
      set({ vkWrite: { busy: true, error: null } });
      try {
        const result = await work();
        set({ vkWrite: idleWrite });
        return result;
      } catch (error) {
        set({ vkWrite: { busy: false, error: toApiError(error) } });
        return null;
      }
    }

    /** The rule set of a version, read once per version. */
    async function regelsVoor(versie?: string): Promise<StappenplanFile> {
      const now = get().vkRegels;
      if (now && versie !== undefined && now.versie === versie) return now;
      return api.call('stappenplan.get', versie !== undefined ? { versie } : {});
    }

    /** Shows a draft at its next step; `pad` null makes the path from its answers. */
    async function toon(stap: ConceptStap, pad: WizardVraag[] | null): Promise<void> {
      const regels = await regelsVoor(stap.concept.ruleSetVersie);
      set({ vkStap: stap, vkRegels: regels, vkPad: pad ?? padVan(regels, stap), vkTerug: null, vkError: null });
    }

    const register = pagedLoader<RegisterRegel, RegisterFilter>({
      read: () => ({ list: get().vkRegister, filter: get().vkRegisterFilter }),
      write: ({ list, filter, error }) => set({ vkRegister: list, ...(filter ? { vkRegisterFilter: filter } : {}), ...(error !== undefined ? { vkRegisterError: error } : {}) }),
      fetchPage: (filter, page) => api.call('verstrekkingen.register', { filter, page }),
    });

    /** The request that a package, print or copy under the open decision makes: exactly its categories. */
    function verzoek() {
      const b = get().vkBesluit;
      if (!b) throw new Error('no decision open');
      return { besluitId: b.id, trajectId: b.trajectId, partnerId: b.ontvanger.partnerId, categorieen: b.velden };
    }

    return {
      openVerstrekkingen(view) {
        set({ verstrekkingenView: view, vkWrite: idleWrite });
        if (get().route !== 'verstrekkingen') get().navigate('verstrekkingen');
      },

      startVerstrekking(trajectId) {
        get().openVerstrekkingen({ screen: 'nieuw', trajectId });
      },

      async loadConcepten() {
        try {
          const { concepten } = await api.call('verstrekkingen.listDrafts', {});
          set({ vkConcepten: concepten, vkError: null });
        } catch (error) {
          set({ vkError: toApiError(error) });
        }
      },

      async zoekTrajecten(q) {
        try {
          const { hits } = await api.call('quickSwitch.query', { q, limit: 20 });
          set({ vkError: null });
          return hits.filter((h) => h.kind === 'traject');
        } catch (error) {
          set({ vkError: toApiError(error) });
          return null;
        }
      },

      async loadStart(trajectId) {
        try {
          const [traject, { besluiten }, regels] = await Promise.all([
            api.call('trajecten.get', { id: trajectId, journaalLimit: 0 }),
            api.call('verstrekkingen.list', { trajectId }),
            api.call('stappenplan.get', {}),
          ]);
          set({ vkTraject: traject, vkTrajectBesluiten: besluiten, vkRegels: regels, vkError: null });
        } catch (error) {
          set({ vkError: toApiError(error) });
        }
      },

      async createConcept(input) {
        const stap = await write(() => api.call('verstrekkingen.createDraft', input));
        if (!stap) return false;
        await toon(stap, []);
        set({ verstrekkingenView: { screen: 'wizard', conceptId: stap.concept.id } });
        return true;
      },

      async openConcept(id) {
        try {
          const stap = await api.call('verstrekkingen.step', { id });
          // The same draft again (after a reload of the screen): keep the path of this session.
          const zelfde = get().vkStap?.concept.id === id;
          await toon(stap, zelfde ? get().vkPad : null);
        } catch (error) {
          set({ vkError: toApiError(error), vkStap: null });
        }
      },

      async answer(vraagId, waarde) {
        const stap = get().vkStap;
        if (!stap) return false;
        const terug = get().vkTerug;
        const pad = get().vkPad;
        // An earlier question shown again and left as it was: on to the next one, nothing written.
        if (terug !== null && terug >= 0 && stap.concept.antwoorden[vraagId] === waarde) {
          set({ vkTerug: terug + 1 >= pad.length ? null : terug + 1, vkWrite: idleWrite });
          return true;
        }
        const gevraagd = terug !== null && terug >= 0 ? pad[terug] : stap.stap.soort === 'vraag' ? stap.stap.vraag : undefined;
        const volgende = await write(() => api.call('verstrekkingen.step', { id: stap.concept.id, version: stap.concept.version, antwoord: { vraag: vraagId, waarde } }));
        if (!volgende) return false;
        const eerder = terug !== null && terug >= 0 ? pad.slice(0, terug) : pad;
        const nieuwPad = gevraagd ? [...eerder.filter((v) => v.id !== gevraagd.id), gevraagd] : eerder;
        const huidig = volgende.stap.soort === 'vraag' ? volgende.stap.vraag.id : null;
        await toon(
          volgende,
          nieuwPad.filter((v) => v.id !== huidig),
        );
        return true;
      },

      back() {
        const terug = get().vkTerug;
        const pad = get().vkPad;
        const nu = terug ?? pad.length;
        set({ vkTerug: Math.max(-1, nu - 1), vkWrite: idleWrite });
      },

      showEarlier(index) {
        set({ vkTerug: Math.max(-1, Math.min(index, get().vkPad.length - 1)), vkWrite: idleWrite });
      },

      forwardToCurrent() {
        set({ vkTerug: null, vkWrite: idleWrite });
      },

      async setGevraagd(categorieen) {
        const stap = get().vkStap;
        if (!stap) return false;
        const zelfde = categorieen.length === stap.concept.gevraagdeGegevens.length && categorieen.every((c) => stap.concept.gevraagdeGegevens.includes(c));
        if (zelfde) {
          set({ vkTerug: get().vkPad.length > 0 ? 0 : null, vkWrite: idleWrite });
          return true;
        }
        const volgende = await write(() => api.call('verstrekkingen.step', { id: stap.concept.id, version: stap.concept.version, gevraagdeGegevens: categorieen }));
        if (!volgende) return false;
        // Other data can change which questions are asked: the path is read from the answers again.
        await toon(volgende, null);
        return true;
      },

      async discardConcept(concept) {
        const done = await write(() => api.call('verstrekkingen.discardDraft', { id: concept.id, version: concept.version }));
        if (done === null) return false;
        if (get().vkStap?.concept.id === concept.id) set({ vkStap: null, vkPad: [], vkTerug: null });
        await get().loadConcepten();
        return true;
      },

      async previewConcept() {
        const stap = get().vkStap;
        if (!stap) return null;
        try {
          return await api.call('verstrekkingen.preview', { conceptId: stap.concept.id });
        } catch (error) {
          set({ vkError: toApiError(error) });
          return null;
        }
      },

      async previewBesluit() {
        const b = get().vkBesluit;
        if (!b) return null;
        try {
          return await api.call('verstrekkingen.preview', { besluitId: b.id });
        } catch (error) {
          set({ vkError: toApiError(error) });
          return null;
        }
      },

      async completeConcept(besluit) {
        const stap = get().vkStap;
        if (!stap) return null;
        const saved = await write(() => api.call('verstrekkingen.complete', { id: stap.concept.id, version: stap.concept.version, besluit }));
        if (!saved) return null;
        set({ vkBesluit: saved, vkStap: null, vkPad: [], vkTerug: null, verstrekkingenView: { screen: 'besluit', id: saved.id } });
        return saved;
      },

      async openBesluit(id) {
        try {
          const besluit = await api.call('verstrekkingen.get', { id });
          set({ vkBesluit: besluit, vkError: null });
        } catch (error) {
          set({ vkError: toApiError(error), vkBesluit: null });
        }
      },

      async approveBesluit(naam, functie) {
        const b = get().vkBesluit;
        if (!b) return false;
        const saved = await write(() => api.call('verstrekkingen.approve', { besluitId: b.id, naam, functie }));
        if (!saved) return false;
        set({ vkBesluit: saved });
        return true;
      },

      async revokeBesluit(reden) {
        const b = get().vkBesluit;
        if (!b) return false;
        const saved = await write(() => api.call('verstrekkingen.revoke', { besluitId: b.id, reden }));
        if (!saved) return false;
        set({ vkBesluit: saved });
        return true;
      },

      async correctBesluit() {
        const b = get().vkBesluit;
        if (!b) return false;
        return get().createConcept({ trajectId: b.trajectId, partnerId: b.ontvanger.partnerId, doel: b.doel, gevraagdeGegevens: b.situatie.gevraagdeGegevens, vervangt: b.id });
      },

      savePackage: () => write(() => api.call('verstrekkingen.savePackage', verzoek())),

      async printBesluit() {
        const result = await write(() => api.call('verstrekkingen.print', verzoek()));
        return result === null ? null : result.afgedrukt;
      },

      kopieerWachtwoord: (registerId) => write(() => api.call('verstrekkingen.kopieerWachtwoord', { registerId })),

      vergeetWachtwoord(registerId) {
        // Nothing to show: at worst main forgets it after 10 minutes or on lock anyway.
        void api.call('verstrekkingen.vergeetWachtwoord', { registerId }).catch(() => undefined);
      },

      async copyVeld(veld) {
        const b = get().vkBesluit;
        if (!b) return null;
        const result = await write(() => api.call('verstrekkingen.copyField', { besluitId: b.id, trajectId: b.trajectId, partnerId: b.ontvanger.partnerId, veld }));
        return result === null ? null : result.wisNaSeconden;
      },

      setRegisterFilter: register.setFilter,
      refreshRegister: register.refresh,
      loadRegisterRows: register.loadRows,

      exportRegister: () => write(() => api.call('verstrekkingen.exportRegister', { filter: get().vkRegisterFilter })),

      async loadVersies() {
        try {
          const { versies } = await api.call('stappenplan.versions', {});
          set({ vkVersies: versies, vkError: null });
        } catch (error) {
          set({ vkError: toApiError(error) });
        }
      },

      async readRegelset(versie) {
        try {
          return await api.call('stappenplan.get', { versie });
        } catch (error) {
          set({ vkError: toApiError(error) });
          return null;
        }
      },

      async importRegelset() {
        const result = await write(() => api.call('stappenplan.import', {}));
        if (result === null) return false;
        if (result.versie !== null) await get().loadVersies();
        return result.versie;
      },

      resetVkWrite() {
        set({ vkWrite: idleWrite });
      },
    };
  },
);
