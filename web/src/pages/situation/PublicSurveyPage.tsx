import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { checkAnswers, SCALE_MAX, SCALE_MIN, type AnswerValue } from '@shared/domain/situation/survey';
import { ZAnswerRequest, type TPublicSurvey, type TQuestion } from '@shared/modules/situation/schema';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { ErrorSummary, type FieldErrors } from '../../components/form';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { NameConfirmation, TextAreaField, useNameConfirmation } from './fields';
import './situation.css';

interface Gone {
  code: string;
  message: string;
}

/** The answer page behind a survey link: no login, one answer per link. */
export function PublicSurveyPage() {
  const { t } = useTranslation();
  const { token } = useParams();
  const survey = useApiQuery<TPublicSurvey>(`/api/public/surveys/${token}`);
  const [gone, setGone] = useState<Gone | null>(null);
  const [done, setDone] = useState(false);
  // A link already used, expired or closed is its own page, not an error message.
  const shown = done ? null : (gone ?? (survey.error ? { code: survey.error.body?.code ?? 'network', message: survey.error.message } : null));
  const s = survey.data;

  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="brand">
            Värna <span className="brand__org">{s?.municipalityName}</span>
          </span>
          <div className="site-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main--narrow">
        {shown ? (
          <>
            <PageHeading title={t('situation.public.goneTitle')}>{t(`situation.public.gone.${['already_answered', 'expired', 'closed', 'not_found'].includes(shown.code) ? shown.code : 'other'}`)}</PageHeading>
            <p>{shown.message}</p>
          </>
        ) : (
          <QueryState query={survey}>{(data) => (done ? <Thanks survey={data} /> : <AnswerForm token={token!} survey={data} onDone={() => setDone(true)} onGone={setGone} />)}</QueryState>
        )}
      </main>
      {/* After <main>, which is at least a screen high: the footer never moves while the survey loads. */}
      <footer className="site-footer">
        <p>{t('situation.public.footer')}</p>
      </footer>
    </>
  );
}

function Thanks({ survey }: { survey: TPublicSurvey }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const title = t('situation.public.thanksTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div className="notice" role="status">
        <h2 ref={ref} tabIndex={-1}>
          {t('situation.public.thanks')}
        </h2>
        <p>{t('situation.public.thanksText', { board: survey.boardName })}</p>
      </div>
    </>
  );
}

/** The request's schema with the survey's own rules (required questions, answer shapes, the personal-data guard), as the server checks them. */
function answerSchema(questions: TQuestion[]) {
  return ZAnswerRequest.superRefine((v, ctx) => {
    const given = v.answers ?? [];
    const checked = checkAnswers(questions, given);
    for (const p of [...checked.problems, ...checked.personalData]) {
      const i = given.findIndex((a) => `answers.${a.questionId}` === p.field);
      ctx.addIssue({ code: 'custom', path: i < 0 ? ['answers'] : ['answers', i, 'value'], message: p.message });
    }
  });
}

function AnswerForm({ token, survey, onDone, onGone }: { token: string; survey: TPublicSurvey; onDone(): void; onGone(g: Gone): void }) {
  const { t } = useTranslation();
  const names = useNameConfirmation();
  // Nothing the respondent can reach reads again after an answer: the link is used up.
  const answer = useApiMutation([]);
  const [schema] = useState(() => answerSchema(survey.questions));
  const f = useApiForm(schema, { idPrefix: 'svar', defaultValues: { answers: survey.questions.map((q) => ({ questionId: q.id, value: null })) } });
  const values = f.form.watch('answers');
  const indexOf = (field: string) => survey.questions.findIndex((q) => `answers.${q.id}` === field);
  const pathOf = (field: string) => (indexOf(field) < 0 ? 'answers' : `answers.${indexOf(field)}.value`);

  const submit = f.onSubmit(
    names.guard(
      f.form,
      async (body) => {
        try {
          await answer.mutateAsync({ method: 'POST', path: `/api/public/surveys/${token}`, body: { ...body, ...names.extra } });
          onDone();
        } catch (err) {
          if (!(err instanceof ApiError) || err.body.code === 'personal_data_possible') throw err;
          if (err.status === 409) return onGone({ code: err.body.code, message: err.body.message });
          if (!err.body.fields?.length) throw err;
          for (const field of err.body.fields) f.form.setError(pathOf(field.field) as never, { type: 'server', message: field.message });
        }
      },
      pathOf,
    ),
  );

  // One summary entry per question, linked to its first control (`svar-<question id>`), then the confirmation.
  const nested = f.form.formState.errors.answers;
  const errors: FieldErrors = {};
  survey.questions.forEach((q, i) => {
    errors[q.id] = nested?.[i]?.value?.message ?? (i === 0 ? (nested?.message ?? nested?.root?.message) : undefined);
  });
  errors[names.confirmField] = f.errors[names.confirmField];

  const set = (i: number, v: AnswerValue | null) => {
    names.changed();
    f.form.setValue(`answers.${i}.value`, v, { shouldDirty: true });
  };

  return (
    <>
      <PageHeading title={survey.title}>{survey.title}</PageHeading>
      <p className="lead">{t('situation.public.from', { board: survey.boardName, municipality: survey.municipalityName })}</p>
      {survey.intro && <p>{survey.intro}</p>}
      <section className="privacy-box" aria-labelledby="public-privacy">
        <h2 id="public-privacy">{t('situation.public.privacyHeading')}</h2>
        <p>{t('situation.public.privacy')}</p>
      </section>
      <ErrorSummary errors={errors} idPrefix="svar" focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving} className="plain-fieldset">
          {survey.questions.map((q, i) => (
            <Question key={q.id} q={q} n={i + 1} value={values[i]?.value ?? undefined} error={errors[q.id]} onChange={(v) => set(i, v ?? null)} />
          ))}
          <NameConfirmation idPrefix="svar" state={names} />
          <button type="submit" className="button">
            {t('situation.public.submit')}
          </button>
        </fieldset>
      </form>
    </>
  );
}

function Question({ q, n, value, error, onChange }: { q: TQuestion; n: number; value: AnswerValue | undefined; error?: string; onChange(v: AnswerValue | undefined): void }) {
  const { t } = useTranslation();
  const id = `svar-${q.id}`;
  const legend = (
    <>
      {n}. {q.text} {q.required ? <span className="hint">({t('situation.public.requiredMark')})</span> : <span className="hint">({t('situation.public.optional')})</span>}
    </>
  );
  const errorText = error && (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">{t('form.errorPrefix')}</span> {error}
    </p>
  );
  if (q.kind === 'text') {
    return (
      <div className="question">
        <TextAreaField id={id} label={legend} hint={t('situation.guard.hint')} value={(value as string) ?? ''} error={error} guard guardSubject="svaret" rows={4} maxLength={2000} onChange={(e) => onChange(e.target.value)} />
      </div>
    );
  }
  const options: { label: string; v: number | boolean }[] =
    q.kind === 'yes_no'
      ? [
          { label: t('situation.results.yes'), v: true },
          { label: t('situation.results.no'), v: false },
        ]
      : q.kind === 'scale'
        ? Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => ({ label: String(SCALE_MIN + i), v: SCALE_MIN + i }))
        : q.options.map((label, i) => ({ label, v: i }));
  const multiple = q.kind === 'choice' && q.multiple;
  const picked = (v: number | boolean) => (multiple ? Array.isArray(value) && value.includes(v as number) : value === v);
  return (
    <fieldset className={`question${error ? ' field--error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {q.kind === 'scale' && <p className="hint">{t('situation.public.scaleHint', { min: SCALE_MIN, max: SCALE_MAX })}</p>}
      {multiple && <p className="hint">{t('situation.public.multipleHint')}</p>}
      {errorText}
      <div className="radio-row">
        {options.map((o, i) => (
          <label key={String(o.v)} htmlFor={i === 0 ? id : `${id}-${i}`}>
            <input
              id={i === 0 ? id : `${id}-${i}`}
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              checked={picked(o.v)}
              onChange={(e) => {
                if (!multiple) return onChange(o.v);
                const current = Array.isArray(value) ? value : [];
                onChange(e.target.checked ? [...current, o.v as number] : current.filter((x) => x !== o.v));
              }}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
