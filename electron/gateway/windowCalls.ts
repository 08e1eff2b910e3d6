import { KkError } from '../../shared/errors';
import { contract, isMainMethod, type MainMethodName, type MethodName, type Output, type ParsedInput } from '../../shared/ipc/contract';
import { resultSchema, type Result } from '../../shared/ipc/define';
import { validateCall } from '../../shared/ipc/validate';
import type { CoreCall } from './coreCall';
import { log } from './mainLog';

/*
 * What main does with a call from the window, apart from Electron: check it against the
 * contract, answer it here when main answers it, otherwise pass it on to the core, and check
 * the answer before the window sees it. The IPC relay (Electron) and the test bridge (plain
 * Node) both use this, so the browser tests go through the same gate as the app.
 */

/** Sends a call on to the core and returns its result envelope. */
export type Forward = CoreCall;

/**
 * Main's own answers, one per method marked `answeredBy: 'main'`. Each returns a result
 * envelope (it may pass on the core's) or throws a KkError.
 */
export type MainHandlers = { [M in MainMethodName]: (input: ParsedInput<M>) => Promise<Result<Output<M>>> };

/** One call from the window: an untrusted method name and input in, a result envelope out. Never throws. */
export type WindowCall = (method: unknown, input: unknown) => Promise<Result<unknown>>;

/** A call that passed the contract: its method, and its input as that method's schema parsed it. */
type ValidatedCall = { method: MethodName; input: ParsedInput<MethodName> };

/** A validated call the core answers, with the method and its input tied together per method. */
type CoreBoundCall = { [M in Exclude<MethodName, MainMethodName>]: { method: M; input: ParsedInput<M> } }[Exclude<MethodName, MainMethodName>];

/**
 * True when the core answers this call. Sound because validateCall parsed the input with the
 * schema of this very method, which is what ties input to method in CoreBoundCall.
 */
function isCoreBound(call: ValidatedCall): call is CoreBoundCall {
  return !isMainMethod(call.method);
}

function failure(error: KkError): Result<never> {
  return { ok: false, error: error.toInfo() };
}

function answer(method: MainMethodName, input: unknown, handlers: MainHandlers): Promise<Result<unknown>> {
  return (handlers[method] as (input: unknown) => Promise<Result<unknown>>)(input);
}

/**
 * Builds the window's way in. Order matters: the contract first (a host-only method is
 * unknown here), and only a parsed input goes anywhere.
 */
export function createWindowCalls(deps: { forward: Forward; mainHandlers: MainHandlers }): WindowCall {
  return async (method, input) => {
    try {
      const call = validateCall(method, input);
      // Every window method is answered by the core or by main, so one that is not the core's is main's.
      const result = isCoreBound(call) ? await deps.forward(call.method, call.input) : await answer(call.method as MainMethodName, call.input, deps.mainHandlers);
      // The core checks its output already; check the envelope again so a broken or hostile
      // core process cannot hand the page something the contract does not declare.
      const checked = resultSchema(contract[call.method].output).safeParse(result);
      if (!checked.success) {
        log.error('relay.result_invalid', { method: call.method });
        return failure(new KkError('INTERNAL', 'Result did not match the contract'));
      }
      return checked.data as Result<unknown>;
    } catch (error) {
      if (error instanceof KkError) return failure(error);
      log.error('relay.unexpected', { kind: error instanceof Error ? error.name : typeof error });
      return failure(new KkError('INTERNAL', 'Internal error'));
    }
  };
}
