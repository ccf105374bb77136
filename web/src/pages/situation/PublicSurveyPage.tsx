import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../../api/client';
import { Loading } from '../../components/feedback';
import { ErrorSummary, type FieldErrors } from '../../components/form';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageHeading } from '../../components/PageHeading';
import { checkFields } from '../../../../src/domain/personal-data/guard';
import { SCALE_MAX, SCALE_MIN, type AnswerValue } from '../../../../src/domain/situation/survey';
import type { TPublicSurvey, TQuestion } from '../../../../src/modules/situation/schema';
import { heldNames, NameConfirmation, TextAreaField, useNameConfirmation } from './fields';
import './situation.css';

/** The answer page behind a survey link: no login, one answer per link. */
export function PublicSurveyPage() {
  const { t } = useTranslation();
  const { token } = useParams();
  const [survey, setSurvey] = useState<TPublicSurvey | null>(null);
  const [gone, setGone] = useState<{ code: string; message: string } | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const names = useNameConfirmation();

  useEffect(() => {
    get<TPublicSurvey>(`/api/public/surveys/${token}`)
      .then(setSurvey)
      .catch((e) => setGone(e instanceof ApiError ? { code: e.body.code, message: e.body.message } : { code: 'network', message: t('common.networkError') }));
  }, [token, t]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const set = (id: string, v: AnswerValue | undefined) => {
    names.changed();
    setAnswers((a) => {
      const next = { ...a };
      if (v === undefined) delete next[id];
      else next[id] = v;
      return next;
    });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!survey) return;
    const local: FieldErrors = {};
    for (const q of survey.questions) {
      const v = answers[q.id];
      const empty = v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);
      if (q.required && empty) local[q.id] = t('situation.public.required');
      if (q.kind === 'text' && typeof v === 'string') {
        const pd = checkFields({ v }, { subject: 'svaret' })[0];
        if (pd) local[q.id] = pd.message;
      }
    }
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      await api('POST', `/api/public/surveys/${token}`, { answers: Object.entries(answers).map(([questionId, value]) => ({ questionId, value })), ...names.extra });
      setDone(true);
    } catch (err) {
      // A possible name: the words beside the answer and a checkbox to confirm (errors keyed by question id).
      const held = names.errorsFrom(err, survey.questions.map((q) => `answers.${q.id}`), `answers.${survey.questions[0].id}`, t);
      if (heldNames(err)) {
        setErrors(Object.fromEntries(Object.entries(held).map(([k, v]) => [k.replace(/^answers\./, ''), v])));
      } else if (err instanceof ApiError && err.body.fields?.length) {
        const mapped: FieldErrors = {};
        for (const f of err.body.fields) mapped[f.field.replace(/^answers\./, '')] ??= f.message;
        setErrors(mapped);
      } else if (err instanceof ApiError && err.status === 409) {
        setGone({ code: err.body.code, message: err.body.message });
      } else {
        setErrors({ [survey.questions[0].id]: err instanceof ApiError ? err.body.message : t('common.networkError') });
      }
    } finally {
      setSaving(false);
    }
  }

  const title = done ? t('situation.public.thanksTitle') : (survey?.title ?? t('situation.public.title'));
  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="brand">
            Värna <span className="brand__org">{survey?.municipalityName}</span>
          </span>
          <div className="site-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main--narrow">
        {!survey && !gone && <Loading />}
        {gone && (
          <>
            <PageHeading title={t('situation.public.goneTitle')}>{t(`situation.public.gone.${['already_answered', 'expired', 'closed', 'not_found'].includes(gone.code) ? gone.code : 'other'}`)}</PageHeading>
            <p>{gone.message}</p>
          </>
        )}
        {survey && done && (
          <>
            <PageHeading title={title}>{title}</PageHeading>
            <div className="notice" role="status">
              <h2 ref={doneRef} tabIndex={-1}>
                {t('situation.public.thanks')}
              </h2>
              <p>{t('situation.public.thanksText', { board: survey.boardName })}</p>
            </div>
          </>
        )}
        {survey && !done && !gone && (
          <>
            <PageHeading title={title}>{survey.title}</PageHeading>
            <p className="lead">{t('situation.public.from', { board: survey.boardName, municipality: survey.municipalityName })}</p>
            {survey.intro && <p>{survey.intro}</p>}
            <section className="privacy-box" aria-labelledby="public-privacy">
              <h2 id="public-privacy">{t('situation.public.privacyHeading')}</h2>
              <p>{t('situation.public.privacy')}</p>
            </section>
            <ErrorSummary errors={errors} idPrefix="svar" />
            <form onSubmit={submit} noValidate>
              <fieldset disabled={saving} className="plain-fieldset">
                {survey.questions.map((q, i) => (
                  <Question key={q.id} q={q} n={i + 1} value={answers[q.id]} error={errors[q.id]} onChange={(v) => set(q.id, v)} />
                ))}
                <NameConfirmation idPrefix="svar" state={names} />
                <button type="submit" className="button">
                  {t('situation.public.submit')}
                </button>
              </fieldset>
            </form>
          </>
        )}
        <p className="public-footer">{t('situation.public.footer')}</p>
      </main>
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
