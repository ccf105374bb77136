import { useEffect, useState, type ChangeEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZAnalysisSections, type TSaveAnalysisRequest } from '@shared/modules/followup/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { ConfirmDialog, Notice } from '../../components/feedback';
import { ErrorSummary } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { NameConfirmation, useNameConfirmation } from '../situation/fields';
import { putServerErrors } from './forms';
import { FOLLOWUP_READS, HEADINGS, PeriodNotice, TextAreaField, usePeriodLabel, usePeriodParam, type TBoardFollowUp } from './shared';

const emptySections = () => Object.fromEntries(HEADINGS.map((h) => [h, ''])) as Record<(typeof HEADINGS)[number], string>;
/** An API field as the form's: `sections.general` is the field under that heading. */
const keyOf = (field: string) => {
  const key = field.replace(/^sections\./, '');
  return (HEADINGS as readonly string[]).includes(key) ? key : HEADINGS[0];
};

/** The board's consolidated analysis for a period, under guided headings, and "mark the period reported". */
export function AnalysisPage() {
  const { boardId } = useParams();
  const [period] = usePeriodParam();
  const q = useApiQuery<TBoardFollowUp>(`/api/followup/boards/${boardId}${period ? `?period=${period}` : ''}`);
  return <QueryState query={q}>{(d) => <Analysis d={d} />}</QueryState>;
}

function Analysis({ d }: { d: TBoardFollowUp }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = usePeriodLabel();
  const names = useNameConfirmation();
  const [confirm, setConfirm] = useState(false);
  const p = d.period;
  const url = `/api/followup/boards/${d.board.id}/analyses/${p.period}`;
  const save = useApiMutation(FOLLOWUP_READS);
  const report = useApiMutation(FOLLOWUP_READS);
  const valuesOf = () => ({ ...emptySections(), ...Object.fromEntries((d.analysis?.sections ?? []).map((s) => [s.key, s.text])) });
  const f = useApiForm(ZAnalysisSections, { idPrefix: 'analysis', defaultValues: valuesOf() });
  useEffect(() => f.form.reset(valuesOf()), [d]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Saves the texts; false (with the messages on the fields) when the server refused them. */
  async function saveSections(sections: TSaveAnalysisRequest['sections']) {
    try {
      await save.mutateAsync({ method: 'PUT', path: url, body: { sections, ...names.extra } });
      names.clear();
      return true;
    } catch (err) {
      putServerErrors(f.form, err, names, keyOf, HEADINGS[0], t);
      return false;
    }
  }
  const start = () => {
    save.reset();
    report.reset();
  };
  const submit = f.onSubmit(saveSections);
  const markReported = f.onSubmit(async (sections) => {
    if (!(await saveSections(sections))) return;
    try {
      await report.mutateAsync({ method: 'POST', path: `${url}/reported` });
      navigate(`/uppfoljning/namnd/${d.board.id}?period=${p.period}`);
    } catch (err) {
      putServerErrors(f.form, err, names, keyOf, HEADINGS[0], t);
    }
  });

  /** A checked text changed: a confirmation given for the old text no longer holds. */
  const checked = (h: (typeof HEADINGS)[number]) => {
    const field = f.field(h);
    return { ...field, onChange: (e: ChangeEvent) => (names.changed(), field.onChange(e)) };
  };

  const title = t('followup.analysisTitle', { period: label(p.period), board: d.board.name });
  return (
    <>
      <p>
        <Link to={`/uppfoljning/namnd/${d.board.id}?period=${p.period}`}>{t('followup.boardTitle', { board: d.board.name })}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('followup.analysisLead')}</p>
      <PeriodNotice period={p} />
      {save.isSuccess && !report.isError && <Notice>{t('followup.analysisSaved')}</Notice>}
      {d.analysis?.reportedAt && <p className="notice">{t('followup.analysisLocked')}</p>}
      {d.canWriteAnalysis && (
        <>
          <ErrorSummary errors={f.errors} idPrefix="analysis" focusKey={f.submits} />
          <form
            onSubmit={(e) => {
              start();
              return submit(e);
            }}
            noValidate
          >
            <fieldset disabled={f.saving} className="plain-fieldset">
              {HEADINGS.map((h) => (
                <TextAreaField key={h} label={t(`followup.headings.${h}`)} hint={t(`followup.headingHints.${h}`)} rows={4} maxLength={10000} {...checked(h)} />
              ))}
              <NameConfirmation idPrefix="analysis" state={names} />
              <div className="button-row">
                <button type="submit" className="button">
                  {f.saving ? t('followup.saving') : t('followup.analysisSave')}
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
            onConfirm={() => {
              setConfirm(false);
              start();
              void markReported();
            }}
            onCancel={() => setConfirm(false)}
          >
            <p>{t('followup.markReportedText')}</p>
          </ConfirmDialog>
        </>
      )}
    </>
  );
}
