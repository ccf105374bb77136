import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get } from '../../api/client';
import { LoadError } from '../../components/feedback';
import type { TCheckResult } from './shared';

/** The automatic plan check as a checklist with a score; runs on demand (or at once with `auto`). */
export function CheckPanel({ planId, auto = false }: { planId: string; auto?: boolean }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<TCheckResult | null>(null);
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    try {
      setResult(await get<TCheckResult>(`/api/plans/${planId}/check`));
      setError('');
    } catch (err) {
      setError(err instanceof ApiError ? err.body.message : t('common.networkError'));
    } finally {
      setRunning(false);
    }
  }
  useEffect(() => {
    if (auto) void run();
  }, [auto, planId]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section aria-labelledby="check-heading" className="panel">
      <h2 id="check-heading">{t('plans.check.heading')}</h2>
      <p className="hint">{t('plans.check.hint')}</p>
      <button type="button" className="button button--secondary" disabled={running} onClick={() => void run()}>
        {result ? t('plans.check.again') : t('plans.check.run')}
      </button>
      <div aria-live="polite">
        {error && <LoadError message={error} />}
        {result && (
          <>
            <p className="plans-score">{t('plans.check.score', { score: result.score })}</p>
            <ul className="plans-checks" aria-label={t('plans.check.listLabel')}>
              {result.items.map((i) => (
                <li key={i.key}>
                  <span className={`plans-check-result plans-check-result--${i.ok ? 'ok' : 'fail'}`}>
                    <span aria-hidden="true">{i.ok ? '✓' : '✗'}</span> {i.ok ? t('plans.check.ok') : t('plans.check.notOk')}:
                  </span>{' '}
                  {i.message}
                  {i.details && i.details.length > 0 && (
                    <ul className="plans-small">
                      {i.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
