import type { z } from 'zod';
import { KkError } from '../../../shared/errors';
import type { Result } from '../../../shared/ipc/define';
import { coreContract, type Handlers, type MethodName } from '../../../shared/ipc/contract';
import { validateCoreCall } from '../../../shared/ipc/validate';
import { log } from '../log';
import { toKkError } from '../vault/errorMapping';

/** Calls one contract method by name with an untrusted input; never throws. */
export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds the one entry point every host (in-process, utilityProcess, test bridge) uses.
 * The input is parsed against the contract before a handler runs, and the output is
 * parsed after, so a handler can never leak a field the contract does not declare.
 */
export function createDispatch<C>(handlers: Handlers<C>, ctx: C): Dispatch {
  return async (method, input) => {
    try {
      const call = validateCoreCall(method, input);
      const handler = handlers[call.method] as (input: unknown, ctx: C) => unknown;
      const value = await handler(call.input, ctx);
      const out = (coreContract[call.method].output as z.ZodType).safeParse(value);
      if (!out.success) {
        log.error('dispatch.output_invalid', { method: call.method });
        throw new KkError('INTERNAL', 'Handler output did not match the contract');
      }
      return { ok: true, value: out.data };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error, method) };
    }
  };
}

function toErrorInfo(error: unknown, method: unknown) {
  if (error instanceof KkError) return error.toInfo();
  // Errors of the disk or SQLite that escape a handler (a full disk during an import or a write,
  // a read-only file) still get their own code; the technical message names the code only.
  const mapped = toKkError(error, 'call');
  if (mapped.code !== 'INTERNAL') return new KkError(mapped.code, mapped.message).toInfo();
  // Unknown errors may carry SQL or values in their message: log the kind only, never the text.
  log.error('dispatch.unexpected', { method: typeof method === 'string' ? method.slice(0, 64) : 'invalid', kind: errorKind(error) });
  return new KkError('INTERNAL', 'Internal error').toInfo();
}

function errorKind(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : typeof error;
}

export type { MethodName };
