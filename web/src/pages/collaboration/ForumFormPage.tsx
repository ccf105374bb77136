import { usePartnerChoices } from '../../components/use-partner-choices';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoard } from '@shared/modules/orgs/schema';
import { CADENCES } from '@shared/domain/collaboration/model';
import { ZCreateForumRequest } from '@shared/modules/collaboration/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { SelectField, TextAreaField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { orNull, SavingForm, useSavingForm } from '../../components/saving-form';
import { COLLAB_READS, IdChoices, useBoardsFor, usePartnerLabel, type TForumDetail } from './shared';
import './collaboration.css';

/** A new forum (`/samverkan/forum/ny`) or changes to one (`/samverkan/forum/:id/andra`). */
export function ForumFormPage() {
  const { id } = useParams();
  const q = useApiQuery<TForumDetail>(id ? `/api/forums/${id}` : null);
  // The board's choice is filled from the boards the user may write on: wait for them.
  const boards = useApiQuery<TBoard[]>('/api/boards');
  if (!id) return <QueryState query={boards}>{() => <ForumForm />}</QueryState>;
  return <QueryState query={q}>{(forum) => <ForumForm forum={forum} />}</QueryState>;
}

function ForumForm({ forum }: { forum?: TForumDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { canEverywhere } = useSession();
  const boards = useBoardsFor('forums.create');
  const partnerLabel = usePartnerLabel();
  const f = useSavingForm(
    ZCreateForumRequest,
    {
      idPrefix: 'forum',
      defaultValues: {
        name: forum?.name ?? '',
        boardId: forum ? forum.boardId : canEverywhere('forums.create') ? null : (boards[0]?.id ?? null),
        cadence: forum?.cadence ?? null,
        description: forum?.description ?? '',
        partnerIds: forum?.partners.map((p) => p.id) ?? [],
      },
    },
    COLLAB_READS,
  );
  const boardId = f.form.watch('boardId');
  // A board's forum has the board's partners and the city's; a network of the city may have anyone.
  const choices = usePartnerChoices(boardId) ?? [];
  const chosen = f.form.watch('partnerIds') ?? [];

  const submit = f.submit(async (v) => {
    const body = { ...v, description: orNull(v.description), cadence: v.cadence || null };
    if (forum) {
      const { boardId: _ignored, ...patch } = body;
      await f.save.mutateAsync({ method: 'PATCH', path: `/api/forums/${forum.id}`, body: patch });
      navigate(`/samverkan/forum/${forum.id}`, { state: { notice: t('collab.forumForm.saved') } });
    } else {
      const created = (await f.save.mutateAsync({ method: 'POST', path: '/api/forums', body })) as TForumDetail;
      navigate(`/samverkan/forum/${created.id}`, { state: { notice: t('collab.forumForm.saved') } });
    }
  });

  const title = forum ? t('collab.forumForm.editTitle', { name: forum.name }) : t('collab.forumForm.newTitle');
  return (
    <>
      <p>
        <Link to={forum ? `/samverkan/forum/${forum.id}` : '/samverkan'}>{forum ? forum.name : t('collab.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <SavingForm form={f} onSubmit={submit} label={title} submitLabel={forum ? t('collab.forumForm.save') : t('collab.forumForm.create')}>
        <TextField label={t('collab.forumForm.name')} maxLength={300} {...f.field('name')} />
        {!forum && (
          <SelectField label={t('collab.forumForm.board')} {...f.field('boardId', { setValueAs: (v: string) => v || null })}>
            {canEverywhere('forums.create') && <option value="">{t('collab.forumForm.cityWide')}</option>}
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t('collab.forumForm.cadence')} {...f.field('cadence', { setValueAs: (v: string) => v || null })}>
          <option value="">{t('collab.forumForm.noCadence')}</option>
          {CADENCES.map((c) => (
            <option key={c} value={c}>
              {t(`collab.cadences.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('collab.forumForm.description')} rows={3} maxLength={2000} {...f.field('description')} />
        <IdChoices
          idPrefix="forum"
          name="partnerIds"
          legend={t('collab.forumForm.membersLegend')}
          hint={t('collab.forumForm.membersHint')}
          error={f.errors.partnerIds}
          options={choices.map((p) => ({ id: p.id, label: partnerLabel(p) }))}
          chosen={chosen}
          onChange={(ids) => f.form.setValue('partnerIds', ids)}
          empty={t('collab.forumForm.noPartners')}
        />
      </SavingForm>
    </>
  );
}
