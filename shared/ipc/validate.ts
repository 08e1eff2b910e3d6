import type { z } from 'zod';
import { KkError, type FieldIssue } from '../errors';
import { contract, isMethodName, type MethodName, type ParsedInput } from './contract';

/** Turns zod issues into field issues that name the path but never echo the value. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/**
 * Checks a call against the contract: a known method and an input that parses.
 * Used by main (before forwarding) and by the core (before any handler runs).
 * Throws KkError UNKNOWN_METHOD or INVALID_INPUT.
 */
export function validateCall(method: unknown, input: unknown): { method: MethodName; input: ParsedInput<MethodName> } {
  if (!isMethodName(method)) throw new KkError('UNKNOWN_METHOD', 'Unknown method');
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) {
    throw new KkError('INVALID_INPUT', `Invalid input for ${method}`, { issues: toFieldIssues(parsed.error) });
  }
  return { method, input: parsed.data as ParsedInput<MethodName> };
}
