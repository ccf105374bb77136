import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TIssuedLink, TSurvey } from '@shared/modules/situation/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { ConfirmDialog, EmptyState, LoadError, Notice } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { Num, ScrollBox, formatDate } from './components';
import { SurveySendForm } from './SurveySendForm';

/** A survey's reads and writes: its links, answers and status, the lists, and the picture's compilation. */
const SURVEY_READS = ['/api/surveys', '/api/situation'];

export function SurveyPage() {
  const { id } = useParams();
  const survey = useApiQuery<TSurvey>(`/api/surveys/${id}`);
  return <QueryState query={survey}>{(s) => <Survey s={s} />}</QueryState>;
}

function Survey({ s }: { s: TSurvey }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { can } = useSession();
  const [links, setLinks] = useState<TIssuedLink[]>([]);
  const [notice, setNotice] = useState(location.state?.saved ? t('situation.survey.saved') : '');
  const [confirm, setConfirm] = useState<'close' | 'delete' | null>(null);
  const act = useApiMutation<TIssuedLink | undefined>(SURVEY_READS);
  const manages = can('surveys.send', s.boardId);
  const fullLink = (path: string) => `${window.location.origin}${path}`;

  return (
    <>
      <p>
        <Link to={`/lagesbild/enkater?namnd=${s.boardId}`}>{t('situation.survey.back')}</Link>
      </p>
      <PageHeading title={s.title}>{s.title}</PageHeading>
      <p className="lead">
        {s.boardName} · {s.year} · <StatusTag>{t(`situation.surveys.statuses.${s.status}`)}</StatusTag>
      </p>
      {notice && <Notice>{notice}</Notice>}
      {act.error && <LoadError message={act.error.message} />}

      <dl className="summary-list">
        <div>
          <dt>{t('situation.surveys.sent')}</dt>
          <dd>{s.sent}</dd>
        </div>
        <div>
          <dt>{t('situation.surveys.answered')}</dt>
          <dd>
            <Num value={s.answered} /> {s.responseRate !== null && `(${s.responseRate} %)`}
          </dd>
        </div>
      </dl>
      <p>
        <Link to={`/lagesbild/enkater/${s.id}/resultat`}>{t('situation.survey.results')}</Link>
        {manages && s.status === 'draft' && (
          <>
            {' · '}
            <Link to={`/lagesbild/enkater/${s.id}/andra`}>{t('situation.survey.edit')}</Link>
          </>
        )}
      </p>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t('situation.builder.questions')}</h2>
        <ol>
          {s.questions.map((q) => (
            <li key={q.id}>
              {q.text} <span className="tag">{t(`situation.kinds.${q.kind}`)}</span>
              {q.options.length > 0 && <span className="hint"> – {q.options.join(', ')}</span>}
            </li>
          ))}
        </ol>
      </section>

      {links.length > 0 && (
        <section aria-labelledby="links-heading" className="panel">
          <h2 id="links-heading">{t('situation.survey.linksHeading')}</h2>
          <p>
            <strong>{t('situation.survey.linksOnce')}</strong>
          </p>
          <table className="table">
            <caption>{t('situation.survey.linksCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('situation.survey.recipient')}</th>
                <th scope="col">{t('situation.survey.link')}</th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.label}</th>
                  <td className="link-box">
                    <a href={l.path}>{fullLink(l.path)}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {manages && s.status !== 'closed' && (
        <SurveySendForm
          survey={s}
          onSent={(issued) => {
            setLinks(issued);
            setNotice(t('situation.survey.sentNotice', { count: issued.length }));
          }}
        />
      )}

      <section aria-labelledby="recipients-heading">
        <h2 id="recipients-heading">{t('situation.survey.recipientsHeading')}</h2>
        {s.recipients.length === 0 ? (
          <EmptyState>{t('situation.survey.noRecipientsSent')}</EmptyState>
        ) : (
          <ScrollBox label={t('situation.survey.recipientsHeading')}>
            <table className="table">
              <caption>{t('situation.survey.recipientsCaption', { count: s.recipients.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('situation.survey.recipient')}</th>
                  <th scope="col">{t('situation.survey.group')}</th>
                  <th scope="col">{t('situation.survey.expires')}</th>
                  <th scope="col">{t('situation.survey.state')}</th>
                  <th scope="col">{t('situation.survey.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {s.recipients.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.label}</th>
                    <td>{t(`situation.groups.${r.group}`)}</td>
                    <td>{formatDate(r.expiresAt)}</td>
                    <td>
                      <StatusTag tone={r.state === 'answered' ? 'ok' : r.state === 'open' ? 'neutral' : 'warn'}>{t(`situation.linkStates.${r.state}`)}</StatusTag>
                    </td>
                    <td>
                      {manages && (r.state === 'open' || r.state === 'expired') && (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={act.isPending}
                          onClick={() =>
                            act.mutate(
                              { method: 'POST', path: `/api/surveys/${s.id}/recipients/${r.id}/renew` },
                              {
                                onSuccess: (l) => {
                                  setLinks([l!]);
                                  setNotice(t('situation.survey.renewed', { label: r.label }));
                                },
                              },
                            )
                          }
                        >
                          {t('situation.survey.renew')}
                          <span className="visually-hidden"> {r.label}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </section>

      {manages && (s.status === 'sent' || s.status === 'draft') && (
        <div className="button-row">
          {s.status === 'sent' && (
            <button type="button" className="button button--warning" onClick={() => setConfirm('close')}>
              {t('situation.survey.close')}
            </button>
          )}
          {s.status === 'draft' && (
            <button type="button" className="button button--warning" onClick={() => setConfirm('delete')}>
              {t('situation.survey.delete')}
            </button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={!!confirm}
        title={confirm === 'delete' ? t('situation.survey.confirmDelete') : t('situation.survey.confirmClose')}
        confirmLabel={confirm === 'delete' ? t('situation.survey.delete') : t('situation.survey.close')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const what = confirm;
          setConfirm(null);
          setNotice('');
          if (what === 'close') act.mutate({ method: 'POST', path: `/api/surveys/${s.id}/close` }, { onSuccess: () => setNotice(t('situation.survey.closed')) });
          if (what === 'delete') act.mutate({ method: 'DELETE', path: `/api/surveys/${s.id}` }, { onSuccess: () => navigate(`/lagesbild/enkater?namnd=${s.boardId}`) });
        }}
      >
        <p>{confirm === 'delete' ? t('situation.survey.deleteHelp') : t('situation.survey.closeHelp')}</p>
      </ConfirmDialog>
    </>
  );
}
