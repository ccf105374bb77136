import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { QueryState } from '../../components/QueryState';
import type { TCheckResult } from './shared';

type CheckItem = TCheckResult['items'][number];

/** The plan page's address of a place the check points at (`insats-<id>`, `avsnitt-<key>`, …). */
export const planAnchor = (planId: string, anchor: string) => `/planer/${planId}#${anchor}`;

/**
 * The automatic plan check as a checklist with a score, read as soon as it is shown (and again
 * after every write to the plan, since its read lies under the plan's path). Each failing item
 * links to the place on the plan page where it is fixed.
 */
export function CheckPanel({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const check = useApiQuery<TCheckResult>(`/api/plans/${planId}/check`);
  return (
    <section aria-labelledby="check-heading" className="panel" id="kontroll" tabIndex={-1}>
      <h2 id="check-heading">{t('plans.check.heading')}</h2>
      <p className="hint">{t('plans.check.hint')}</p>
      <div aria-live="polite">
        <QueryState query={check}>
          {(result) => (
            <>
              <p className="plans-score">{t('plans.check.score', { score: result.score })}</p>
              <ul className="plans-checks" aria-label={t('plans.check.listLabel')}>
                {result.items.map((i) => (
                  <li key={i.key}>
                    <CheckLine planId={planId} item={i} />
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

function CheckLine({ planId, item: i }: { planId: string; item: CheckItem }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`plans-check-result plans-check-result--${i.ok ? 'ok' : 'fail'}`}>
        <span aria-hidden="true">{i.ok ? '✓' : '✗'}</span> {i.ok ? t('plans.check.ok') : t('plans.check.notOk')}:
      </span>{' '}
      {i.ok ? i.message : <Link to={planAnchor(planId, i.anchor)}>{i.message}</Link>}
      {!i.ok && i.targets && i.targets.length > 0 ? (
        <ul className="plans-small">
          {i.targets.map((x) => (
            <li key={x.anchor + x.label}>
              <Link to={planAnchor(planId, x.anchor)}>{x.label}</Link>
            </li>
          ))}
        </ul>
      ) : (
        !i.ok &&
        i.details &&
        i.details.length > 0 && (
          <ul className="plans-small">
            {i.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )
      )}
    </>
  );
}

/** The check's items that are not met, for a confirmation that lists them. */
export const openItems = (result: TCheckResult | undefined): CheckItem[] => (result ? result.items.filter((i) => !i.ok) : []);

/**
 * Moves focus to the element the address's fragment names (`#insats-<id>`), once it is on the
 * page: a link from the check lands on the place where the item is fixed, for keyboard and
 * screen-reader users too. `ready` says the page's content has been drawn.
 */
export function useFocusFragment(ready: boolean) {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'start' });
  }, [ready, hash, key]);
}

/**
 * Before a plan that does not pass the check is decided or approved: the score and what is still
 * open, for the confirmation dialog. Nothing when the check is passed (or not read yet).
 */
export function OpenItems({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const check = useApiQuery<TCheckResult>(`/api/plans/${planId}/check`);
  const open = openItems(check.data);
  if (!check.data || open.length === 0) return null;
  return (
    <>
      <p>{t('plans.check.incomplete', { score: check.data.score, count: open.length })}</p>
      <ul aria-label={t('plans.check.openItems')}>
        {/* Two items can fail for one reason ("no activities yet"): say it once. */}
        {[...new Set(open.map((i) => i.message))].map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </>
  );
}

/** Whether the plan passes the check in full, as last read (true until it has been read). */
export function useCheckPassed(planId: string): boolean {
  const check = useApiQuery<TCheckResult>(`/api/plans/${planId}/check`);
  return !check.data || check.data.score >= 100;
}
