import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { todayInSweden } from '@shared/domain/calendar';
import { ZFollowUpRequest, ZPayoutRequest } from '@shared/modules/grants/schema';
import { TextField } from '../../components/form';
import { SavingForm, useSavingForm } from '../../components/saving-form';
import { NameConfirmation, TextAreaField, useNameConfirmation } from '../situation/fields';
import { asKronor, GRANT_READS, type TGrantApplication } from './shared';

const ZPayoutForm = ZPayoutRequest.extend({ paidAmount: z.preprocess(asKronor, ZPayoutRequest.shape.paidAmount) });

/** The payout of an approved grant: the day and the amount (by default the amount applied for). */
export function PayoutForm({ application: a }: { application: TGrantApplication }) {
  const { t } = useTranslation();
  const f = useSavingForm(ZPayoutForm, { idPrefix: 'payout', defaultValues: { paidOn: todayInSweden(), paidAmount: (a.amount === null ? '' : String(a.amount)) as unknown as number } }, GRANT_READS);
  const submit = f.submit((body) => f.save.mutateAsync({ method: 'PATCH', path: `/api/grant-applications/${a.id}/payout`, body }));
  return (
    <SavingForm form={f} onSubmit={submit} labelledBy="grant-payout" submitLabel={t('grants.payout.submit')} secondary>
      <div className="inline-fields">
        <TextField type="date" label={t('grants.payout.paidOn')} hint={t('grants.vetting.dateHint')} {...f.field('paidOn')} />
        <TextField label={t('grants.payout.paidAmount')} hint={t('grants.new.amountHint')} inputMode="numeric" {...f.field('paidAmount')} />
      </div>
    </SavingForm>
  );
}

const ZFollowUpForm = ZFollowUpRequest.omit({ confirmNoPersonalData: true }).extend({ confirmNoPersonalData: z.unknown().optional() });

/** The follow-up the year after an approval: the day and what it showed (checked for personal data). */
export function FollowUpForm({ application: a }: { application: TGrantApplication }) {
  const { t } = useTranslation();
  const names = useNameConfirmation();
  const f = useSavingForm(ZFollowUpForm, { idPrefix: 'followup', defaultValues: { followUpOn: todayInSweden(), followUpNote: '', confirmNoPersonalData: undefined } }, GRANT_READS);
  const submit = f.submit(
    names.guard(f.form, ({ followUpOn, followUpNote }) =>
      f.save.mutateAsync({ method: 'PATCH', path: `/api/grant-applications/${a.id}/follow-up`, body: { followUpOn, followUpNote, ...names.extra } }),
    ),
  );
  return (
    <SavingForm form={f} onSubmit={submit} labelledBy="grant-follow-up" submitLabel={t('grants.followUp.submit')} secondary>
      <TextField type="date" label={t('grants.followUp.followUpOn')} hint={t('grants.vetting.dateHint')} {...f.field('followUpOn')} />
      <TextAreaField
        label={t('grants.followUp.note')}
        hint={t('grants.followUp.noteHint')}
        guard
        guardSubject="uppföljningen"
        guardValue={f.form.watch('followUpNote')}
        rows={4}
        maxLength={4000}
        {...f.field('followUpNote', { onChange: names.changed })}
      />
      <NameConfirmation idPrefix="followup" state={names} />
    </SavingForm>
  );
}
