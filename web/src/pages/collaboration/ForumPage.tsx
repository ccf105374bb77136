import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { DataTable } from '../../components/DataTable';
import { ConfirmDialog, EmptyState, Notice } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { formatDay } from '../../format/dates';
import { MeetingForm } from './MeetingForm';
import { ArrivalNotice, BackToCollaboration, COLLAB_READS, type TForumDetail, type TMeeting } from './shared';
import './collaboration.css';

/** One forum: what it is, its members, its meetings with notes and minutes, and the form for a meeting held. */
export function ForumPage() {
  const { id } = useParams();
  const q = useApiQuery<TForumDetail>(`/api/forums/${id}`);
  return <QueryState query={q}>{(forum) => <Forum forum={forum} />}</QueryState>;
}

function Forum({ forum }: { forum: TForumDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <BackToCollaboration />
      <PageHeading title={forum.name}>{forum.name}</PageHeading>
      <ArrivalNotice />
      <p className="lead">{t('collab.forum.summary', { meetings: forum.meetingsThisYear, vbe: forum.vbeMeetingsThisYear })}</p>
      <dl className="summary-list">
        <div>
          <dt>{t('collab.forum.board')}</dt>
          <dd>{forum.boardName ?? t('collab.wholeCity')}</dd>
        </div>
        {forum.cadence && (
          <div>
            <dt>{t('collab.forum.cadence')}</dt>
            <dd>{t(`collab.cadences.${forum.cadence}`)}</dd>
          </div>
        )}
        {forum.description && (
          <div>
            <dt>{t('collab.forum.description')}</dt>
            <dd>{forum.description}</dd>
          </div>
        )}
        <div>
          <dt>{t('collab.forum.members')}</dt>
          <dd>{forum.partners.length ? forum.partners.map((p) => p.name).join(', ') : t('collab.forum.noMembers')}</dd>
        </div>
      </dl>
      {forum.canEdit && (
        <p>
          <Link className="button button--secondary" to={`/samverkan/forum/${forum.id}/andra`}>
            {t('collab.forum.edit')}
          </Link>
        </p>
      )}
      {forum.canEdit && (
        <section className="panel collab-meeting" aria-labelledby="meeting-heading">
          <MeetingForm forumId={forum.id} />
        </section>
      )}
      <Meetings forum={forum} />
    </>
  );
}

function Meetings({ forum }: { forum: TForumDetail }) {
  const { t } = useTranslation();
  const remove = useApiMutation(COLLAB_READS);
  const [asking, setAsking] = useState<TMeeting | null>(null);
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('collab.forum.meetingsHeading')}</h2>
      {remove.isSuccess && <Notice>{t('collab.forum.deleted')}</Notice>}
      {forum.meetings.length === 0 ? (
        <EmptyState>{t('collab.forum.noMeetings')}</EmptyState>
      ) : (
        <DataTable
          caption={t('collab.forum.meetingsCaption')}
          hideCaption
          rows={forum.meetings}
          rowKey={(m) => m.id}
          pageSize={25}
          columns={[
            { key: 'heldOn', header: t('collab.forum.heldOn'), rowHeader: true, cell: (m) => <span className="collab-nowrap">{formatDay(m.heldOn)}</span>, sort: (m) => m.heldOn },
            { key: 'vbe', header: t('collab.forum.vbe'), cell: (m) => (m.vbeOnAgenda ? t('collab.forum.yes') : t('collab.forum.no')), sort: (m) => (m.vbeOnAgenda ? 1 : 0) },
            { key: 'notes', header: t('collab.forum.notes'), cell: (m) => m.notes },
            {
              key: 'minutes',
              header: t('collab.forum.minutes'),
              cell: (m) => (
                <ul className="plain-list">
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/attachments/${a.id}`} download={a.name}>
                        {a.name}
                      </a>
                    </li>
                  ))}
                </ul>
              ),
            },
            ...(forum.canEdit
              ? [
                  {
                    key: 'remove',
                    header: <span className="visually-hidden">{t('common.remove')}</span>,
                    cell: (m: TMeeting) => (
                      <button type="button" className="button button--secondary button--small" onClick={() => setAsking(m)} disabled={remove.isPending} aria-label={t('collab.forum.deleteMeeting', { date: formatDay(m.heldOn) })}>
                        {t('common.remove')}
                      </button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <ConfirmDialog
        open={asking !== null}
        title={t('collab.forum.deleteTitle', { date: asking ? formatDay(asking.heldOn) : '' })}
        confirmLabel={t('common.remove')}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const m = asking!;
          setAsking(null);
          remove.mutate({ method: 'DELETE', path: `/api/forums/${forum.id}/meetings/${m.id}` });
        }}
      >
        <p>{t('collab.forum.deleteText')}</p>
      </ConfirmDialog>
    </section>
  );
}
