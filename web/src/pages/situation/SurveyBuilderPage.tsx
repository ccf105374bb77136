import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { Loading, LoadError } from '../../components/feedback';
import { ErrorSummary, errorsFrom, SelectField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QUESTION_KINDS, type QuestionKind } from '../../../../src/domain/situation/survey';
import type { TSurvey } from '../../../../src/modules/situation/schema';
import { thisYear, useBoardChoice } from './components';
import { CheckboxField, TextAreaField } from './fields';

interface Draft {
  key: number;
  kind: QuestionKind;
  text: string;
  options: string;
  multiple: boolean;
  required: boolean;
}

let nextKey = 1;
const blank = (kind: QuestionKind = 'yes_no'): Draft => ({ key: nextKey++, kind, text: '', options: '', multiple: false, required: false });

/** Build a survey, or change one that is still a draft. */
export function SurveyBuilderPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const editing = !!id;
  const existing = useQuery<TSurvey>(editing ? `/api/surveys/${id}` : null);
  const choice = useBoardChoice('surveys.create');
  const [title, setTitle] = useState('');
  const [intro, setIntro] = useState('');
  const [year, setYear] = useState(String(thisYear()));
  const [questions, setQuestions] = useState<Draft[]>([blank()]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const s = existing.data;
    if (!s) return;
    setTitle(s.title);
    setIntro(s.intro ?? '');
    setYear(String(s.year));
    setQuestions(s.questions.map((q) => ({ key: nextKey++, kind: q.kind, text: q.text, options: q.options.join('\n'), multiple: q.multiple, required: q.required })));
  }, [existing.data]);

  const update = (key: number, patch: Partial<Draft>) => setQuestions((qs) => qs.map((q) => (q.key === key ? { ...q, ...patch } : q)));
  const board = editing ? existing.data?.boardId : choice.board?.id;
  const heading = editing ? t('situation.builder.editTitle') : t('situation.builder.title');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!title.trim()) local.title = t('situation.builder.titleMissing');
    questions.forEach((q, i) => {
      if (!q.text.trim()) local[`q${i}`] = t('situation.builder.questionMissing', { n: i + 1 });
      else if (q.kind === 'choice' && q.options.split('\n').filter((o) => o.trim()).length < 2) local[`q${i}options`] = t('situation.builder.optionsMissing', { n: i + 1 });
    });
    setErrors(local);
    if (Object.keys(local).length || !board) return;
    const payload = {
      title: title.trim(),
      intro: intro.trim() || null,
      questions: questions.map((q) => ({
        kind: q.kind,
        text: q.text.trim(),
        options: q.kind === 'choice' ? q.options.split('\n').map((o) => o.trim()).filter(Boolean) : [],
        multiple: q.kind === 'choice' && q.multiple,
        required: q.required,
      })),
    };
    setSaving(true);
    try {
      const s = editing
        ? await api<TSurvey>('PATCH', `/api/surveys/${id}`, payload)
        : await api<TSurvey>('POST', '/api/surveys', { ...payload, boardId: board, year: Number(year) });
      navigate(`/lagesbild/enkater/${s.id}`, { state: { saved: true } });
    } catch (err) {
      const body = (err as { body?: { fields?: { field: string; message: string }[] } }).body;
      const mapped: FieldErrors = {};
      for (const f of body?.fields ?? []) {
        const m = /^questions\.(\d+)(\.options)?/.exec(f.field);
        mapped[m ? `q${m[1]}${m[2] ? 'options' : ''}` : f.field === 'title' ? 'title' : 'title'] ??= f.message;
      }
      setErrors(Object.keys(mapped).length ? mapped : errorsFrom(err, ['title'], 'title', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  if (editing && existing.loading && !existing.data) return <Loading />;
  if (existing.error) return <LoadError message={existing.error.message} />;

  return (
    <>
      <p>
        <Link to={editing ? `/lagesbild/enkater/${id}` : '/lagesbild/enkater'}>{t('situation.builder.back')}</Link>
      </p>
      <PageHeading title={heading}>{heading}</PageHeading>
      <p className="lead">{t('situation.builder.lead')}</p>
      <ErrorSummary errors={errors} idPrefix="survey" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          {!editing && choice.allowed.length > 1 && (
            <SelectField id="survey-board" label={t('situation.filter.board')} value={board} onChange={(e) => choice.choose({ board: e.target.value })}>
              {choice.allowed.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
          )}
          <TextField id="survey-title" label={t('situation.builder.surveyTitle')} value={title} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
          {!editing && <TextField id="survey-year" label={t('situation.builder.year')} type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />}
          <TextAreaField id="survey-intro" label={t('situation.builder.intro')} hint={t('situation.builder.introHint')} value={intro} rows={3} onChange={(e) => setIntro(e.target.value)} />
          <h2>{t('situation.builder.questions')}</h2>
          {questions.map((q, i) => (
            <fieldset key={q.key} className="question">
              <legend>{t('situation.builder.questionN', { n: i + 1 })}</legend>
              <SelectField id={`survey-q${i}-kind`} label={t('situation.builder.kind')} value={q.kind} onChange={(e) => update(q.key, { kind: e.target.value as QuestionKind })}>
                {QUESTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`situation.kinds.${k}`)}
                  </option>
                ))}
              </SelectField>
              <TextField id={`survey-q${i}`} label={t('situation.builder.questionText')} value={q.text} error={errors[`q${i}`]} onChange={(e) => update(q.key, { text: e.target.value })} />
              {q.kind === 'choice' && (
                <>
                  <TextAreaField
                    id={`survey-q${i}options`}
                    label={t('situation.builder.options')}
                    hint={t('situation.builder.optionsHint')}
                    value={q.options}
                    error={errors[`q${i}options`]}
                    rows={4}
                    onChange={(e) => update(q.key, { options: e.target.value })}
                  />
                  <CheckboxField id={`survey-q${i}-multiple`} label={t('situation.builder.multiple')} checked={q.multiple} onChange={(v) => update(q.key, { multiple: v })} />
                </>
              )}
              <CheckboxField id={`survey-q${i}-required`} label={t('situation.builder.required')} checked={q.required} onChange={(v) => update(q.key, { required: v })} />
              {questions.length > 1 && (
                <button type="button" className="button button--secondary button--small" onClick={() => setQuestions((qs) => qs.filter((x) => x.key !== q.key))}>
                  {t('situation.builder.removeQuestion', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => setQuestions((qs) => [...qs, blank()])}>
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
