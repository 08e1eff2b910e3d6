import type { z } from 'zod';
import type { MethodSpec, Result } from './define';
import { vaultHostMethods, vaultMethods } from './vault.contract';
import { caseworkHostMethods, caseworkMethods } from './casework.contract';
import { profileMethods } from './profile.contract';
import { verstrekkingenHostMethods, verstrekkingenMethods } from './verstrekkingen.contract';
import { tafelModusHostMethods, tafelModusMethods } from './tafelModus.contract';
import { tafelSamenvoegenHostMethods, tafelSamenvoegenMethods } from './tafelSamenvoegen.contract';
import { tafelHostMethods, tafelMethods } from './tafel.contract';

/**
 * The one contract of the window: every method the renderer may call. Each area declares its
 * methods in its own `*.contract.ts`; this object joins them. Main, preload, core and renderer
 * all derive from it. Most methods are answered by the core; main answers the few marked
 * `answeredBy: 'main'` itself.
 */
export const contract = {
  ...vaultMethods,
  ...caseworkMethods,
  ...profileMethods,
  ...verstrekkingenMethods,
  ...tafelModusMethods,
  ...tafelSamenvoegenMethods,
  ...tafelMethods,
} as const satisfies Record<string, MethodSpec>;

/**
 * Methods only main calls, answered by the core: never an IPC channel, never on
 * `window.ketenkluis`. They take what the window must not hand over itself (a file path main
 * got from its own dialog).
 */
export const hostMethods = {
  ...vaultHostMethods,
  ...caseworkHostMethods,
  ...verstrekkingenHostMethods,
  ...tafelModusHostMethods,
  ...tafelSamenvoegenHostMethods,
  ...tafelHostMethods,
} as const satisfies Record<string, MethodSpec>;

/** The contract's type. */
export type Contract = typeof contract;
/** The name of a window method, `area.verb`. */
export type MethodName = keyof Contract;
/** What a caller passes to method M (before parsing). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler of method M receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
/** What method M returns. */
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** A window method main answers itself. */
export type MainMethodName = { [M in MethodName]: Contract[M]['answeredBy'] extends 'main' ? M : never }[MethodName];
/** Every method the core answers: the window's that are not main's, and the host methods. */
export type CoreContract = Omit<Contract, MainMethodName> & typeof hostMethods;
/** The name of a method the core answers. */
export type CoreMethodName = keyof CoreContract;
/** What a core handler of method M receives (after parsing). */
export type CoreInput<M extends CoreMethodName> = z.output<CoreContract[M]['input']>;
/** What core method M returns. */
export type CoreOutput<M extends CoreMethodName> = z.output<CoreContract[M]['output']>;

/** All window method names, in declaration order: one IPC channel and one API function each. */
export const methodNames = Object.keys(contract) as MethodName[];

/** The methods the core answers, with their schemas (the core validates every call against these). */
export const coreContract = Object.fromEntries([
  ...Object.entries(contract).filter(([, spec]) => spec.answeredBy === 'core'),
  ...Object.entries(hostMethods),
]) as unknown as CoreContract;

/** True when `name` is a window method (own key only; `__proto__` and friends are not). */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** True when `name` is a method the core answers (own key only). */
export function isCoreMethodName(name: unknown): name is CoreMethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(coreContract, name);
}

/** True when window method `name` is answered by main. */
export function isMainMethod(name: MethodName): name is MainMethodName {
  return contract[name].answeredBy === 'main';
}

/**
 * The API the renderer sees as `window.ketenkluis`: one function per method, each returning
 * the result envelope (errors are data, so they survive the context bridge intact).
 */
export type KetenkluisApi = { [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> };

/**
 * The core's handler map. A missing or mistyped handler does not compile.
 * `C` is the host-specific context (the session).
 */
export type Handlers<C> = { [M in CoreMethodName]: (input: CoreInput<M>, ctx: C) => Promise<CoreOutput<M>> | CoreOutput<M> };
