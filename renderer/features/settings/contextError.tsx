import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useT } from '../../i18n/useT';
import { messageKeys, type MessageKey } from '../../i18n/translate';
import type { ApiError } from '../../platform/api';

const known = new Set<string>(messageKeys);

/**
 * An error told for what the person was doing: `<prefix>.error.<CODE>` when there is such a text
 * (a full disk during a backup says no backup was made and nothing was left behind), otherwise
 * the code's general message followed by `<prefix>.error.other` (what did and did not happen).
 */
export function ContextErrorAlert({ error, prefix }: { error: ApiError | null; prefix: 'backup' | 'restore' }) {
  const { t, te } = useT();
  if (!error) return null;
  const specific = `${prefix}.error.${error.code}`;
  const text = known.has(specific) ? t(specific as MessageKey) : `${te(error.code)} ${t(`${prefix}.error.other`)}`;
  return (
    <Alert type="error" role="alert" className="kk-alert" data-error-code={error.code}>
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}
