import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { QueryState } from '../../components/QueryState';
import type { TCheckResult } from './shared';

/**
 * The automatic plan check as a checklist with a score; runs on demand (or at once with `auto`).
 * Its read lies under the plan's path, so a change to the plan checks it again while it is shown.
 */
export function CheckPanel({ planId, auto = false }: { planId: string; auto?: boolean }) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(auto);
  const check = useApiQuery<TCheckResult>(asked ? `/api/plans/${planId}/check` : null);
  const run = () => (asked ? void check.refetch() : setAsked(true));

  return (
    <section aria-labelledby="check-heading" className="panel">
      <h2 id="check-heading">{t('plans.check.heading')}</h2>
      <p className="hint">{t('plans.check.hint')}</p>
      <button type="button" className="button button--secondary" disabled={check.isFetching} onClick={run}>
        {check.data ? t('plans.check.again') : t('plans.check.run')}
      </button>
      <div aria-live="polite">
        <QueryState query={check}>
          {(result) => (
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
        </QueryState>
      </div>
    </section>
  );
}
