import { useMemo } from 'react';
import { useFieldArray, type FieldErrors as FormErrors } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { QUESTION_KINDS, type QuestionKind } from '@shared/domain/situation/survey';
import { ZCreateSurveyRequest, ZQuestionInput, ZUpdateSurveyRequest, type TSurvey } from '@shared/modules/situation/schema';
import type { TBoard } from '../../api/types';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../../components/form';
import { asNumber } from '../../components/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { thisYear, useBoardChoice } from './components';
import { CheckboxField, TextAreaField } from './fields';

const lines = (text: string) =>
  text
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);

/**
 * A question as the form holds it — its options as lines of text — turned into the request's
 * question and checked by the server's own schema; only a choice question keeps options.
 */
type QuestionRequest = z.output<typeof ZQuestionInput>;
const ZQuestionForm = z
  .object({ kind: ZQuestionInput.shape.kind, text: z.string(), options: z.string(), multiple: z.boolean(), required: z.boolean() })
  .transform((q) => ({ ...q, options: q.kind === 'choice' ? lines(q.options) : [], multiple: q.kind === 'choice' && q.multiple }))
  // (zod types a pipe's target by its input, which has the defaults optional: the schema is the same.)
  .pipe(ZQuestionInput as unknown as z.ZodType<QuestionRequest, QuestionRequest>);

/** The questions, with the server's rule that a choice question needs two options (it refuses fewer). */
const questionsSchema = (t: TFunction) =>
  z.array(ZQuestionForm).superRefine((qs, ctx) =>
    qs.forEach((q, i) => {
      if (q.kind === 'choice' && q.options.length < 2) ctx.addIssue({ code: 'custom', path: [i, 'options'], message: t('situation.builder.optionsMissing', { n: i + 1 }) });
    }),
  );

type QuestionDraft = z.input<typeof ZQuestionForm>;
const blank = (kind: QuestionKind = 'yes_no'): QuestionDraft => ({ kind, text: '', options: '', multiple: false, required: false });

/** Build a survey, or change one that is still a draft. */
export function SurveyBuilderPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useApiQuery<TSurvey>(id ? `/api/surveys/${id}` : null);
  const choice = useBoardChoice('surveys.create');
  const heading = id ? t('situation.builder.editTitle') : t('situation.builder.title');

  return (
    <>
      <p>
        <Link to={id ? `/lagesbild/enkater/${id}` : '/lagesbild/enkater'}>{t('situation.builder.back')}</Link>
      </p>
      <PageHeading title={heading}>{heading}</PageHeading>
      <p className="lead">{t('situation.builder.lead')}</p>
      {id ? (
        <QueryState query={existing}>{(s) => <SurveyForm survey={s} />}</QueryState>
      ) : (
        <QueryState query={choice.boards}>{() => <SurveyForm allowed={choice.allowed} board={choice.board} onBoard={(b) => choice.choose({ board: b })} />}</QueryState>
      )}
    </>
  );
}

/** The form on the server's create schema (without the board, which the address chooses); a change sends the same fields but the year. */
const surveyFormSchema = (t: TFunction) => ZCreateSurveyRequest.omit({ boardId: true }).extend({ questions: questionsSchema(t) });

function SurveyForm({ survey, allowed = [], board, onBoard }: { survey?: TSurvey; allowed?: TBoard[]; board?: TBoard; onBoard?(id: string): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useApiMutation<TSurvey>(['/api/surveys', '/api/situation']);
  const schema = useMemo(() => surveyFormSchema(t), [t]);
  const f = useApiForm(schema, {
    idPrefix: 'survey',
    defaultValues: survey
      ? {
          title: survey.title,
          year: survey.year,
          intro: survey.intro ?? '',
          questions: survey.questions.map((q) => ({ kind: q.kind, text: q.text, options: q.options.join('\n'), multiple: q.multiple, required: q.required })),
        }
      : { title: '', year: thisYear(), intro: '', questions: [blank()] },
  });
  const form = f.form;
  const questions = useFieldArray({ control: form.control, name: 'questions' });
  const kinds = form.watch('questions')?.map((q) => q.kind) ?? [];
  const nested = (form.formState.errors.questions ?? []) as FormErrors<QuestionDraft>[] & { message?: string };

  // One summary entry per question's field, linked to it (`survey-q1`, `survey-q1options`).
  const errors: FieldErrors = { ...f.errors, questions: nested.message };
  questions.fields.forEach((_, i) => {
    errors[`q${i}`] = nested[i]?.text?.message;
    errors[`q${i}options`] = nested[i]?.options?.message ?? (nested[i]?.options as unknown as { message?: string }[] | undefined)?.find?.((o) => o?.message)?.message;
  });

  const submit = f.onSubmit(async ({ year, ...body }) => {
    const s = await save.mutateAsync(
      survey ? { method: 'PATCH', path: `/api/surveys/${survey.id}`, body } : { method: 'POST', path: '/api/surveys', body: { ...body, year, boardId: board?.id ?? '' } },
    );
    navigate(`/lagesbild/enkater/${s.id}`, { state: { saved: true } });
  });

  return (
    <>
      <ErrorSummary errors={errors} idPrefix="survey" focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving} className="plain-fieldset">
          {!survey && allowed.length > 1 && (
            <SelectField id="survey-board" label={t('situation.filter.board')} value={board?.id} onChange={(e) => onBoard?.(e.target.value)}>
              {allowed.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
          )}
          <TextField label={t('situation.builder.surveyTitle')} {...f.field('title')} />
          {!survey && <TextField label={t('situation.builder.year')} type="number" min={2000} max={2100} {...f.field('year', { setValueAs: asNumber })} />}
          <TextAreaField label={t('situation.builder.intro')} hint={t('situation.builder.introHint')} rows={3} {...f.field('intro')} />
          <h2 id="survey-questions" tabIndex={-1}>
            {t('situation.builder.questions')}
          </h2>
          {questions.fields.map((field, i) => (
            <fieldset key={field.id} className="question">
              <legend>{t('situation.builder.questionN', { n: i + 1 })}</legend>
              <SelectField id={`survey-q${i}-kind`} label={t('situation.builder.kind')} {...form.register(`questions.${i}.kind`)}>
                {QUESTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`situation.kinds.${k}`)}
                  </option>
                ))}
              </SelectField>
              <TextField id={`survey-q${i}`} label={t('situation.builder.questionText')} error={errors[`q${i}`]} {...form.register(`questions.${i}.text`)} />
              {kinds[i] === 'choice' && (
                <>
                  <TextAreaField
                    id={`survey-q${i}options`}
                    label={t('situation.builder.options')}
                    hint={t('situation.builder.optionsHint')}
                    error={errors[`q${i}options`]}
                    rows={4}
                    {...form.register(`questions.${i}.options`)}
                  />
                  <CheckboxField id={`survey-q${i}-multiple`} label={t('situation.builder.multiple')} {...form.register(`questions.${i}.multiple`)} />
                </>
              )}
              <CheckboxField id={`survey-q${i}-required`} label={t('situation.builder.required')} {...form.register(`questions.${i}.required`)} />
              {questions.fields.length > 1 && (
                <button type="button" className="button button--secondary button--small" onClick={() => questions.remove(i)}>
                  {t('situation.builder.removeQuestion', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => questions.append(blank())}>
              {t('situation.builder.addQuestion')}
            </button>
            <button type="submit" className="button">
              {t('situation.builder.save')}
            </button>
          </div>
        </fieldset>
      </form>
    </>
  );
}
