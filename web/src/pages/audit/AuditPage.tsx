import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, LoadError, Notice } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { verdictText, type Verdict } from './verdict';

interface Entry {
  seq: number;
  at: string;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: Record<string, unknown>;
  /** Categories of a concern report left out for this reader. */
  redacted?: boolean;
}

export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [before, setBefore] = useState<number | null>(null);
  const entries = useApiQuery<Entry[]>(`/api/audit?limit=50${before ? `&before=${before}` : ''}`);
  // The chain is checked when asked, afresh each time: never a cached verdict.
  const verify = useQuery<Verdict, ApiError>({ queryKey: ['/api/audit/verify'], enabled: false, gcTime: 0 });
  const verdict = verify.isFetchedAfterMount && verify.data ? verdictText(verify.data, t) : '';
  // A full page: there may be older entries before its last one.
  const last = entries.data?.length === 50 ? entries.data[49].seq : null;

  return (
    <>
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p className="lead">{t('audit.lead')}</p>
      {can('audit.verify') && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void verify.refetch()}
          >
            {t('audit.verify')}
          </button>
        </p>
      )}
      {verdict && <Notice>{verdict}</Notice>}
      {verify.error && <LoadError message={verify.error.message} />}
      <QueryState query={entries}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('audit.empty')}</EmptyState>
          ) : (
            <EntriesTable entries={list} />
          )
        }
      </QueryState>
      <div className="button-row">
        {before && (
          <button type="button" className="button button--secondary" onClick={() => setBefore(null)}>
            {t('audit.newest')}
          </button>
        )}
        {last !== null && (
          <button type="button" className="button button--secondary" onClick={() => setBefore(last)}>
            {t('audit.older')}
          </button>
        )}
      </div>
    </>
  );
}

function EntriesTable({ entries }: { entries: Entry[] }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.seq')}</th>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{fmt.format(new Date(e.at))}</td>
              <td>{e.actorEmail}</td>
              <td>{t(`auditActions.${e.action}`, { defaultValue: e.action })}</td>
              <td>
                <code className="summary">{JSON.stringify(e.summary)}</code>
                {e.redacted && <> {t('audit.redacted')}</>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
