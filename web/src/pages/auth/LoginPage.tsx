import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { ErrorSummary, TextField, type FieldErrors } from '../../components/form';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { DemoBanner } from '../../components/DemoBanner';
import { PageHeading } from '../../components/PageHeading';

export function LoginPage() {
  const { t } = useTranslation();
  const { logIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const options = useApiQuery<{ oidc: boolean }>('/api/session/options');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(() => (params.get('fel') ? { email: t(`login.oidcError.${params.get('fel')}`) } : {}));
  // The login form stays off the form layer (react-hook-form, zod) so the first page loads light;
  // the session provider makes the request and the cache is cleared for the new user.
  const login = useMutation({
    mutationFn: () => logIn(email, password),
    onSuccess: () => navigate('/'),
    onError: (err) => setErrors({ email: err instanceof ApiError ? err.body.message : t('common.networkError') }),
  });
  const saving = login.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!email.trim()) local.email = t('login.emailMissing');
    if (!password) local.password = t('login.passwordMissing');
    setErrors(local);
    if (!Object.keys(local).length) login.mutate();
  }

  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skip')}
      </a>
      <DemoBanner />
      <header className="site-header">
        <div className="site-header__inner">
          <span className="brand">Värna</span>
          <div className="site-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main--narrow">
        <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
        <p className="lead">{t('login.lead')}</p>
        <ErrorSummary errors={errors} idPrefix="login" />
        <form onSubmit={submit} noValidate>
          <fieldset disabled={saving} className="plain-fieldset">
            <TextField
              id="login-email"
              label={t('login.email')}
              type="email"
              autoComplete="username"
              value={email}
              error={errors.email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <TextField
              id="login-password"
              label={t('login.password')}
              type="password"
              autoComplete="current-password"
              value={password}
              error={errors.password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <button type="submit" className="button">
              {saving ? t('login.submitting') : t('login.submit')}
            </button>
          </fieldset>
        </form>
        {options.data?.oidc && (
          <p>
            <a className="button button--secondary" href="/api/session/oidc">
              {t('login.oidc')}
            </a>
          </p>
        )}
        <p className="hint">{t('login.help')}</p>
        <p>
          <Link to="/stod">{t('login.publicLink')}</Link>
        </p>
      </main>
    </>
  );
}
