import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZNewsRequest, type TNews } from '@shared/modules/hub/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { ConfirmDialog, EmptyState, Notice } from '../../components/feedback';
import { TextAreaField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { blankAsNull, SavingForm, useSavingForm } from '../../components/saving-form';
import { formatDay } from '../../format/dates';
import './hub.css';

const NEWS_READS = ['/api/news'];

/** News to the coordinators, newest first; the central coordinator writes and removes them. */
export function NewsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const news = useApiQuery<TNews[]>('/api/news');
  const remove = useApiMutation(NEWS_READS);
  const [asking, setAsking] = useState<TNews | null>(null);
  return (
    <>
      <p>
        <Link to="/stod-och-kunskap">{t('hub.title')}</Link>
      </p>
      <PageHeading title={t('hub.news.title')}>{t('hub.news.title')}</PageHeading>
      <p className="lead">{t('hub.news.lead')}</p>
      {can('news.create') && (
        <section className="panel" aria-labelledby="news-form">
          <NewsForm />
        </section>
      )}
      {remove.isSuccess && <Notice>{t('hub.news.removed')}</Notice>}
      <QueryState query={news}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('hub.news.none')}</EmptyState>
          ) : (
            <div className="hub-news">
              {list.map((n) => (
                <article key={n.id} aria-labelledby={`news-${n.id}`}>
                  <h2 id={`news-${n.id}`}>{n.title}</h2>
                  <p className="hub-meta">{formatDay(n.publishedOn)}</p>
                  <p className="hub-text">{n.body}</p>
                  {can('news.delete') && (
                    <button type="button" className="button button--secondary button--small" onClick={() => setAsking(n)}>
                      {t('hub.news.remove', { title: n.title })}
                    </button>
                  )}
                </article>
              ))}
            </div>
          )
        }
      </QueryState>
      <ConfirmDialog
        open={asking !== null}
        title={t('hub.news.removeTitle')}
        confirmLabel={t('common.remove')}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const n = asking!;
          setAsking(null);
          remove.mutate({ method: 'DELETE', path: `/api/news/${n.id}` });
        }}
      >
        <p>{t('hub.news.removeText')}</p>
      </ConfirmDialog>
    </>
  );
}

const ZNewsForm = ZNewsRequest.extend({ publishedOn: blankAsNull(ZNewsRequest.shape.publishedOn.nullable()) });

function NewsForm() {
  const { t } = useTranslation();
  const f = useSavingForm(ZNewsForm, { idPrefix: 'news', defaultValues: { title: '', body: '', publishedOn: '' } }, NEWS_READS);
  const submit = f.submit(async ({ publishedOn, ...v }) => {
    await f.save.mutateAsync({ method: 'POST', path: '/api/news', body: { ...v, ...(publishedOn && { publishedOn }) } });
    f.form.reset();
  });
  return (
    <SavingForm form={f} onSubmit={submit} labelledBy="news-form" heading={<h2 id="news-form">{t('hub.news.formHeading')}</h2>} submitLabel={t('hub.news.publish')} savedNotice={t('hub.news.published')}>
      <TextField label={t('hub.news.fieldTitle')} maxLength={300} {...f.field('title')} />
      <TextAreaField label={t('hub.news.fieldBody')} rows={6} maxLength={10000} {...f.field('body')} />
      <TextField type="date" label={t('hub.news.publishedOn')} {...f.field('publishedOn')} />
    </SavingForm>
  );
}
