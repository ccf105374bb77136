import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { EmptyState, LoadError, Notice } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime, formatDay } from '../../format/dates';
import { NOTIFICATION_READS, type TDeliveries } from './types';

type Sent = TDeliveries['sent'][number];
type Failed = TDeliveries['failed'][number];

/**
 * For the central coordinator: how many got each kind of notification by e-mail per day, and the
 * deliveries that failed or may not have arrived, with the mail server's error. A failed one can be
 * sent again (it leaves the list and goes out with the next scan); an uncertain one cannot.
 */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const allowed = can('notifications.deliveries');
  const deliveries = useApiQuery<TDeliveries>(allowed ? '/api/notifications/deliveries' : null);
  const title = t('notifications.deliveries.title');
  const retry = useApiMutation<{ id: string }>(NOTIFICATION_READS);
  const [notice, setNotice] = useState('');
  const sendAgain = async (f: Failed) => {
    if (retry.isPending) return;
    setNotice('');
    await retry.mutateAsync({ method: 'POST', path: `/api/notifications/deliveries/${f.id}/retry` });
    setNotice(t('notifications.deliveries.retried', { recipient: f.recipient }));
    // The row and its button are gone: the focus goes to the notice's section heading.
    requestAnimationFrame(() => document.getElementById('failed-heading')?.focus());
  };
  return (
    <>
      <p>
        <Link to="/aviseringar">{t('notifications.deliveries.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {!allowed ? (
        <LoadError message={t('notifications.deliveries.notAllowed')} />
      ) : (
        <>
          <p className="lead">{t('notifications.deliveries.lead')}</p>
          <QueryState query={deliveries}>
            {(d) => (
              <>
                <section aria-labelledby="sent-heading">
                  <h2 id="sent-heading">{t('notifications.deliveries.sentHeading')}</h2>
                  {d.sent.length === 0 ? (
                    <EmptyState>{t('notifications.deliveries.sentNone')}</EmptyState>
                  ) : (
                    <DataTable<Sent>
                      caption={t('notifications.deliveries.sentCaption')}
                      hideCaption
                      rows={d.sent}
                      rowKey={(s) => `${s.day}-${s.kind}`}
                      pageSize={25}
                      columns={[
                        { key: 'day', header: t('notifications.deliveries.day'), rowHeader: true, cell: (s) => formatDay(s.day), sort: (s) => s.day },
                        { key: 'kind', header: t('notifications.deliveries.kind'), cell: (s) => s.kindLabel, sort: (s) => s.kindLabel },
                        { key: 'recipients', header: t('notifications.deliveries.recipients'), numeric: true, cell: (s) => s.recipients, sort: (s) => s.recipients },
                      ]}
                    />
                  )}
                </section>
                <section aria-labelledby="failed-heading">
                  <h2 id="failed-heading" tabIndex={-1}>
                    {t('notifications.deliveries.failedHeading')}
                  </h2>
                  {notice && <Notice>{notice}</Notice>}
                  {retry.error && <LoadError message={retry.error.message} />}
                  {d.failed.length === 0 ? (
                    <EmptyState>{t('notifications.deliveries.failedNone')}</EmptyState>
                  ) : (
                    <>
                      <p className="hint">{t('notifications.deliveries.failedLead')}</p>
                      <DataTable<Failed>
                        caption={t('notifications.deliveries.failedCaption')}
                        hideCaption
                        rows={d.failed}
                        rowKey={(f) => f.id}
                        pageSize={25}
                        columns={[
                          { key: 'at', header: t('notifications.deliveries.at'), rowHeader: true, cell: (f) => formatDateTime(f.at), sort: (f) => f.at },
                          { key: 'kind', header: t('notifications.deliveries.kind'), cell: (f) => f.kindLabel, sort: (f) => f.kindLabel },
                          { key: 'recipient', header: t('notifications.deliveries.recipient'), cell: (f) => f.recipient, sort: (f) => f.recipient },
                          { key: 'attempts', header: t('notifications.deliveries.attempts'), numeric: true, cell: (f) => f.attempts, sort: (f) => f.attempts },
                          {
                            key: 'status',
                            header: t('notifications.deliveries.status'),
                            cell: (f) => <StatusTag tone={f.status === 'failed' ? 'off' : 'warn'}>{t(`notifications.deliveries.${f.status}`)}</StatusTag>,
                            sort: (f) => f.status,
                          },
                          { key: 'error', header: t('notifications.deliveries.error'), cell: (f) => <span className="summary">{f.error ?? t('notifications.deliveries.noError')}</span> },
                          {
                            key: 'action',
                            header: t('notifications.deliveries.action'),
                            cell: (f) =>
                              f.status === 'failed' ? (
                                <button type="button" className="button button--secondary button--small" onClick={() => void sendAgain(f).catch(() => undefined)}>
                                  {t('notifications.deliveries.retry')}
                                  <span className="visually-hidden"> {t('notifications.deliveries.retryTo', { recipient: f.recipient })}</span>
                                </button>
                              ) : (
                                t('notifications.deliveries.noAction')
                              ),
                          },
                        ]}
                      />
                    </>
                  )}
                </section>
              </>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}
