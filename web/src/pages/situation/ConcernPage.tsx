import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TConcern } from '@shared/modules/situation/schema';
import type { ApiError } from '../../api/client';
import { Notice } from '../../components/feedback';
import { ErrorSummary } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ErrorPage } from '../NotFoundPage';
import { formatDate, Paragraphs } from './components';
import { ConcernStatus } from './ConcernListPage';
import { ClassifyForm, CloseForm, dropConcernLists, NoteForm, useConcernForms } from './ConcernForms';

/** One concern report, for the board's coordinator. Opening it is a logged read. */
export function ConcernPage() {
  const { id } = useParams();
  // Opening the report is an audited read: every visit reads it (never only the answer of an earlier
  // visit), and nothing reads it again while it is open (a write puts its answer into it).
  const concern = useQuery<TConcern, ApiError>({ queryKey: [`/api/concerns/${id}`], staleTime: Infinity, refetchOnMount: 'always' });
  const client = useQueryClient();
  const opened = concern.data !== undefined;
  useEffect(() => {
    // Reading a report marks it read: the lists and the inbox read before no longer hold.
    if (opened) dropConcernLists(client);
  }, [opened, client]);
  const { t } = useTranslation();
  // A report that cannot be read (unknown, or not yours) is a page of its own with a way back.
  if (concern.error && !concern.data) {
    return <ErrorPage title={concern.error.status === 404 ? t('notFound.missingTitle') : t('notFound.errorTitle')} message={concern.error.message} />;
  }
  return <QueryState query={concern}>{(c) => <Concern c={c} />}</QueryState>;
}

function Concern({ c }: { c: TConcern }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState('');
  const forms = useConcernForms(c, setNotice);
  const closed = c.status === 'closed';
  const title = t('situation.concernPage.title', { date: formatDate(c.occurredOn) });

  return (
    <>
      <p>
        <Link to="/lagesbild/rapporter">{t('situation.concernPage.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">
        {c.boardName} · <ConcernStatus c={c} />
      </p>
      <p className="hint">{t('situation.concernPage.logged')}</p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={forms.errors} idPrefix="concern" focusKey={forms.submits} />

      {/* The text first and across the page's width: it is what the coordinator came to read. */}
      <section aria-labelledby="concern-text-heading" className="concern-text">
        <h2 id="concern-text-heading">{t('situation.concern.description')}</h2>
        <Paragraphs text={c.description} />
      </section>

      <dl className="summary-list concern-details">
        <div>
          <dt>{t('situation.type')}</dt>
          <dd>{t(`situation.types.${c.type}`)}</dd>
        </div>
        <div>
          <dt>{t('situation.environment')}</dt>
          <dd>{t(`situation.environments.${c.environment}`)}</dd>
        </div>
        <div>
          <dt>{t('situation.concern.area')}</dt>
          <dd>{c.area ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('situation.concern.unit')}</dt>
          <dd>{c.reportingUnitName ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('situation.concern.actionTaken')}</dt>
          <dd>{c.actionTaken ? <Paragraphs text={c.actionTaken} /> : '–'}</dd>
        </div>
        <div>
          <dt>{t('situation.concern.forwarded')}</dt>
          <dd>
            {[c.forwardedToSocialServices && t('situation.concern.social'), c.forwardedToPolice && t('situation.concern.police')].filter(Boolean).join(', ') ||
              t('situation.concernPage.notForwarded')}
          </dd>
        </div>
        <div>
          <dt>{t('situation.concernPage.relevance')}</dt>
          <dd>{c.relevance ? t(`situation.relevance.${c.relevance}`) : t('situation.concernPage.notClassified')}</dd>
        </div>
      </dl>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('situation.concernPage.notes')}</h2>
        {c.notes.length === 0 ? (
          <p className="empty-state">{t('situation.concernPage.noNotes')}</p>
        ) : (
          <ul className="plain-list">
            {c.notes.map((n) => (
              <li key={n.id} className="panel">
                <p className="hint">
                  {n.authorName ?? '–'}, {formatDate(n.createdAt)}
                </p>
                <Paragraphs text={n.body} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {!closed && (
        <>
          <ClassifyForm forms={forms} />
          <NoteForm forms={forms} />
          <CloseForm forms={forms} />
        </>
      )}
    </>
  );
}
