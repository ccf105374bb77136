import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

/**
 * A page that cannot be shown, with a heading that says so, what happened, and ways back: the
 * previous page, the start page (and, after a failure, trying again).
 */
export function ErrorPage({ title, message, onRetry }: { title?: string; message?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const heading = title ?? t('notFound.errorTitle');
  return (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      <p>{message ?? t('notFound.errorText')}</p>
      <ul className="plain-list error-page__ways">
        {onRetry && (
          <li>
            <button type="button" className="button" onClick={onRetry}>
              {t('notFound.retry')}
            </button>
          </li>
        )}
        {window.history.length > 1 && (
          <li>
            <button type="button" className="button button--secondary" onClick={() => void navigate(-1)}>
              {t('notFound.back')}
            </button>
          </li>
        )}
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
      </ul>
    </>
  );
}

/** An address no page answers to. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return <ErrorPage title={t('notFound.title')} message={t('notFound.text')} />;
}

/**
 * Catches what a page throws while rendering (or a page's code that failed to load) and shows the
 * error page inside the layout, so the menu stays and the user has a way on. Going to another
 * address (`resetKey`: the path) tries again.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidUpdate(prev: { resetKey: string }) {
    // Another address: its page gets a fresh try.
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    return this.state.failed ? <ErrorPage onRetry={() => window.location.reload()} /> : this.props.children;
  }
}
