import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { formatDay } from '../../format/dates';
import { ArrivalNotice, BackToCollaboration, ReviewTag, type TAgreement } from './shared';
import './collaboration.css';

const REVIEW_ORDER: Record<TAgreement['reviewState'], number> = { overdue: 0, due_soon: 1, current: 2, expired: 3 };

/** The police collaboration agreements, by review date, those due for review flagged. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const agreements = useApiQuery<TAgreement[]>('/api/agreements');
  const valid = (a: TAgreement) => (a.validTo ? t('collab.agreements.fromTo', { from: formatDay(a.validFrom), to: formatDay(a.validTo) }) : t('collab.agreements.from', { from: formatDay(a.validFrom) }));

  return (
    <>
      <BackToCollaboration />
      <PageHeading title={t('collab.agreements.title')}>{t('collab.agreements.title')}</PageHeading>
      <p className="lead">{t('collab.agreements.lead')}</p>
      <ArrivalNotice />
      {can('agreements.create') && (
        <p>
          <Link className="button" to="/samverkan/overenskommelser/ny">
            {t('collab.agreements.new')}
          </Link>
        </p>
      )}
      <QueryState query={agreements}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('collab.agreements.none')}</EmptyState>
          ) : (
            <DataTable
              caption={t('collab.agreements.caption')}
              hideCaption
              rows={list}
              rowKey={(a) => a.id}
              columns={[
                {
                  key: 'title',
                  header: t('collab.agreements.name'),
                  rowHeader: true,
                  cell: (a) => (a.canEdit ? <Link to={`/samverkan/overenskommelser/${a.id}`}>{a.title}</Link> : a.title),
                  sort: (a) => a.title,
                },
                { key: 'level', header: t('collab.agreements.level'), cell: (a) => (a.level === 'central' ? t('collab.agreements.central') : `${t('collab.agreements.local')}, ${a.boardName}`), sort: (a) => a.boardName ?? '' },
                { key: 'parties', header: t('collab.agreements.parties'), cell: (a) => a.partners.map((p) => p.name).join(', ') },
                { key: 'valid', header: t('collab.agreements.valid'), cell: valid, sort: (a) => a.validFrom },
                { key: 'review', header: t('collab.agreements.reviewOn'), cell: (a) => formatDay(a.reviewOn), sort: (a) => a.reviewOn },
                { key: 'state', header: t('collab.agreements.state'), cell: (a) => <ReviewTag state={a.reviewState} />, sort: (a) => REVIEW_ORDER[a.reviewState] },
                { key: 'activities', header: t('collab.agreements.activities'), cell: (a) => a.activities.map((x) => `${x.planYear}: ${x.title}`).join('; ') },
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}
