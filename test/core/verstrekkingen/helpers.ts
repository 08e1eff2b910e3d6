// Test helpers for verstrekkingen: a real SQLCipher vault database (random key, every migration)
// behind the real dispatcher with the casework, profile and verstrekkingen handlers, a session
// whose writer is the vault profile (as the app's), and synthetic casework (never real persons).
import { COMENSHA_ANTWOORDEN } from '../../shared/stappenplan/comenshaAntwoorden';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { openEncryptedDatabase } from '../../../electron/core/vault/sqlcipher';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { createDispatch } from '../../../electron/core/host/dispatch';
import { caseworkHandlers } from '../../../electron/core/casework/casework.handlers';
import { profileHandlers } from '../../../electron/core/profile/profile.handlers';
import { verstrekkingenHandlers } from '../../../electron/core/verstrekkingen/verstrekkingen.handlers';
import { profileActor } from '../../../electron/core/profile/profile.repo';
import type { Session } from '../../../electron/core/session';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import type { CoreContract, CoreMethodName, CoreOutput, Handlers } from '../../../shared/ipc/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { addDays, localToday } from '../../../shared/casework/dates';
import type { DataCategorie } from '../../../shared/stappenplan/dataCategories';
import type { ConceptStap } from '../../../shared/verstrekkingen/besluit.schema';

type CallInput<M extends CoreMethodName> = z.input<CoreContract[M]['input']>;

/** An open test vault with a typed caller over the real dispatcher. */
export interface VVault {
  db: Database.Database;
  dir: string;
  session: Session;
  call<M extends CoreMethodName>(method: M, input: CallInput<M>): Promise<CoreOutput<M>>;
  fail(method: CoreMethodName, input: unknown): Promise<ErrorInfo>;
  close(): void;
}

/** Today and days around it, as the core sees them. */
export const today = localToday();
export const inDays = (n: number) => addDays(today, n);

/** Opens a fresh encrypted vault database with every migration, under a random key; with a synthetic profile unless `profiel: false` (8 MiB page cache unless given). */
export async function openVVault(options: { profiel?: boolean; cacheKiB?: number } = {}): Promise<VVault> {
  const dir = mkdtempSync(join(tmpdir(), 'kk-verstrekkingen-'));
  const key = randomBytes(32);
  const db = openEncryptedDatabase(join(dir, 'vault.db'), key, { create: true, cacheKiB: options.cacheKiB ?? 8 * 1024 });
  key.fill(0);
  migrate(db, migrations);
  const session: Session = {
    vaultDir: dir,
    db: () => db,
    isLocked: () => false,
    emit: () => undefined,
    writer: (via) => {
      const ctx = ownerWriter(via);
      const actor = profileActor(db);
      return actor ? { ...ctx, actor } : ctx;
    },
  };
  const handlers = { ...caseworkHandlers, ...profileHandlers, ...verstrekkingenHandlers } as unknown as Handlers<Session>;
  const dispatch = createDispatch(handlers, session);
  const v: VVault = {
    db,
    dir,
    session,
    async call(method, input) {
      const r = await dispatch(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    async fail(method, input) {
      const r = await dispatch(method, input);
      if (r.ok) throw new Error(`${method} should have failed`);
      return r.error;
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.profiel !== false) await v.call('profile.save', { fields: { naam: 'Testa Zorgcoördinator', functie: 'zorgcoordinator', organisatie: 'essm', regio: 'rotterdam' } });
  return v;
}

/** A synthetic cliënt and traject (invented names, never real persons); birth date 17 years ago unless given. */
export async function nieuwTraject(v: VVault, client: Record<string, unknown> = {}, traject: Record<string, unknown> = {}) {
  const c = await v.call('clienten.create', {
    fields: {
      roepnaam: 'Testa',
      achternaam: 'Voorbeeldig',
      geboortedatum: `${Number(today.slice(0, 4)) - 25}-03-14`,
      geslacht: 'vrouw',
      nationaliteit: 'Fictief',
      bsn: '123456782',
      telefoon: '0612345678',
      email: 'testa@example.invalid',
      gezondheid: 'Synthetische gezondheidsnotitie',
      notities: 'Synthetische notitie over de cliënt',
      ...client,
    },
  });
  const t = await v.call('trajecten.create', {
    clientId: c.id,
    fields: { vormen: ['seksuele-uitbuiting'], minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: inDays(-30), notities: 'Synthetische trajectnotitie', ...traject },
  });
  return { clientId: c.id, trajectId: t.id, pseudoniem: c.pseudoniem };
}

/** A written consent of the cliënt for CoMensha registration, from `vanaf` (30 days ago unless given). */
export async function comenshaToestemming(v: VVault, trajectId: string, extra: Record<string, unknown> = {}) {
  return v.call('toestemmingen.add', {
    trajectId,
    fields: { doel: 'registratie-comensha', ontvanger: 'CoMensha', vanaf: inDays(-30), schriftelijk: true, gegevenDoor: 'client', ...extra },
  });
}

/** Answers the engine's questions with `antwoorden` until it reaches an outcome (or a question not in the map). */
export async function beantwoord(v: VVault, stap: ConceptStap, antwoorden: Record<string, string>): Promise<ConceptStap> {
  let s = stap;
  for (let i = 0; i < 40 && s.stap.soort === 'vraag'; i++) {
    const vraag = s.stap.vraag.id;
    const waarde = antwoorden[vraag];
    if (waarde === undefined) throw new Error(`no answer for question ${vraag}`);
    s = await v.call('verstrekkingen.step', { id: s.concept.id, version: s.concept.version, antwoord: { vraag, waarde } });
  }
  return s;
}

export { COMENSHA_ANTWOORDEN };

/** What a person writes when completing a decision. */
export function besluitInvoer(extra: Record<string, unknown> = {}) {
  return {
    noodzaak: 'Registratie is nodig voor de landelijke coördinatie; alleen de minimale gegevens.',
    alternatieven: 'Anoniem melden is overwogen; CoMensha kan dan niet registreren.',
    bewaartermijn: 'Zolang CoMensha de registratie nodig heeft, hooguit 5 jaar',
    herbeoordelingOp: inDays(90),
    vierOgen: false,
    ...extra,
  };
}

/** A completed CoMensha decision with written consent for a new traject; returns the ids and the decision. */
export async function comenshaBesluit(v: VVault, options: { gevraagd?: DataCategorie[]; vierOgen?: boolean; client?: Record<string, unknown> } = {}) {
  const t = await nieuwTraject(v, options.client);
  const toestemming = await comenshaToestemming(v, t.trajectId);
  const start = await v.call('verstrekkingen.createDraft', {
    trajectId: t.trajectId,
    partnerId: 'comensha',
    doel: 'registratie-comensha',
    gevraagdeGegevens: options.gevraagd ?? ['identificerend', 'achtergrond', 'traject', 'uitbuiting'],
  });
  const eind = await beantwoord(v, start, COMENSHA_ANTWOORDEN);
  if (eind.stap.soort !== 'uitkomst') throw new Error('no outcome');
  const besluit = await v.call('verstrekkingen.complete', { id: eind.concept.id, version: eind.concept.version, besluit: besluitInvoer({ vierOgen: options.vierOgen ?? false }) });
  return { ...t, toestemmingId: toestemming.id, besluit, uitkomst: eind.stap };
}

/** Row counts of the register by kind. */
export function registerTelling(db: Database.Database): Record<string, number> {
  return Object.fromEntries((db.prepare('SELECT soort, count(*) AS n FROM verstrekkingen_register GROUP BY soort').all() as Array<{ soort: string; n: number }>).map((r) => [r.soort, r.n]));
}
