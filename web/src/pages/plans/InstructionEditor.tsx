import { useRef, useState } from 'react';
import { useController, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_FIELDS, ZUpdateInstructionRequest } from '@shared/modules/plans/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiForm } from '../../components/api-form';
import { ConfirmDialog } from '../../components/feedback';
import { ErrorSummary, TextField } from '../../components/form';
import { TextAreaField, type TInstruction } from './shared';

/** What a change to the instructions changes: the instructions, and the plans that show the year's. */
export const INSTRUCTION_READS = ['/api/plan-instructions', '/api/plans'];

/** Swedish title → section key: a–z, 0–9 and _. */
const keyOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40) || 'avsnitt';

/** The central coordinator's editor of one year's instructions: deadline, guidance, sections, required fields, review criteria; publish. */
export function InstructionEditor({ instruction: i, onSaved }: { instruction: TInstruction; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const save = useApiMutation(INSTRUCTION_READS);
  const [confirm, setConfirm] = useState(false);
  const f = useApiForm(ZUpdateInstructionRequest, {
    idPrefix: 'instr',
    defaultValues: {
      deadline: i.deadline,
      guidance: i.guidance ?? '',
      sections: i.sections.map((s) => ({ key: s.key, title: s.title, guidance: s.guidance ?? '' })),
      requiredActivityFields: i.requiredActivityFields as (typeof ACTIVITY_FIELDS)[number][],
      reviewCriteria: i.reviewCriteria.map((c) => ({ id: c.id, text: c.text })),
    },
  });
  const sections = useFieldArray({ control: f.form.control, name: 'sections', keyName: 'rowKey' });
  const criteria = useFieldArray({ control: f.form.control, name: 'reviewCriteria', keyName: 'rowKey' });
  const fields = useController({ control: f.form.control, name: 'requiredActivityFields' });
  const chosenFields = fields.field.value ?? [];
  // A section added here (not among the rows the editor opened with) takes its key from its title when it is saved.
  const opened = useRef(new Set(sections.fields.map((s) => s.rowKey))).current;
  const nested = f.form.formState.errors;

  const submit = f.onSubmit(async (v) => {
    const used = new Set<string>();
    const body = {
      deadline: v.deadline ?? null,
      guidance: v.guidance || null,
      sections: (v.sections ?? []).map((s, n) => {
        let key = opened.has(sections.fields[n]?.rowKey) ? s.key : keyOf(s.title);
        while (used.has(key)) key = `${key.slice(0, 37)}_${used.size}`;
        used.add(key);
        return { key, title: s.title, guidance: s.guidance || null };
      }),
      requiredActivityFields: v.requiredActivityFields,
      reviewCriteria: v.reviewCriteria,
    };
    await save.mutateAsync({ method: 'PATCH', path: `/api/plan-instructions/${i.id}`, body });
    onSaved(t('plans.instructions.saved', { year: i.year }));
  });

  async function publish() {
    try {
      await save.mutateAsync({ method: 'POST', path: `/api/plan-instructions/${i.id}/publish`, body: {} });
      onSaved(t('plans.instructions.published', { year: i.year }));
    } catch (err) {
      f.form.setError('deadline', { type: 'server', message: (err as { message?: string }).message || t('common.networkError') });
    }
  }

  return (
    <section aria-labelledby="edit-instruction-heading" className="panel">
      <h2 id="edit-instruction-heading">{t('plans.instructions.editHeading', { year: i.year })}</h2>
      <p>
        <span className={`tag ${i.status === 'published' ? 'tag--ok' : ''}`}>{t(`plans.instructions.statuses.${i.status}`)}</span>
      </p>
      <ErrorSummary errors={f.errors} idPrefix="instr" focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving || save.isPending} className="plain-fieldset">
          <TextField type="date" label={t('plans.instructions.deadline')} {...f.field('deadline', { setValueAs: (v: unknown) => (v === '' ? null : v) })} />
          <TextAreaField label={t('plans.instructions.guidance')} rows={4} {...f.field('guidance')} />

          <fieldset className="fieldset" id="instr-sections" tabIndex={-1}>
            <legend>{t('plans.instructions.sections')}</legend>
            {typeof nested.sections?.message === 'string' && <p className="field-error">{nested.sections.message}</p>}
            {sections.fields.map((s, n) => (
              <div className="plans-list-row" key={s.rowKey} role="group" aria-label={t('plans.instructions.sectionN', { n: n + 1 })}>
                <TextField
                  id={`instr-section-${n}-title`}
                  label={t('plans.instructions.sectionTitle', { n: n + 1 })}
                  error={nested.sections?.[n]?.title?.message}
                  {...f.form.register(`sections.${n}.title`)}
                />
                <TextField
                  id={`instr-section-${n}-guidance`}
                  label={t('plans.instructions.sectionGuidance', { n: n + 1 })}
                  error={nested.sections?.[n]?.guidance?.message}
                  {...f.form.register(`sections.${n}.guidance`)}
                />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('plans.instructions.removeSection', { title: f.form.watch(`sections.${n}.title`) || n + 1 })}
                  onClick={() => sections.remove(n)}
                >
                  {t('common.remove')}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => sections.append({ key: 'avsnitt', title: '', guidance: '' })}
            >
              {t('plans.instructions.addSection')}
            </button>
          </fieldset>

          <fieldset className="fieldset" id="instr-requiredActivityFields" tabIndex={-1}>
            <legend>{t('plans.instructions.fields')}</legend>
            {ACTIVITY_FIELDS.map((name) => (
              <div className="plans-radio" key={name}>
                <input
                  type="checkbox"
                  id={`instr-field-${name}`}
                  checked={chosenFields.includes(name)}
                  onChange={(e) => fields.field.onChange(e.target.checked ? [...chosenFields, name] : chosenFields.filter((x) => x !== name))}
                />
                <label htmlFor={`instr-field-${name}`}>{t(`plans.fields.${name}`)}</label>
              </div>
            ))}
          </fieldset>

          <fieldset className="fieldset" id="instr-reviewCriteria" tabIndex={-1}>
            <legend>{t('plans.instructions.criteria')}</legend>
            <p className="hint">{t('plans.instructions.criteriaHint')}</p>
            {typeof nested.reviewCriteria?.message === 'string' && <p className="field-error">{nested.reviewCriteria.message}</p>}
            {criteria.fields.map((c, n) => (
              <div className="plans-list-row" key={c.rowKey}>
                <TextAreaField
                  id={`instr-criterion-${n}`}
                  label={t('plans.instructions.criterionN', { n: n + 1 })}
                  rows={2}
                  error={nested.reviewCriteria?.[n]?.text?.message}
                  {...f.form.register(`reviewCriteria.${n}.text`)}
                />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('plans.instructions.removeCriterion', { n: n + 1 })}
                  onClick={() => criteria.remove(n)}
                >
                  {t('common.remove')}
                </button>
              </div>
            ))}
            <button type="button" className="button button--secondary button--small" onClick={() => criteria.append({ text: '' })}>
              {t('plans.instructions.addCriterion')}
            </button>
          </fieldset>

          <div className="button-row">
            <button type="submit" className="button">
              {t('plans.instructions.save')}
            </button>
            {i.status === 'draft' && (
              <button type="button" className="button button--secondary" onClick={() => setConfirm(true)}>
                {t('plans.instructions.publish')}
              </button>
            )}
          </div>
        </fieldset>
      </form>
      <ConfirmDialog
        open={confirm}
        title={t('plans.instructions.confirmPublish', { year: i.year })}
        confirmLabel={t('plans.instructions.publish')}
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void publish();
        }}
      >
        <p>{t('plans.instructions.confirmPublishText')}</p>
      </ConfirmDialog>
    </section>
  );
}
