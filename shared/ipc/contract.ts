import type { z } from 'zod';
import type { MethodSpec, Result } from './define';
import { vaultMethods } from './vault.contract';
import { caseworkMethods } from './casework.contract';

/**
 * The one contract between renderer and core. Each area declares its methods in its own
 * `*.contract.ts`; this object joins them. Main, preload, core and renderer all derive from it.
 */
export const contract = {
  ...vaultMethods,
  ...caseworkMethods,
} as const satisfies Record<string, MethodSpec>;

/** The contract's type. */
export type Contract = typeof contract;
/** The name of a contract method, `area.verb`. */
export type MethodName = keyof Contract;
/** What a caller passes to method M (before parsing). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler of method M receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
/** What method M returns. */
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** All method names, in declaration order. */
export const methodNames = Object.keys(contract) as MethodName[];

/** True when `name` is a method of the contract (own key only; `__proto__` and friends are not). */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
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
export type Handlers<C> = { [M in MethodName]: (input: ParsedInput<M>, ctx: C) => Promise<Output<M>> | Output<M> };
