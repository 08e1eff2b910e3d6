import type { Handlers, MainMethodName } from '../../../shared/ipc/contract';
import type { caseworkHostMethods, caseworkMethods } from '../../../shared/ipc/casework.contract';
import { gemeenten, regioGemeenten } from '../../../shared/casework/gemeenten';
import { localToday, yearOf } from '../../../shared/casework/dates';
import type { Session } from '../session';
import { findDuplicates, getClient, insertClient, listClienten, removeClient, updateClient } from './clienten.repo';
import { assertTraject, clientRef, getTrajectDetail, insertTraject, listTrajecten, touchTraject, transitionTraject, updateTraject } from './trajecten.repo';
import { deleteJournaal, insertJournaal, listJournaal, updateJournaal } from './journaal.repo';
import { completeTaak, insertTaak, listOverdue, listReminders, updateTaak } from './taken.repo';
import { insertToestemming, withdrawToestemming } from './toestemmingen.repo';
import { getMelding, insertMelding, listMeldingen, updateMelding } from './meldingen.repo';
import { convertMelding } from './convert';
import { quickSwitch, searchQuery } from './search.repo';
import { deleteView, listViews, saveView } from './views.repo';
import { getDashboard } from './dashboard.repo';
import { profielRegio } from '../profile/profile.repo';
import { importFile } from './import';
import { inTransaction } from '../db/sql';
import type { Regio } from '../../../shared/casework/gemeenten.schema';

/**
 * The region whose meldroute advises on meldingen: the vault profile's region. Until there is a
 * profile, Rotterdam (as the dashboard does).
 */
function meldrouteRegio(s: Session): Regio {
  return profielRegio(s.db()) ?? 'rotterdam';
}

/**
 * The casework handlers: parse is done by the dispatcher, so each handler opens one transaction,
 * calls the repositories and returns. Reads run without a transaction (one statement each, or
 * a consistent snapshot is not needed for a screen).
 */
export const caseworkHandlers: Pick<Handlers<Session>, Exclude<keyof typeof caseworkMethods, MainMethodName> | keyof typeof caseworkHostMethods> = {
  'clienten.create': (input, s) => inTransaction(s.db(), () => insertClient(s.db(), s.writer(), input.fields)),
  'clienten.get': (input, s) => getClient(s.db(), input.id),
  'clienten.update': (input, s) => inTransaction(s.db(), () => updateClient(s.db(), s.writer(), input.id, input.version, input.fields)),
  'clienten.list': (input, s) => listClienten(s.db(), input.filter, input.page),
  'clienten.checkDuplicate': (input, s) => ({ matches: findDuplicates(s.db(), input.fields, input.exceptId) }),
  'clienten.remove': (input, s) => inTransaction(s.db(), () => removeClient(s.db(), s.writer(), input.id, input.version, input.reden, input.toelichting)),

  'trajecten.create': (input, s) => inTransaction(s.db(), () => insertTraject(s.db(), s.writer(), clientRef(s.db(), input.clientId), input.fields)),
  'trajecten.get': (input, s) => getTrajectDetail(s.db(), input.id, input.journaalLimit, localToday()),
  'trajecten.update': (input, s) => inTransaction(s.db(), () => updateTraject(s.db(), s.writer(), input.id, input.version, input.fields, localToday())),
  'trajecten.transition': (input, s) =>
    inTransaction(s.db(), () => transitionTraject(s.db(), s.writer(), { ...input, datum: input.datum ?? localToday() })),
  'trajecten.list': (input, s) => listTrajecten(s.db(), input.filter, input.page),
  'journaal.add': (input, s) =>
    inTransaction(s.db(), () => {
      const ctx = s.writer();
      const { clientId } = assertTraject(s.db(), input.trajectId);
      touchTraject(s.db(), ctx, input.trajectId);
      return insertJournaal(s.db(), ctx, { trajectId: input.trajectId, clientId, datum: input.datum ?? localToday(), soort: input.soort, tekst: input.tekst });
    }),
  'journaal.update': (input, s) => inTransaction(s.db(), () => updateJournaal(s.db(), s.writer(), input.id, input.version, input)),
  'journaal.delete': (input, s) => {
    inTransaction(s.db(), () => deleteJournaal(s.db(), s.writer(), input.id, input.version));
    return {};
  },
  'journaal.list': (input, s) => listJournaal(s.db(), input.trajectId, input.page),

  'taken.create': (input, s) =>
    inTransaction(s.db(), () => {
      const ctx = s.writer();
      assertTraject(s.db(), input.trajectId);
      touchTraject(s.db(), ctx, input.trajectId);
      return insertTaak(s.db(), ctx, input, localToday());
    }),
  'taken.complete': (input, s) => inTransaction(s.db(), () => completeTaak(s.db(), s.writer(), input.id, localToday())),
  'taken.update': (input, s) =>
    inTransaction(s.db(), () => {
      const ctx = s.writer();
      const { id, ...change } = input;
      const { task, changed } = updateTaak(s.db(), ctx, id, change, localToday());
      if (changed) touchTraject(s.db(), ctx, task.trajectId);
      return task;
    }),
  'taken.listOverdue': (input, s) => listOverdue(s.db(), input.vandaag ?? localToday(), input.page),
  'taken.listReminders': (input, s) => listReminders(s.db(), input.vandaag ?? localToday(), input.page),

  'toestemmingen.add': (input, s) =>
    inTransaction(s.db(), () => {
      const ctx = s.writer();
      assertTraject(s.db(), input.trajectId);
      touchTraject(s.db(), ctx, input.trajectId);
      return insertToestemming(s.db(), ctx, input.trajectId, input.fields, localToday());
    }),
  'toestemmingen.withdraw': (input, s) => inTransaction(s.db(), () => withdrawToestemming(s.db(), s.writer(), input.id, input.datum ?? localToday(), localToday())),

  'meldingen.create': (input, s) => inTransaction(s.db(), () => insertMelding(s.db(), s.writer(), input.fields, meldrouteRegio(s))),
  'meldingen.get': (input, s) => getMelding(s.db(), input.id, meldrouteRegio(s)),
  'meldingen.update': (input, s) => inTransaction(s.db(), () => updateMelding(s.db(), s.writer(), input.id, input.version, input.fields, meldrouteRegio(s))),
  'meldingen.list': (input, s) => listMeldingen(s.db(), input.filter, input.page),
  'meldingen.convertToTraject': (input, s) => inTransaction(s.db(), () => convertMelding(s.db(), s.writer(), input, localToday())),

  'search.query': (input, s) => searchQuery(s.db(), input.q, input.kinds, input.limit),
  'quickSwitch.query': (input, s) => ({ hits: quickSwitch(s.db(), input.q, input.limit) }),
  'views.save': (input, s) => inTransaction(s.db(), () => saveView(s.db(), s.writer(), input)),
  'views.list': (_input, s) => ({ views: listViews(s.db()) }),
  'views.delete': (input, s) => {
    inTransaction(s.db(), () => deleteView(s.db(), s.writer(), input.id));
    return {};
  },

  'dashboard.get': (input, s) => {
    const today = input.vandaag ?? localToday();
    // The region of the vault's profile (or one asked for); until there is a profile, Rotterdam, and the screen says so.
    const regio = input.regio ?? profielRegio(s.db());
    return getDashboard(s.db(), today, input.jaar ?? yearOf(today), regioGemeenten(regio ?? 'rotterdam'), regio ? 'profiel' : 'standaard');
  },
  'gemeenten.list': () => ({ regios: gemeenten.regios.map((r) => ({ regio: r.regio, naam: r.naam, centrumgemeente: r.centrumgemeente, gemeenten: r.gemeenten })) }),
  'import.file': (input, s) => importFile(s.db(), s.writer('import'), input.path, { dryRun: input.dryRun, opnieuw: input.opnieuw, today: localToday() }),
};
