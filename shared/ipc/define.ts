import { z } from 'zod';
import { ErrorInfo } from '../errors';

/**
 * Who answers a method. Almost everything is answered by the core; a few window methods are
 * answered by main itself because only main can do them (a native file dialog), and main then
 * calls the core on the window's behalf without the window ever seeing what it passes.
 */
export type AnsweredBy = 'core' | 'main';

/** One contract method: a zod schema for its input and its output, one line of doc, and who answers. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, A extends AnsweredBy = AnsweredBy> {
  readonly input: I;
  readonly output: O;
  readonly doc: string;
  readonly answeredBy: A;
}

/** Declares one contract method (answered by the core unless said otherwise); keeps the literal types for inference. */
export function method<I extends z.ZodType, O extends z.ZodType, A extends AnsweredBy = 'core'>(
  spec: Omit<MethodSpec<I, O, A>, 'answeredBy'> & { answeredBy?: A },
): MethodSpec<I, O, A> {
  return { ...spec, answeredBy: spec.answeredBy ?? ('core' as A) };
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
