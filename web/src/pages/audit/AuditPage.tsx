import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
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
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [before, setBefore] = useState<number | null>(null);
  const entries = useQuery<Entry[]>(`/api/audit?limit=50${before ? `&before=${before}` : ''}`);
  const [verdict, setVerdict] = useState('');
  const fmt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <>
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p className="lead">{t('audit.lead')}</p>
      {can('audit.verify') && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={async () => {
              setVerdict(verdictText(await get<Verdict>('/api/audit/verify'), t));
            }}
          >
            {t('audit.verify')}
          </button>
        </p>
      )}
      {verdict && <Notice>{verdict}</Notice>}
      {entries.loading && <Loading />}
      {entries.error && <LoadError message={entries.error.message} />}
      {entries.data?.length === 0 && <EmptyState>{t('audit.empty')}</EmptyState>}
      {entries.data && entries.data.length > 0 && (
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
              {entries.data.map((e) => (
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
      )}
      <div className="button-row">
        {before && (
          <button type="button" className="button button--secondary" onClick={() => setBefore(null)}>
            {t('audit.newest')}
          </button>
        )}
        {entries.data && entries.data.length === 50 && (
          <button type="button" className="button button--secondary" onClick={() => setBefore(entries.data![entries.data!.length - 1].seq)}>
            {t('audit.older')}
          </button>
        )}
      </div>
    </>
  );
}
