import { z } from 'zod';
import { ErrorInfo } from '../errors';

/** One contract method: a zod schema for its input and its output, and one line of doc. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly doc: string;
}

/** Declares one contract method; keeps the literal schema types for inference. */
export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

/** The envelope every contract call returns: a value, or an error with a stable code. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Zod schema for a result envelope around `value`. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ErrorInfo }),
  ]);
}

/** An empty input, for methods that take nothing. Strict: extra keys are refused. */
export const NoInput = z.object({}).strict();
/** An empty output, for methods that return nothing. */
export const NoOutput = z.object({}).strict();
