import type { z } from 'zod';
import type { CoreContract, CoreMethodName, CoreOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/define';

/** What a caller passes to core method M (before the core parses it; defaults may be left out). */
export type CoreRequest<M extends CoreMethodName> = z.input<CoreContract[M]['input']>;

/**
 * One call of a core method, typed by the core contract: a known method name, its input, and its
 * output in the envelope. Never rejects; every outcome is a result envelope. Main, the import
 * choice and the test bridge all call the core through this type, so none of them needs a cast.
 */
export type CoreCall = <M extends CoreMethodName>(method: M, input: CoreRequest<M>) => Promise<Result<CoreOutput<M>>>;

/** The core's own entry point as the hosts see it (electron/core/host/dispatch.ts): untyped. */
export type UntypedCoreCall = (method: CoreMethodName, input: unknown) => Promise<Result<unknown>>;

/**
 * Gives an untyped way to the core (its dispatch, or the message port to its process) the
 * contract's types. The one place that states the type of what the core answers instead of
 * parsing it again, and why that is sound: the core's dispatch parses every output against
 * `coreContract` before it answers, and whatever reaches the window is parsed once more by
 * windowCalls.ts (so a broken core process cannot hand the page anything undeclared).
 */
export function typedCoreCall(untyped: UntypedCoreCall): CoreCall {
  return <M extends CoreMethodName>(method: M, input: CoreRequest<M>) => untyped(method, input) as Promise<Result<CoreOutput<M>>>;
}
