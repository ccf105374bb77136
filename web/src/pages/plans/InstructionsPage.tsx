import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZCreateInstructionRequest } from '@shared/modules/plans/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { asNumber } from '../../components/form-errors';
import { EmptyState, Notice } from '../../components/feedback';
import { ErrorSummary, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { INSTRUCTION_READS, InstructionEditor } from './InstructionEditor';
import { currentYear, type TInstruction } from './shared';

/** Plan instructions per year: read by everyone, written and published by the central coordinator. */
export function InstructionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const central = can('plan_instructions.update');
  const list = useApiQuery<TInstruction[]>('/api/plan-instructions');
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
      <QueryState query={list}>
        {(instructions) =>
          instructions.length === 0 ? (
            <EmptyState>{t('plans.instructions.empty')}</EmptyState>
          ) : (
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
                  {instructions.map((i) => (
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
          )
        }
      </QueryState>
      {chosen &&
        (central ? <InstructionEditor key={chosen.id + chosen.updatedAt} instruction={chosen} onSaved={setNotice} /> : <InstructionView instruction={chosen} />)}
      {central && (
        <CreateInstruction
          onCreated={(i) => {
            setNotice(t('plans.instructions.created', { year: i.year }));
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

function CreateInstruction({ onCreated }: { onCreated(i: TInstruction): void }) {
  const { t } = useTranslation();
  const save = useApiMutation<TInstruction>(INSTRUCTION_READS);
  const f = useApiForm(ZCreateInstructionRequest.pick({ year: true }), { idPrefix: 'newinstr', defaultValues: { year: currentYear() + 1 } });
  const submit = f.onSubmit(async (body) => {
    const created = await save.mutateAsync({ method: 'POST', path: '/api/plan-instructions', body });
    onCreated(created);
  });
  return (
    <section aria-labelledby="new-instruction-heading">
      <h2 id="new-instruction-heading">{t('plans.instructions.new')}</h2>
      <p className="hint">{t('plans.instructions.newHint')}</p>
      <ErrorSummary errors={f.errors} idPrefix="newinstr" focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving} className="plain-fieldset">
          <div className="inline-fields">
            <TextField label={t('plans.year')} inputMode="numeric" {...f.field('year', { setValueAs: asNumber })} />
            <button type="submit" className="button">
              {t('plans.instructions.create')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
