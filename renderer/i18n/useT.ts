import { useCallback } from 'react';
import type { ErrorCode } from '../../shared/errors';
import { useAppStore } from '../store/StoreProvider';
import { selectLanguage } from '../store/selectors';
import { errorText, translate, type MessageKey, type MessageVars } from './translate';

/** The translate function in the current language, plus the text for error codes. */
export function useT() {
  const language = useAppStore(selectLanguage);
  const t = useCallback((key: MessageKey, vars?: MessageVars) => translate(language, key, vars), [language]);
  const te = useCallback((code: ErrorCode) => errorText(language, code), [language]);
  return { t, te, language };
}
