import { z } from 'zod';
import { ErrorInfo } from '../errors';

/*
 * The one definition of the messages between Electron main (electron/gateway/coreProcess.ts) and
 * the core in its utility process (electron/core/host/utilityHost.ts). Both sides parse what
 * they receive with these schemas and type what they send with these types, so the two ends
 * cannot drift apart.
 *
 *   main → core: init (once, first) · invoke (numbered) · shutdown
 *   core → main: reply (to one invoke, by id) · event · progress (of one running invoke, by id)
 *
 * The port is private to the two processes, yet the core holds the key: it trusts nothing it
 * did not parse. Schemas are strict so an unexpected field is a defect that shows at once.
 */

/** Longest method or event name carried; real names are far shorter (the contract decides). */
export const MAX_HOST_NAME_LENGTH = 100;
/** Longest vault folder path accepted in `init` (well above any real OS path limit). */
export const MAX_VAULT_DIR_LENGTH = 4096;

/** The number that pairs an invoke with its reply; unique per main process run. */
export const RequestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
/** The number that pairs an invoke with its reply. */
export type RequestId = z.infer<typeof RequestId>;

/** main → core, once and first: the vault folder this core serves for its whole life. */
export const InitMessage = z.strictObject({
  kind: z.literal('init'),
  vaultDir: z.string().min(1).max(MAX_VAULT_DIR_LENGTH),
});
/** main → core: the vault folder. */
export type InitMessage = z.infer<typeof InitMessage>;

/**
 * main → core: call one contract method. Main has already validated `input` with
 * `validateCall`; the core validates it again in its dispatcher.
 */
export const InvokeMessage = z.strictObject({
  kind: z.literal('invoke'),
  id: RequestId,
  method: z.string().min(1).max(MAX_HOST_NAME_LENGTH),
  input: z.unknown(),
});
/** main → core: call one contract method. */
export type InvokeMessage = z.infer<typeof InvokeMessage>;

/** main → core: lock the vault, close the database and end the process. */
export const ShutdownMessage = z.strictObject({ kind: z.literal('shutdown') });
/** main → core: lock and stop. */
export type ShutdownMessage = z.infer<typeof ShutdownMessage>;

/** Every message main may send to the core; the host parses each one with this. */
export const MainToCoreMessage = z.discriminatedUnion('kind', [InitMessage, InvokeMessage, ShutdownMessage]);
/** A message from main to the core. */
export type MainToCoreMessage = z.infer<typeof MainToCoreMessage>;

/**
 * The result envelope inside a reply: a value (checked against the method's output schema by
 * the core's dispatcher) or an error with a stable code.
 */
export const ReplyResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ErrorInfo }),
]);
/** The result envelope inside a reply. */
export type ReplyResult = z.infer<typeof ReplyResult>;

/**
 * core → main: the answer to the invoke with the same id, in any order. `result` is parsed on
 * its own with {@link ReplyResult} so that a malformed result fails that one call at once
 * (instead of being dropped and timing out).
 */
export const ReplyMessage = z.strictObject({
  kind: z.literal('reply'),
  id: RequestId,
  result: z.unknown(),
});
/** core → main: the answer to one invoke (its result typed as sent). */
export type ReplyMessage = Omit<z.infer<typeof ReplyMessage>, 'result'> & { result: ReplyResult };

/** core → main: an event; main checks name and payload against shared/ipc/events.ts before relaying. */
export const EventMessage = z.strictObject({
  kind: z.literal('event'),
  name: z.string().min(1).max(MAX_HOST_NAME_LENGTH),
  payload: z.unknown(),
});
/** core → main: an event. */
export type EventMessage = z.infer<typeof EventMessage>;

/**
 * core → main: the invoke with this id is still running and getting on. Long work (an import,
 * later exports and summaries) sends it at a bounded rate; main treats it as a heartbeat (no
 * call times out while the core shows life) and passes the window event it carries on, checked
 * against shared/ipc/events.ts like any event.
 */
export const ProgressMessage = z.strictObject({
  kind: z.literal('progress'),
  id: RequestId,
  name: z.string().min(1).max(MAX_HOST_NAME_LENGTH),
  payload: z.unknown(),
});
/** core → main: progress of one running invoke. */
export type ProgressMessage = z.infer<typeof ProgressMessage>;

/** Every message the core may send to main; main parses each one with this. */
export const CoreToMainMessage = z.discriminatedUnion('kind', [ReplyMessage, EventMessage, ProgressMessage]);
/** A message from the core to main (a reply's result typed as sent). */
export type CoreToMainMessage = ReplyMessage | EventMessage | ProgressMessage;
