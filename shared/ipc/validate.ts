import type { z } from 'zod';
import { KkError, type FieldIssue } from '../errors';
import { contract, coreContract, isCoreMethodName, isMethodName, type CoreInput, type CoreMethodName, type MethodName, type ParsedInput } from './contract';

/** Turns zod issues into field issues that name the path but never echo the value. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses `input` with `schema`, or throws INVALID_INPUT naming the method and the fields (never the values). */
function parseInput(method: string, schema: z.ZodType, input: unknown): unknown {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new KkError('INVALID_INPUT', `Invalid input for ${method}`, { issues: toFieldIssues(parsed.error) });
  }
  return parsed.data;
}

/**
 * Checks a call from the window against the contract: a window method and an input that
 * parses. Used by main before it answers or forwards anything, and by the test bridge.
 * Throws KkError UNKNOWN_METHOD (also for a host-only method) or INVALID_INPUT.
 */
export function validateCall(method: unknown, input: unknown): { method: MethodName; input: ParsedInput<MethodName> } {
  if (!isMethodName(method)) throw new KkError('UNKNOWN_METHOD', 'Unknown method');
  return { method, input: parseInput(method, contract[method].input, input) as ParsedInput<MethodName> };
}

/**
 * Checks a call the core is asked to answer: a core method (main's own methods are not) and
 * an input that parses. The core runs this before any handler, whoever the host is.
 */
export function validateCoreCall(method: unknown, input: unknown): { method: CoreMethodName; input: CoreInput<CoreMethodName> } {
  if (!isCoreMethodName(method)) throw new KkError('UNKNOWN_METHOD', 'Unknown method');
  return { method, input: parseInput(method, coreContract[method].input, input) as CoreInput<CoreMethodName> };
}
