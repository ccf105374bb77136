import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '@shared/domain/session-rules';
import { ZPassword } from '@shared/modules/users/schema';

export { PASSWORD_MIN_LENGTH };

/**
 * A new password: the server's schema (its size bound and messages) plus the length rule the
 * service applies (src/domain/session-rules), checked before the form is sent.
 */
export function useNewPasswordSchema() {
  const { t } = useTranslation();
  return useMemo(() => ZPassword.refine((p) => passwordProblem(p) !== 'too_short', t('users.passwordShort', { min: PASSWORD_MIN_LENGTH })), [t]);
}
