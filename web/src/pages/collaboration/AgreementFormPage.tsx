import { usePartnerChoices } from '../../components/use-partner-choices';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoard } from '@shared/modules/orgs/schema';
import { ZCreateAgreementRequest } from '@shared/modules/collaboration/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { Loading, Notice } from '../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { blankAsNull, orNull, SavingForm, useSavingForm } from '../../components/saving-form';
import { COLLAB_READS, IdChoices, useBoardActivities, useBoardsFor, usePartnerLabel, type TAgreement } from './shared';
import './collaboration.css';

const ZAgreementForm = ZCreateAgreementRequest.extend({ validTo: blankAsNull(ZCreateAgreementRequest.shape.validTo) });

/** Register a police collaboration agreement (`/samverkan/overenskommelser/ny`) or change one (`…/:id`). */
export function AgreementFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const list = useApiQuery<TAgreement[]>(id ? '/api/agreements' : null);
  const boards = useApiQuery<TBoard[]>('/api/boards');
  if (list.isLoading || boards.isPending) return <Loading />;
  if (!id) return <AgreementForm />;
  const agreement = list.data?.find((a) => a.id === id);
  return agreement ? <AgreementForm agreement={agreement} /> : <Notice>{t('collab.agreementForm.notFound')}</Notice>;
}

function AgreementForm({ agreement }: { agreement?: TAgreement }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { canEverywhere } = useSession();
  const boards = useBoardsFor('agreements.create');
  const central = canEverywhere('agreements.create');
  const partnerLabel = usePartnerLabel();
  const f = useSavingForm(
    ZAgreementForm,
    {
      idPrefix: 'agreement',
      defaultValues: {
        title: agreement?.title ?? '',
        boardId: agreement ? agreement.boardId : central ? null : (boards[0]?.id ?? null),
        partnerIds: agreement?.partners.map((p) => p.id) ?? [],
        validFrom: agreement?.validFrom ?? '',
        validTo: agreement?.validTo ?? '',
        reviewOn: agreement?.reviewOn ?? '',
        activityIds: agreement?.activities.map((a) => a.id) ?? [],
        note: agreement?.note ?? '',
      },
    },
    COLLAB_READS,
  );
  const boardId = f.form.watch('boardId');
  const partnerChoices = usePartnerChoices(boardId) ?? [];
  const activities = useBoardActivities(boardId);
  const chosenPartners = f.form.watch('partnerIds') ?? [];
  const chosenActivities = f.form.watch('activityIds') ?? [];

  const submit = f.submit(async ({ boardId: board, ...v }) => {
    const body = { ...v, note: orNull(v.note) };
    if (agreement) await f.save.mutateAsync({ method: 'PATCH', path: `/api/agreements/${agreement.id}`, body });
    else await f.save.mutateAsync({ method: 'POST', path: '/api/agreements', body: { ...body, boardId: board ?? null } });
    navigate('/samverkan/overenskommelser', { state: { notice: t('collab.agreementForm.saved') } });
  });

  const title = agreement ? t('collab.agreementForm.editTitle', { name: agreement.title }) : t('collab.agreementForm.newTitle');
  return (
    <>
      <p>
        <Link to="/samverkan/overenskommelser">{t('collab.agreements.title')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <SavingForm form={f} onSubmit={submit} label={title} submitLabel={agreement ? t('collab.agreementForm.save') : t('collab.agreementForm.create')}>
        <TextField label={t('collab.agreementForm.title')} maxLength={300} {...f.field('title')} />
        {!agreement && (
          <SelectField label={t('collab.agreementForm.board')} {...f.field('boardId', { setValueAs: (v: string) => v || null })}>
            {central && <option value="">{t('collab.agreementForm.central')}</option>}
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </SelectField>
        )}
        <IdChoices
          idPrefix="agreement"
          name="partnerIds"
          legend={t('collab.agreementForm.partiesLegend')}
          hint={t('collab.agreementForm.partiesHint')}
          error={f.errors.partnerIds}
          options={partnerChoices.map((p) => ({ id: p.id, label: partnerLabel(p) }))}
          chosen={chosenPartners}
          onChange={(ids) => f.form.setValue('partnerIds', ids)}
          empty={t('collab.forumForm.noPartners')}
        />
        <div className="inline-fields">
          <TextField type="date" label={t('collab.agreementForm.validFrom')} hint={t('collab.dateHint')} {...f.field('validFrom')} />
          <TextField type="date" label={t('collab.agreementForm.validTo')} hint={t('collab.dateHint')} {...f.field('validTo')} />
          <TextField type="date" label={t('collab.agreementForm.reviewOn')} hint={t('collab.dateHint')} {...f.field('reviewOn')} />
        </div>
        {boardId && (
          <IdChoices
            idPrefix="agreement"
            name="activityIds"
            legend={t('collab.agreementForm.activitiesLegend')}
            error={f.errors.activityIds}
            options={activities}
            chosen={chosenActivities}
            onChange={(ids) => f.form.setValue('activityIds', ids)}
            empty={t('collab.agreementForm.noActivities')}
          />
        )}
        <TextAreaField label={t('collab.agreementForm.note')} rows={3} maxLength={2000} {...f.field('note')} />
      </SavingForm>
    </>
  );
}
