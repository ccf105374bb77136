import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { ConfirmDialog, EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, errorsFrom, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { currentYear, TextAreaField, type TInstruction } from './shared';

const ACTIVITY_FIELDS = ['title', 'description', 'measureArea', 'perspective', 'guidelineElementIds', 'responsible', 'partners', 'timeline', 'followUp', 'indicators'];

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

/** Plan instructions per year: read by everyone, written and published by the central coordinator. */
export function InstructionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const central = can('plan_instructions.update');
  const list = useQuery<TInstruction[]>('/api/plan-instructions');
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const chosen = list.data?.find((i) => i.id === selected) ?? list.data?.find((i) => i.year === currentYear()) ?? list.data?.[0];

  return (
    <>
      <p>
        <Link to="/planer">{t('plans.back')}</Link>
      </p>
      <PageHeading title={t('plans.instructions.title')}>{t('plans.instructions.title')}</PageHeading>
      <p className="lead">{t('plans.instructions.lead')}</p>
      {notice && <Notice>{notice}</Notice>}
      {list.loading && <Loading />}
      {list.error && <LoadError message={list.error.message} />}
      {list.data?.length === 0 && <EmptyState>{t('plans.instructions.empty')}</EmptyState>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('plans.instructions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.year')}</th>
                <th scope="col">{t('plans.statusLabel')}</th>
                <th scope="col">{t('plans.instructions.deadline')}</th>
                <th scope="col">{t('plans.instructions.sectionCount')}</th>
                <th scope="col">{t('plans.instructions.criteriaCount')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <button type="button" className="button button--secondary button--small" aria-pressed={chosen?.id === i.id} onClick={() => setSelected(i.id)}>
                      {t('plans.instructions.show', { year: i.year })}
                    </button>
                  </th>
                  <td>
                    <span className={`tag ${i.status === 'published' ? 'tag--ok' : ''}`}>{t(`plans.instructions.statuses.${i.status}`)}</span>
                  </td>
                  <td>{i.deadline ?? '–'}</td>
                  <td>{i.sections.length}</td>
                  <td>{i.reviewCriteria.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chosen &&
        (central ? (
          <InstructionEditor
            key={chosen.id + chosen.updatedAt}
            instruction={chosen}
            onSaved={async (message) => {
              setNotice(message);
              await list.reload();
            }}
          />
        ) : (
          <InstructionView instruction={chosen} />
        ))}
      {central && (
        <CreateInstruction
          onCreated={async (i) => {
            setNotice(t('plans.instructions.created', { year: i.year }));
            await list.reload();
            setSelected(i.id);
          }}
        />
      )}
    </>
  );
}

function InstructionView({ instruction: i }: { instruction: TInstruction }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="instruction-heading" className="panel">
      <h2 id="instruction-heading">{t('plans.instructions.heading', { year: i.year })}</h2>
      {i.guidance && <p>{i.guidance}</p>}
      <p>{i.deadline ? t('plans.deadline', { date: i.deadline }) : t('plans.overview.noDeadline')}</p>
      <h3>{t('plans.instructions.sections')}</h3>
      <ol>
        {i.sections.map((s) => (
          <li key={s.key}>
            <strong>{s.title}</strong>
            {s.guidance && <p className="plans-small">{s.guidance}</p>}
          </li>
        ))}
      </ol>
      <h3>{t('plans.instructions.fields')}</h3>
      <ul>
        {i.requiredActivityFields.map((f) => (
          <li key={f}>{t(`plans.fields.${f}`)}</li>
        ))}
      </ul>
      <h3>{t('plans.instructions.criteria')}</h3>
      <ol>
        {i.reviewCriteria.map((c) => (
          <li key={c.id}>{c.text}</li>
        ))}
      </ol>
    </section>
  );
}

interface SectionRow {
  key: string;
  title: string;
  guidance: string;
  isNew: boolean;
}

function InstructionEditor({ instruction: i, onSaved }: { instruction: TInstruction; onSaved(message: string): Promise<void> }) {
  const { t } = useTranslation();
  const [deadline, setDeadline] = useState(i.deadline ?? '');
  const [guidance, setGuidance] = useState(i.guidance ?? '');
  const [sections, setSections] = useState<SectionRow[]>(i.sections.map((s) => ({ key: s.key, title: s.title, guidance: s.guidance ?? '', isNew: false })));
  const [fields, setFields] = useState<string[]>(i.requiredActivityFields);
  const [criteria, setCriteria] = useState<{ id?: string; text: string }[]>(i.reviewCriteria);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState(false);

  useEffect(() => setErrors({}), [i.id]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (sections.some((s) => !s.title.trim())) local.sections = t('plans.instructions.sectionTitleMissing');
    if (criteria.some((c) => !c.text.trim())) local.reviewCriteria = t('plans.instructions.criterionMissing');
    setErrors(local);
    if (Object.keys(local).length) return;
    const used = new Set<string>();
    const body = {
      deadline: deadline || null,
      guidance: guidance.trim() || null,
      sections: sections.map((s) => {
        let key = s.isNew ? keyOf(s.title) : s.key;
        while (used.has(key)) key = `${key.slice(0, 37)}_${used.size}`;
        used.add(key);
        return { key, title: s.title.trim(), guidance: s.guidance.trim() || null };
      }),
      requiredActivityFields: fields,
      reviewCriteria: criteria.map((c) => ({ ...(c.id && { id: c.id }), text: c.text.trim() })),
    };
    setSaving(true);
    try {
      await api('PATCH', `/api/plan-instructions/${i.id}`, body);
      await onSaved(t('plans.instructions.saved', { year: i.year }));
    } catch (err) {
      setErrors(errorsFrom(err, ['deadline', 'guidance', 'sections', 'requiredActivityFields', 'reviewCriteria'], 'deadline', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="edit-instruction-heading" className="panel">
      <h2 id="edit-instruction-heading">{t('plans.instructions.editHeading', { year: i.year })}</h2>
      <p>
        <span className={`tag ${i.status === 'published' ? 'tag--ok' : ''}`}>{t(`plans.instructions.statuses.${i.status}`)}</span>
      </p>
      <ErrorSummary errors={errors} idPrefix="instr" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          <TextField id="instr-deadline" type="date" label={t('plans.instructions.deadline')} value={deadline} error={errors.deadline} onChange={(e) => setDeadline(e.target.value)} />
          <TextAreaField id="instr-guidance" label={t('plans.instructions.guidance')} rows={4} value={guidance} error={errors.guidance} onChange={(e) => setGuidance(e.target.value)} />

          <fieldset className="fieldset" id="instr-sections">
            <legend>{t('plans.instructions.sections')}</legend>
            {errors.sections && <p className="field-error">{errors.sections}</p>}
            {sections.map((s, n) => (
              <div className="plans-list-row" key={n} role="group" aria-label={t('plans.instructions.sectionN', { n: n + 1 })}>
                <TextField
                  id={`instr-section-${n}-title`}
                  label={t('plans.instructions.sectionTitle', { n: n + 1 })}
                  value={s.title}
                  onChange={(e) => setSections(sections.map((x, i2) => (i2 === n ? { ...x, title: e.target.value } : x)))}
                />
                <TextField
                  id={`instr-section-${n}-guidance`}
                  label={t('plans.instructions.sectionGuidance', { n: n + 1 })}
                  value={s.guidance}
                  onChange={(e) => setSections(sections.map((x, i2) => (i2 === n ? { ...x, guidance: e.target.value } : x)))}
                />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('plans.instructions.removeSection', { title: s.title || n + 1 })}
                  onClick={() => setSections(sections.filter((_, i2) => i2 !== n))}
                >
                  {t('common.remove')}
                </button>
              </div>
            ))}
            <button type="button" className="button button--secondary button--small" onClick={() => setSections([...sections, { key: '', title: '', guidance: '', isNew: true }])}>
              {t('plans.instructions.addSection')}
            </button>
          </fieldset>

          <fieldset className="fieldset" id="instr-requiredActivityFields">
            <legend>{t('plans.instructions.fields')}</legend>
            {ACTIVITY_FIELDS.map((f) => (
              <div className="plans-radio" key={f}>
                <input type="checkbox" id={`instr-field-${f}`} checked={fields.includes(f)} onChange={(e) => setFields(e.target.checked ? [...fields, f] : fields.filter((x) => x !== f))} />
                <label htmlFor={`instr-field-${f}`}>{t(`plans.fields.${f}`)}</label>
              </div>
            ))}
          </fieldset>

          <fieldset className="fieldset" id="instr-reviewCriteria">
            <legend>{t('plans.instructions.criteria')}</legend>
            <p className="hint">{t('plans.instructions.criteriaHint')}</p>
            {errors.reviewCriteria && <p className="field-error">{errors.reviewCriteria}</p>}
            {criteria.map((c, n) => (
              <div className="plans-list-row" key={n}>
                <TextAreaField
                  id={`instr-criterion-${n}`}
                  label={t('plans.instructions.criterionN', { n: n + 1 })}
                  rows={2}
                  value={c.text}
                  onChange={(e) => setCriteria(criteria.map((x, i2) => (i2 === n ? { ...x, text: e.target.value } : x)))}
                />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('plans.instructions.removeCriterion', { n: n + 1 })}
                  onClick={() => setCriteria(criteria.filter((_, i2) => i2 !== n))}
                >
                  {t('common.remove')}
                </button>
              </div>
            ))}
            <button type="button" className="button button--secondary button--small" onClick={() => setCriteria([...criteria, { text: '' }])}>
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
        onConfirm={async () => {
          setConfirm(false);
          try {
            await api('POST', `/api/plan-instructions/${i.id}/publish`, {});
            await onSaved(t('plans.instructions.published', { year: i.year }));
          } catch (err) {
            setErrors(errorsFrom(err, [], 'deadline', t('common.networkError')));
          }
        }}
      >
        <p>{t('plans.instructions.confirmPublishText')}</p>
      </ConfirmDialog>
    </section>
  );
}

function CreateInstruction({ onCreated }: { onCreated(i: TInstruction): Promise<void> }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(currentYear() + 1));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{4}$/.test(year.trim())) return setErrors({ year: t('plans.create.yearInvalid') });
    setSaving(true);
    try {
      const i = await api<TInstruction>('POST', '/api/plan-instructions', { year: Number(year) });
      setErrors({});
      await onCreated(i);
    } catch (err) {
      setErrors(errorsFrom(err, ['year'], 'year', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }
  return (
    <section aria-labelledby="new-instruction-heading">
      <h2 id="new-instruction-heading">{t('plans.instructions.new')}</h2>
      <p className="hint">{t('plans.instructions.newHint')}</p>
      <ErrorSummary errors={errors} idPrefix="newinstr" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          <div className="inline-fields">
            <TextField id="newinstr-year" label={t('plans.year')} inputMode="numeric" value={year} error={errors.year} onChange={(e) => setYear(e.target.value)} />
            <button type="submit" className="button">
              {t('plans.instructions.create')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
