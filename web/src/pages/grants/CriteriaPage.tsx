import { useFieldArray } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ZCriterionInput, ZUpdateCriteriaRequest } from '@shared/modules/grants/schema';
import { ApiError } from '../../api/client';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState } from '../../components/feedback';
import { TextAreaField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { SavingForm, useSavingForm } from '../../components/saving-form';
import { ScrollTable } from '../../components/ScrollTable';
import { CheckboxField } from '../situation/fields';
import type { TGrantCriterion } from './shared';

/** The municipality's democracy criteria: a list for everyone who reads applications, an editor for the central coordinator. */
export function CriteriaPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const criteria = useApiQuery<TGrantCriterion[]>('/api/grant-criteria');
  return (
    <>
      <p>
        <Link to="/samverkan/bidrag">{t('grants.title')}</Link>
      </p>
      <PageHeading title={t('grants.criteria.title')}>{t('grants.criteria.title')}</PageHeading>
      <p className="lead">{t('grants.criteria.lead')}</p>
      <QueryState query={criteria}>
        {(list) => (
          <>
            {list.length === 0 ? <EmptyState>{t('grants.vetting.noCriteria')}</EmptyState> : <CriteriaTable criteria={list} />}
            {can('grant_criteria.update') && <CriteriaForm criteria={list} />}
          </>
        )}
      </QueryState>
    </>
  );
}

function CriteriaTable({ criteria }: { criteria: TGrantCriterion[] }) {
  const { t } = useTranslation();
  const yesNo = (b: boolean) => (b ? t('grants.criteria.yes') : t('grants.criteria.no'));
  return (
    <ScrollTable label={t('grants.criteria.caption')}>
      <table className="table">
        <caption>{t('grants.criteria.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grants.criteria.label')}</th>
            <th scope="col">{t('grants.criteria.description')}</th>
            <th scope="col">{t('grants.criteria.active')}</th>
            <th scope="col">{t('grants.criteria.required')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.label}</th>
              <td>{c.description}</td>
              <td>{yesNo(c.active)}</td>
              <td>{yesNo(c.required)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** A key made from a label: lower-case a–z, digits and underscores, starting with a letter (Jämställdhet → jamstalldhet). */
export function keyFromLabel(label: string): string {
  const key = label
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return key.length >= 2 ? key : `kriterium_${key}`.replace(/_+$/, '');
}

// The form's rows: the request's own fields; a new row's key may be left blank (made from the label at save).
const ZCriteriaForm = z.object({
  criteria: z.array(ZCriterionInput.extend({ key: z.string(), isNew: z.boolean().optional(), description: z.string() })),
});
type Row = z.input<typeof ZCriteriaForm>['criteria'][number];

/** Every criterion's error under its own field (`criteria.<n>.<field>`), so the summary links to each. */
function rowErrors(errors: unknown, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  if (!errors || typeof errors !== 'object') return out;
  for (const [k, v] of Object.entries(errors)) {
    if (k === 'ref' || k === 'type' || k === 'types') continue;
    if (k === 'message' && typeof v === 'string') out[prefix.replace(/\.$/, '') || 'criteria'] ??= v;
    else if (k !== 'message') Object.assign(out, rowErrors(v, `${prefix}${k}.`));
  }
  return out;
}

/** The central coordinator edits the criteria: label, description, in use, required; and adds new ones. */
function CriteriaForm({ criteria }: { criteria: TGrantCriterion[] }) {
  const { t } = useTranslation();
  const rows: Row[] = criteria.map((c) => ({ key: c.key, label: c.label, description: c.description, active: c.active, required: c.required }));
  const f = useSavingForm(ZCriteriaForm, { idPrefix: 'crit', defaultValues: { criteria: rows } }, ['/api/grant-criteria', '/api/grant-applications', '/api/reports']);
  const { fields, append } = useFieldArray({ control: f.form.control, name: 'criteria' });
  const errors = rowErrors(f.form.formState.errors);

  const submit = f.submit(async (v) => {
    // The keys made from labels are checked as the server checks them before anything is sent.
    const checked = ZUpdateCriteriaRequest.safeParse({
      criteria: v.criteria.map(({ isNew: _, ...c }) => ({ ...c, key: c.key.trim() || keyFromLabel(c.label), description: c.description || null })),
    } satisfies z.input<typeof ZUpdateCriteriaRequest>);
    if (!checked.success) {
      for (const issue of checked.error.issues) f.form.setError(issue.path.join('.') as never, { type: 'client', message: issue.message });
      return;
    }
    const body = checked.data;
    try {
      const saved = (await f.save.mutateAsync({ method: 'PUT', path: '/api/grant-criteria', body })) as TGrantCriterion[];
      f.form.reset({ criteria: saved.map((c) => ({ key: c.key, label: c.label, description: c.description, active: c.active, required: c.required })) });
    } catch (err) {
      if (!(err instanceof ApiError) || !err.body.fields?.length) throw err;
      for (const p of err.body.fields) f.form.setError(p.field as never, { type: 'server', message: p.message });
    }
  });

  const id = (n: number, name: string) => `crit-criteria.${n}.${name}`;
  return (
    <section className="panel" aria-labelledby="crit-heading">
      <SavingForm
        form={{ ...f, errors }}
        onSubmit={submit}
        labelledBy="crit-heading"
        heading={<h2 id="crit-heading">{t('grants.criteria.edit')}</h2>}
        submitLabel={t('grants.criteria.save')}
        savedNotice={t('grants.criteria.saved')}
      >
        <div id="crit-criteria" tabIndex={-1}>
          {fields.map((row, n) => {
            const isNew = (row as Row).isNew;
            return (
              <fieldset key={row.id} className="fieldset grants-criterion-edit">
                <legend>{isNew ? t('grants.criteria.newCriterion') : t('grants.criteria.criterionN', { n: n + 1, label: row.label })}</legend>
                {!isNew && <p className="hint">{t('grants.criteria.keyLine', { key: row.key })}</p>}
                <TextField id={id(n, 'label')} label={t('grants.criteria.label')} maxLength={200} error={errors[`criteria.${n}.label`]} {...f.form.register(`criteria.${n}.label`)} />
                {isNew && (
                  <TextField id={id(n, 'key')} label={t('grants.criteria.key')} hint={t('grants.criteria.keyHint')} maxLength={40} error={errors[`criteria.${n}.key`]} {...f.form.register(`criteria.${n}.key`)} />
                )}
                <TextAreaField
                  id={id(n, 'description')}
                  label={t('grants.criteria.description')}
                  rows={2}
                  maxLength={2000}
                  error={errors[`criteria.${n}.description`]}
                  {...f.form.register(`criteria.${n}.description`)}
                />
                <CheckboxField id={id(n, 'active')} label={t('grants.criteria.active')} {...f.form.register(`criteria.${n}.active`)} />
                <CheckboxField id={id(n, 'required')} label={t('grants.criteria.required')} {...f.form.register(`criteria.${n}.required`)} />
              </fieldset>
            );
          })}
        </div>
        <p>
          <button type="button" className="button button--secondary" onClick={() => append({ key: '', label: '', description: '', active: true, required: false, isNew: true })}>
            {t('grants.criteria.add')}
          </button>
        </p>
      </SavingForm>
    </section>
  );
}
