import { useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZCreateDecisionRequest, type TDecision, type TPlan } from '@shared/modules/plans/schema';
import type { TAttachment } from '@shared/modules/attachments/schema';
import { upload } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { ConfirmDialog } from '../../components/feedback';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { OpenItems, useCheckPassed } from './CheckPanel';

const OUTCOMES = ['adopted', 'sent_back', 'postponed'] as const;

/**
 * The board's handling of the plan at one meeting, as the board's secretary records it: date,
 * paragraph, case number, the proposals and how each was decided, the outcome, reservations and
 * special statements in full, and the signed protocol extract.
 */
export function DecisionFormPage() {
  const { id } = useParams();
  const plan = useApiQuery<TPlan>(`/api/plans/${id}`);
  return <QueryState query={plan}>{(p) => <DecisionForm plan={p} />}</QueryState>;
}

function DecisionForm({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const name = t('plans.planName', { board: plan.boardName, year: plan.year });
  const title = t('plans.decisions.pageTitle', { name });
  const save = useApiMutation<TDecision>([`/api/plans/${plan.id}`, '/api/plans', '/api/reports']);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState('');
  const f = useApiForm(ZCreateDecisionRequest, {
    idPrefix: 'decision',
    defaultValues: { meetingOn: '', paragraph: '', caseNumber: '', outcome: 'adopted', proposals: [], reservations: [], attachmentIds: [] },
  });
  const proposals = useFieldArray({ control: f.form.control, name: 'proposals' });
  const reservations = useFieldArray({ control: f.form.control, name: 'reservations' });
  const nested = f.form.formState.errors;
  // Adopting a plan that does not pass the check is asked about first, with what is still open.
  const passed = useCheckPassed(plan.id);
  const [asking, setAsking] = useState(false);
  const confirmed = useRef(false);

  const submit = f.onSubmit(async (body) => {
    if (body.outcome === 'adopted' && !passed && !confirmed.current) {
      setAsking(true);
      return;
    }
    confirmed.current = false;
    setFileError('');
    let attachmentIds: string[] = [];
    if (file) {
      try {
        attachmentIds = [(await upload<TAttachment>('/api/attachments', { file }, true)).id];
      } catch (err) {
        setFileError((err as { message?: string }).message ?? t('common.networkError'));
        return;
      }
    }
    const saved = await save.mutateAsync({ method: 'POST', path: `/api/plans/${plan.id}/decisions`, body: { ...body, attachmentIds } });
    navigate(`/planer/${plan.id}`, { state: { notice: t('plans.decisions.saved', { date: saved.meetingOn }) } });
  });

  const errors = fileError ? { ...f.errors, attachment: fileError } : f.errors;
  return (
    <>
      <p>
        <Link to={`/planer/${plan.id}`}>{t('plans.backToPlan', { name })}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('plans.decisions.lead')}</p>
      <ErrorSummary errors={errors} idPrefix="decision" focusKey={f.submits} />
      <form onSubmit={submit} noValidate aria-label={title}>
        <fieldset disabled={f.saving} className="plain-fieldset">
          <TextField label={t('plans.decisions.meetingOn')} hint={t('plans.decisions.meetingOnHint')} type="date" {...f.field('meetingOn')} />
          <TextField label={t('plans.decisions.paragraph')} hint={t('plans.decisions.paragraphHint')} {...f.field('paragraph')} />
          <TextField label={t('plans.decisions.caseNumber')} {...f.field('caseNumber')} />

          <fieldset id="decision-proposals" className="plans-fieldset" tabIndex={-1}>
            <legend>{t('plans.decisions.proposals')}</legend>
            <p className="hint">{t('plans.decisions.proposalsHint')}</p>
            {proposals.fields.map((field, i) => {
              const e = nested.proposals?.[i];
              return (
                <fieldset key={field.id} className="plans-fieldset">
                  <legend>{t('plans.decisions.proposal', { n: i + 1 })}</legend>
                  <TextField id={`decision-proposals-${i}-by`} label={t('plans.decisions.proposalBy')} error={e?.by?.message} {...f.form.register(`proposals.${i}.by`)} />
                  <TextAreaField
                    id={`decision-proposals-${i}-text`}
                    label={t('plans.decisions.proposalText')}
                    rows={5}
                    error={e?.text?.message}
                    {...f.form.register(`proposals.${i}.text`)}
                  />
                  <SelectField id={`decision-proposals-${i}-result`} label={t('plans.decisions.proposalResult')} error={e?.result?.message} {...f.form.register(`proposals.${i}.result`)}>
                    <option value="adopted">{t('plans.decisions.proposalResults.adopted')}</option>
                    <option value="rejected">{t('plans.decisions.proposalResults.rejected')}</option>
                  </SelectField>
                  <button type="button" className="button button--secondary" onClick={() => proposals.remove(i)}>
                    {t('plans.decisions.removeProposal', { n: i + 1 })}
                  </button>
                </fieldset>
              );
            })}
            <button type="button" className="button button--secondary" onClick={() => proposals.append({ by: '', text: '', result: 'rejected' })}>
              {t('plans.decisions.addProposal')}
            </button>
          </fieldset>

          <SelectField label={t('plans.decisions.outcome')} {...f.field('outcome')}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`plans.decisions.outcomes.${o}`)}
              </option>
            ))}
          </SelectField>

          <fieldset id="decision-reservations" className="plans-fieldset" tabIndex={-1}>
            <legend>{t('plans.decisions.reservations')}</legend>
            {reservations.fields.map((field, i) => {
              const e = nested.reservations?.[i];
              return (
                <fieldset key={field.id} className="plans-fieldset">
                  <legend>{t('plans.decisions.reservation', { n: i + 1 })}</legend>
                  <TextField
                    id={`decision-reservations-${i}-party`}
                    label={t('plans.decisions.reservationParty')}
                    error={e?.party?.message}
                    {...f.form.register(`reservations.${i}.party`)}
                  />
                  <SelectField id={`decision-reservations-${i}-kind`} label={t('plans.decisions.reservationKind')} {...f.form.register(`reservations.${i}.kind`)}>
                    <option value="reservation">{t('plans.decisions.reservationKinds.reservation')}</option>
                    <option value="statement">{t('plans.decisions.reservationKinds.statement')}</option>
                  </SelectField>
                  <TextAreaField
                    id={`decision-reservations-${i}-text`}
                    label={t('plans.decisions.reservationText')}
                    rows={8}
                    error={e?.text?.message}
                    {...f.form.register(`reservations.${i}.text`)}
                  />
                  <button type="button" className="button button--secondary" onClick={() => reservations.remove(i)}>
                    {t('plans.decisions.removeReservation', { n: i + 1 })}
                  </button>
                </fieldset>
              );
            })}
            <button type="button" className="button button--secondary" onClick={() => reservations.append({ party: '', text: '', kind: 'reservation' })}>
              {t('plans.decisions.addReservation')}
            </button>
          </fieldset>

          <TextField
            id="decision-attachment"
            label={t('plans.decisions.attachment')}
            hint={t('plans.decisions.attachmentHint')}
            type="file"
            accept=".pdf,.docx,.odt,.png,.jpg,.jpeg"
            error={fileError || undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <div className="button-row">
            <button type="submit" className="button">
              {t('plans.decisions.save')}
            </button>
            <Link className="button button--secondary" to={`/planer/${plan.id}`}>
              {t('plans.decisions.cancel')}
            </Link>
          </div>
        </fieldset>
      </form>
      <ConfirmDialog
        open={asking}
        title={t('plans.check.confirmDecide')}
        confirmLabel={t('plans.check.decideAnyway')}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          confirmed.current = true;
          void submit();
        }}
      >
        <OpenItems planId={plan.id} />
      </ConfirmDialog>
    </>
  );
}
