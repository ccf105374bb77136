import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZUpdateStrategyRequest } from '@shared/modules/collaboration/schema';
import { useApiQuery } from '../../api/use-query';
import { EmptyState } from '../../components/feedback';
import { TextAreaField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { blankAsNull, orNull, SavingForm, useSavingForm } from '../../components/saving-form';
import { formatDay } from '../../format/dates';
import { BackToCollaboration, COLLAB_READS, IdChoices, useBoardActivities, type TStrategy } from './shared';
import './collaboration.css';

/** A board's civil-society strategy: its goals with the activities that carry them out and their latest follow-up, and the form to write it. */
export function StrategyPage() {
  const { boardId } = useParams();
  const q = useApiQuery<TStrategy>(`/api/civil-society-strategies/${boardId}`);
  return <QueryState query={q}>{(s) => <Strategy strategy={s} />}</QueryState>;
}

function Strategy({ strategy: s }: { strategy: TStrategy }) {
  const { t } = useTranslation();
  const title = t('collab.strategy.title', { board: s.boardName });
  const [openAtFirst] = useState(!s.exists);
  return (
    <>
      <BackToCollaboration />
      <PageHeading title={title}>{title}</PageHeading>
      {!s.exists ? (
        <EmptyState>{t('collab.strategy.missing')}</EmptyState>
      ) : (
        <>
          <dl className="summary-list">
            <div>
              <dt>{t('collab.strategy.adoptedOn')}</dt>
              <dd>{s.adoptedOn ? formatDay(s.adoptedOn) : t('collab.strategy.notAdopted')}</dd>
            </div>
            {s.summary && (
              <div>
                <dt>{t('collab.strategy.summary')}</dt>
                <dd>{s.summary}</dd>
              </div>
            )}
          </dl>
          <h2>{t('collab.strategy.goalsHeading')}</h2>
          <ol className="plain-list">
            {s.goals.map((g, i) => (
              <li key={g.id} className="collab-goal">
                <h3>{t('collab.strategy.goal', { n: i + 1 })}</h3>
                <p>{g.text}</p>
                {g.activities.length === 0 ? (
                  <p>{t('collab.strategy.noActivities')}</p>
                ) : (
                  <ul>
                    {g.activities.map((a) => (
                      <li key={a.id}>
                        {a.planYear}: {a.title} – {t('collab.strategy.latest')}{' '}
                        <StatusTag tone={a.latestStatus === 'done' ? 'ok' : a.latestStatus === 'delayed' || a.latestStatus === 'not_reported' ? 'warn' : 'neutral'}>
                          {t(`collab.status.${a.latestStatus}`)}
                        </StatusTag>
                        {a.latestPeriod && ` (${a.latestPeriod})`}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {s.canEdit && (
        // Open when there is no strategy yet; it stays where it is after the first save, so its notice is read.
        <details className="collab-edit" open={openAtFirst}>
          <summary>{s.exists ? t('collab.strategy.editHeading') : t('collab.strategy.createHeading')}</summary>
          <StrategyForm strategy={s} />
        </details>
      )}
    </>
  );
}

const ZStrategyForm = ZUpdateStrategyRequest.extend({ adoptedOn: blankAsNull(ZUpdateStrategyRequest.shape.adoptedOn) });

function StrategyForm({ strategy: s }: { strategy: TStrategy }) {
  const { t } = useTranslation();
  const activities = useBoardActivities(s.boardId);
  const f = useSavingForm(
    ZStrategyForm,
    {
      idPrefix: 'strategy',
      defaultValues: {
        adoptedOn: s.adoptedOn ?? '',
        summary: s.summary ?? '',
        goals: s.goals.length ? s.goals.map((g) => ({ id: g.id, text: g.text, activityIds: g.activities.map((a) => a.id) })) : [{ text: '', activityIds: [] }],
      },
    },
    COLLAB_READS,
  );
  const goals = useFieldArray({ control: f.form.control, name: 'goals' });
  const nested = f.form.formState.errors.goals;
  const submit = f.submit(async (v) => {
    await f.save.mutateAsync({ method: 'PUT', path: `/api/civil-society-strategies/${s.boardId}`, body: { ...v, summary: orNull(v.summary) } });
  });
  const heading = s.exists ? t('collab.strategy.editHeading') : t('collab.strategy.createHeading');

  return (
    <section className="panel" aria-labelledby="strategy-form-heading">
      <SavingForm
        form={f}
        onSubmit={submit}
        labelledBy="strategy-form-heading"
        heading={<h2 id="strategy-form-heading">{heading}</h2>}
        submitLabel={t('collab.strategy.save')}
        savedNotice={t('collab.strategy.saved')}
      >
        <TextField type="date" label={t('collab.strategy.adoptedOnField')} hint={t('collab.dateHint')} {...f.field('adoptedOn')} />
        <TextAreaField label={t('collab.strategy.summaryField')} rows={3} maxLength={4000} {...f.field('summary')} />
        <div id="strategy-goals" tabIndex={-1}>
          {goals.fields.map((field, i) => {
            const chosen = f.form.watch(`goals.${i}.activityIds`) ?? [];
            return (
              <fieldset key={field.id} className="fieldset">
                <legend>{t('collab.strategy.goal', { n: i + 1 })}</legend>
                <TextAreaField id={`strategy-goals-${i}-text`} label={t('collab.strategy.goalText', { n: i + 1 })} rows={2} maxLength={1000} error={nested?.[i]?.text?.message} {...f.form.register(`goals.${i}.text`)} />
                <IdChoices
                  idPrefix="strategy"
                  name={`goals-${i}-activityIds`}
                  legend={t('collab.strategy.goalActivities', { n: i + 1 })}
                  options={activities}
                  chosen={chosen}
                  onChange={(ids) => f.form.setValue(`goals.${i}.activityIds`, ids)}
                  empty={t('collab.agreementForm.noActivities')}
                />
                {goals.fields.length > 1 && (
                  <button type="button" className="button button--secondary" onClick={() => goals.remove(i)}>
                    {t('collab.strategy.removeGoal', { n: i + 1 })}
                  </button>
                )}
              </fieldset>
            );
          })}
          <p>
            <button type="button" className="button button--secondary" onClick={() => goals.append({ text: '', activityIds: [] })}>
              {t('collab.strategy.addGoal')}
            </button>
          </p>
        </div>
      </SavingForm>
    </section>
  );
}
