import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { ConfirmDialog, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { NameConfirmation, useNameConfirmation } from '../situation/fields';
import { HEADINGS, PeriodNotice, TextAreaField, usePeriodLabel, usePeriodParam, type TBoardFollowUp } from './shared';

type Sections = Record<(typeof HEADINGS)[number], string>;
const empty = (): Sections => Object.fromEntries(HEADINGS.map((h) => [h, ''])) as Sections;

/** The board's consolidated analysis for a period, under guided headings, and "mark the period reported". */
export function AnalysisPage() {
  const { t } = useTranslation();
  const { boardId } = useParams();
  const navigate = useNavigate();
  const [period] = usePeriodParam();
  const label = usePeriodLabel();
  const q = useQuery<TBoardFollowUp>(`/api/followup/boards/${boardId}${period ? `?period=${period}` : ''}`);
  const [sections, setSections] = useState<Sections>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const names = useNameConfirmation();
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const d = q.data;

  useEffect(() => {
    if (!d?.analysis) return;
    setSections(Object.fromEntries(d.analysis.sections.map((s) => [s.key, s.text])) as Sections);
  }, [d]);

  if (q.loading && !d) return <Loading />;
  if (q.error) return <LoadError message={q.error.message} />;
  if (!d) return null;
  const p = d.period;
  const url = `/api/followup/boards/${d.board.id}/analyses/${p.period}`;

  function showError(err: unknown) {
    const keyOf = (field: string) => {
      const key = field.replace(/^sections\./, '');
      return (HEADINGS as readonly string[]).includes(key) ? key : HEADINGS[0];
    };
    const held = names.heldErrors(err, keyOf, t);
    if (held) return setErrors(held);
    const out: FieldErrors = {};
    if (err instanceof ApiError) {
      for (const f of err.body.fields ?? []) out[keyOf(f.field)] ??= f.message;
      if (!err.body.fields?.length) out[HEADINGS[0]] = err.body.message;
    } else out[HEADINGS[0]] = t('common.networkError');
    setErrors(out);
  }

  async function save(e?: FormEvent) {
    e?.preventDefault();
    setNotice(null);
    setSaving(true);
    try {
      await api('PUT', url, { sections, ...names.extra });
      names.clear();
      setErrors({});
      setNotice(t('followup.analysisSaved'));
      return true;
    } catch (err) {
      showError(err);
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function markReported() {
    setConfirm(false);
    if (!(await save())) return;
    try {
      await api('POST', `${url}/reported`);
      navigate(`/uppfoljning/namnd/${d!.board.id}?period=${p.period}`);
    } catch (err) {
      setNotice(null);
      showError(err);
    }
  }

  const title = t('followup.analysisTitle', { period: label(p.period), board: d.board.name });
  return (
    <>
      <p>
        <Link to={`/uppfoljning/namnd/${d.board.id}?period=${p.period}`}>{t('followup.boardTitle', { board: d.board.name })}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('followup.analysisLead')}</p>
      <PeriodNotice period={p} />
      {notice && <Notice>{notice}</Notice>}
      {d.analysis?.reportedAt && <p className="notice">{t('followup.analysisLocked')}</p>}
      {d.canWriteAnalysis && (
        <>
          <ErrorSummary errors={errors} idPrefix="analysis" />
          <form onSubmit={save} noValidate>
            <fieldset disabled={saving} className="plain-fieldset">
              {HEADINGS.map((h) => (
                <TextAreaField
                  key={h}
                  id={`analysis-${h}`}
                  label={t(`followup.headings.${h}`)}
                  hint={t(`followup.headingHints.${h}`)}
                  value={sections[h]}
                  error={errors[h]}
                  rows={4}
                  maxLength={10000}
                  onChange={(e) => {
                    names.changed();
                    setSections((s) => ({ ...s, [h]: e.target.value }));
                  }}
                />
              ))}
              <NameConfirmation idPrefix="analysis" state={names} />
              <div className="button-row">
                <button type="submit" className="button">
                  {saving ? t('followup.saving') : t('followup.analysisSave')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirm(true)}>
                  {t('followup.markReported')}
                </button>
              </div>
            </fieldset>
          </form>
          <ConfirmDialog
            open={confirm}
            title={t('followup.markReportedConfirm', { period: label(p.period) })}
            confirmLabel={t('followup.markReported')}
            onConfirm={() => void markReported()}
            onCancel={() => setConfirm(false)}
          >
            <p>{t('followup.markReportedText')}</p>
          </ConfirmDialog>
        </>
      )}
    </>
  );
}
