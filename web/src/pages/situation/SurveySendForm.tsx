import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { checkFields } from '@shared/domain/personal-data/guard';
import { DEFAULT_LINK_DAYS, RECIPIENT_GROUPS, type RecipientGroup } from '@shared/domain/situation/survey';
import { ZSendRequest, type TIssuedLink, type TSurvey } from '@shared/modules/situation/schema';
import type { TUnit } from '../../api/types';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../../components/form';
import { asNumber } from '../../components/form-errors';

/** Guess a unit's recipient group from its name (the demo tree follows the seeds' service areas). */
function groupOf(unit: TUnit): RecipientGroup {
  const n = unit.name.toLowerCase();
  if (n.includes('förskol')) return 'preschool';
  if (n.includes('skol')) return 'school';
  if (n.includes('fritid') || n.includes('fält')) return 'leisure';
  if (n.includes('socialtjänst') || n.includes('individ')) return 'social_services';
  if (n.includes('omsorg') || n.includes('hemtjänst') || n.includes('äldre')) return 'elderly_care';
  return 'other_unit';
}

/** The recipients' names are checked for personal data as the server does (it refuses them too). */
const ZSendForm = ZSendRequest.superRefine((v, ctx) =>
  v.recipients?.forEach((r, i) => {
    const problem = typeof r?.label === 'string' ? checkFields({ v: r.label }, { subject: 'mottagarlistan' })[0] : undefined;
    if (problem) ctx.addIssue({ code: 'custom', path: ['recipients', i, 'label'], message: problem.message });
  }),
);

/** Recipients for a survey: the board's units or named outside organisations; each gets its own link. */
export function SurveySendForm({ survey, onSent }: { survey: TSurvey; onSent(links: TIssuedLink[]): void }) {
  const { t } = useTranslation();
  const units = useApiQuery<TUnit[]>(`/api/boards/${survey.boardId}/units`);
  const save = useApiMutation<{ links: TIssuedLink[] }>(['/api/surveys', '/api/situation']);
  const f = useApiForm(ZSendForm, { idPrefix: 'send', defaultValues: { recipients: [], expiresInDays: DEFAULT_LINK_DAYS }, fallback: 'recipients' });
  const recipients = useFieldArray({ control: f.form.control, name: 'recipients' });
  const nested = f.form.formState.errors.recipients;
  const leafUnits = (units.data ?? []).filter((u) => u.kind === 'unit');

  // One summary entry per recipient, linked to its name (`send-r0`); the list's own message to the list.
  const errors: FieldErrors = { recipients: nested?.message ?? nested?.root?.message };
  recipients.fields.forEach((_, i) => {
    const e = nested?.[i];
    errors[`r${i}`] = e?.label?.message ?? e?.group?.message ?? e?.unitId?.message;
  });
  errors.expiresInDays = f.errors.expiresInDays;

  const submit = f.onSubmit(async (body) => {
    const res = await save.mutateAsync({ method: 'POST', path: `/api/surveys/${survey.id}/recipients`, body });
    f.form.reset({ recipients: [], expiresInDays: body.expiresInDays });
    onSent(res.links);
  });

  return (
    <section aria-labelledby="send-heading" className="panel">
      <h2 id="send-heading">{t('situation.survey.sendHeading')}</h2>
      <p>{t('situation.survey.sendHelp')}</p>
      <ErrorSummary errors={errors} idPrefix="send" focusKey={f.submits} />
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={!leafUnits.length}
          onClick={() => recipients.append(leafUnits.map((u) => ({ label: u.name, group: groupOf(u), unitId: u.id })))}
        >
          {t('situation.survey.addUnits')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => recipients.append({ label: '', group: 'property_owner', unitId: null })}>
          {t('situation.survey.addExternal')}
        </button>
      </div>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving} className="plain-fieldset">
          {recipients.fields.length === 0 && (
            <p className="empty-state" id="send-recipients" tabIndex={-1}>
              {t('situation.survey.noRecipientsYet')}
            </p>
          )}
          {recipients.fields.map((field, i) => (
            <fieldset key={field.id} className="question">
              <legend>{t('situation.survey.recipientN', { n: i + 1 })}</legend>
              <div className="inline-fields">
                <TextField
                  id={`send-r${i}`}
                  label={t('situation.survey.recipientLabel')}
                  hint={t('situation.survey.recipientHint')}
                  error={errors[`r${i}`]}
                  {...f.form.register(`recipients.${i}.label`)}
                />
                <SelectField id={`send-r${i}-group`} label={t('situation.survey.group')} {...f.form.register(`recipients.${i}.group`)}>
                  {RECIPIENT_GROUPS.map((g) => (
                    <option key={g} value={g}>
                      {t(`situation.groups.${g}`)}
                    </option>
                  ))}
                </SelectField>
                <button type="button" className="button button--secondary button--small" onClick={() => recipients.remove(i)}>
                  {t('situation.survey.removeRecipient', { n: i + 1 })}
                </button>
              </div>
            </fieldset>
          ))}
          <TextField
            label={t('situation.survey.days')}
            hint={t('situation.survey.daysHint')}
            type="number"
            min={1}
            max={365}
            {...f.field('expiresInDays', { setValueAs: asNumber })}
            error={errors.expiresInDays}
          />
          <button type="submit" className="button">
            {t('situation.survey.send')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
