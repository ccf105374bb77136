import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TApprovedPlansBoard } from '@shared/modules/hub/schema';
import { useApiQuery } from '../../api/use-query';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import './hub.css';

/** Every board's decided plans as PDF, for all staff to learn from each other (drafts never). */
export function ApprovedPlansPage() {
  const { t } = useTranslation();
  const q = useApiQuery<TApprovedPlansBoard[]>('/api/approved-plans');
  return (
    <>
      <p>
        <Link to="/stod-och-kunskap">{t('hub.title')}</Link>
      </p>
      <PageHeading title={t('hub.plans.title')}>{t('hub.plans.title')}</PageHeading>
      <p className="lead">{t('hub.plans.lead')}</p>
      <QueryState query={q}>
        {(boards) =>
          boards.length === 0 ? (
            <EmptyState>{t('hub.plans.none')}</EmptyState>
          ) : (
            <dl className="summary-list">
              {boards.map((b) => (
                <div key={b.boardId}>
                  <dt>{b.boardName}</dt>
                  <dd>
                    <ul className="plain-list">
                      {b.plans.map((p) => (
                        <li key={p.id}>
                          <a href={p.url}>{t('hub.plans.plan', { board: b.boardName, year: p.year })}</a>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ))}
            </dl>
          )
        }
      </QueryState>
    </>
  );
}
