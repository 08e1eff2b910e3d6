import { messageFor, type ErrorCode, type Language } from '../../shared/errors';
import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey } from './nl';

const tables: Record<Language, Record<MessageKey, string>> = { nl, en };

/** Values put into `{name}` placeholders. */
export type MessageVars = Record<string, string | number>;

/** Looks up a text and fills its `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, vars: MessageVars = {}): string {
  const text = tables[language][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The text for an error code: one definition in shared/errors.ts, shared with `kk`. */
export function errorText(language: Language, code: ErrorCode): string {
  return messageFor(code, language);
}

/** Every key, for completeness checks. */
export const messageKeys = Object.keys(nl) as MessageKey[];
