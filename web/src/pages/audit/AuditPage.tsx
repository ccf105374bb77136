import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, LoadError, Notice } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../format/dates';
import { logSentence, type LogEntry } from './sentence';
import { verdictText, type Verdict } from './verdict';
import './audit.css';

export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [before, setBefore] = useState<number | null>(null);
  const entries = useApiQuery<LogEntry[]>(`/api/audit?limit=50${before ? `&before=${before}` : ''}`);
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

/**
 * Each entry as a Swedish sentence with its time in Swedish time; the stored details (entry
 * number, e-mail address, action code and summary) stay one click away.
 */
function EntriesTable({ entries }: { entries: LogEntry[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table audit-log">
        <caption>{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('auditLog.when')}</th>
            <th scope="col">{t('auditLog.what')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td className="audit-log__when">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td>
                <p className="audit-log__sentence">
                  {logSentence(e, t)}.{e.redacted && <> {t('audit.redacted')}</>}
                </p>
                <details className="audit-log__details">
                  <summary>
                    {t('auditLog.details')}
                    <span className="visually-hidden">, {t('auditLog.detailsOf', { seq: e.seq })}</span>
                  </summary>
                  <dl>
                    <dt>{t('audit.seq')}</dt>
                    <dd>{e.seq}</dd>
                    <dt>{t('audit.actor')}</dt>
                    <dd>{e.actorEmail ?? '–'}</dd>
                    <dt>{t('audit.action')}</dt>
                    <dd>
                      {t(`auditActions.${e.action}`, { defaultValue: e.action })} (<code>{e.action}</code>)
                    </dd>
                    <dt>{t('audit.summary')}</dt>
                    <dd>
                      <code className="summary">{JSON.stringify(e.summary)}</code>
                    </dd>
                  </dl>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
