import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import type { ApiError } from '../platform/api';

/** Shows the message for an error code (one definition in shared/errors.ts), announced at once. */
export function ErrorAlert({ error, children }: { error: ApiError | null; children?: ReactNode }) {
  const { te } = useT();
  if (!error) return null;
  return (
    <Alert type="error" role="alert" className="kk-alert" data-error-code={error.code}>
      <Paragraph>{te(error.code)}</Paragraph>
      {children}
    </Alert>
  );
}

/** A calm confirmation, announced politely. */
export function SuccessAlert({ children }: { children: ReactNode }) {
  return (
    <Alert type="ok" role="status" className="kk-alert">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
