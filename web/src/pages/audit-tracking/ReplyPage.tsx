import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { Loading, LoadError, Notice } from '../../components/feedback';
import { Described, describedBy, ErrorSummary, TextAreaField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import type { TMeasureTargets } from '@shared/modules/audit-tracking/schema';
import { AddMeasureForm, MeasureStatusForm } from './MeasureForms';
import { MeasureLink, MeasureStatusTag, OverdueTag, ReplyStatusTag, dayOf, isIsoDate, useReportTitle, type TAuditReport, type TReply } from './shared';
import { uploadAttachment } from './upload';
import './audit-tracking.css';

/** One board's reply to an audit report: per recommendation the answer, the decision and the measures. */
export function ReplyPage() {
  const { t } = useTranslation();
  const { id, boardId } = useParams();
  const { can } = useSession();
  const q = useQuery<TAuditReport>(`/api/audit-reports/${id}`);
  const mayAdd = !!boardId && can('audit_measures.create', boardId);
  const targets = useQuery<TMeasureTargets>(mayAdd ? `/api/boards/${boardId}/audit-measure-targets` : null);
  const title = useReportTitle();
  if (q.loading && !q.data) return <Loading />;
  if (q.error) return <LoadError message={q.error.message} />;
  const r = q.data;
  if (!r) return null;
  const items = r.recommendations.flatMap((c) => {
    const reply = c.replies.find((x) => x.boardId === boardId);
    return reply ? [{ c, reply }] : [];
  });
  const boardName = items[0]?.reply.boardName ?? '';
  const reload = async () => {
    await q.reload();
    await targets.reload();
  };

  return (
    <>
      <p>
        <Link to={`/revision/${r.id}`}>{t('auditTracking.backToReport')}</Link>
      </p>
      <PageHeading title={t('auditTracking.replyTitle', { board: boardName })}>{t('auditTracking.replyTitle', { board: boardName })}</PageHeading>
      <p className="lead">
        {title(r)} · {t('auditTracking.replyDue')}: {r.replyDue}
      </p>
      {items.some((x) => x.reply.can.reply) && <p>{t('auditTracking.replyLead')}</p>}
      {items.some((x) => x.reply.replied) && (
        <p>
          <a href={`/api/audit-reports/${r.id}/replies/${boardId}/document`}>{t('auditTracking.download')}</a>
        </p>
      )}
      {items.map(({ c, reply }) => (
        <section key={c.id} className="panel" aria-labelledby={`rec-${c.id}`}>
          <h2 id={`rec-${c.id}`}>
            {t('auditTracking.recommendationN', { n: c.position })} <ReplyStatusTag status={reply.status} />
            <OverdueTag overdue={reply.overdue} />
          </h2>
          <p>{c.text}</p>
          {reply.can.reply ? (
            <ReplyForm recommendationId={c.id} boardId={reply.boardId} reply={reply} idPrefix={`reply-${c.position}`} onSaved={reload} />
          ) : reply.replied ? (
            <>
              <h3>{t('auditTracking.replyText')}</h3>
              <p>{reply.text}</p>
              <p className="hint">{reply.decidedOn ? t('auditTracking.decided', { date: reply.decidedOn, paragraph: reply.paragraph ? `, ${reply.paragraph}` : '' }) : t('auditTracking.draft')}</p>
            </>
          ) : (
            <p>{t('auditTracking.noReply')}</p>
          )}

          <h3>{t('auditTracking.measures')}</h3>
          {reply.measures.length === 0 && <p>{t('auditTracking.noMeasures')}</p>}
          <ul className="plain-list">
            {reply.measures.map((m, n) => (
              <li key={m.id} className="at-reply">
                <h4>
                  {m.title} <MeasureStatusTag measure={m} />
                  <OverdueTag overdue={m.overdue} />
                </h4>
                <dl className="summary-list">
                  <div>
                    <dt>{t('auditTracking.responsible')}</dt>
                    <dd>{m.responsible ?? '–'}</dd>
                  </div>
                  <div>
                    <dt>{t('auditTracking.dueOn')}</dt>
                    <dd>{m.dueOn}</dd>
                  </div>
                  <div>
                    <dt>{t('auditTracking.link')}</dt>
                    <dd>
                      <MeasureLink measure={m} />
                    </dd>
                  </div>
                </dl>
                {m.history.length > 0 && (
                  <details>
                    <summary>{t('auditTracking.history')}</summary>
                    <ul>
                      {m.history.map((h) => (
                        <li key={h.at}>
                          {t('auditTracking.historyEntry', { period: h.period, status: t(`auditTracking.measureStatuses.${h.status}`), name: h.actorName, date: dayOf(h.at) })}
                          {h.comment ? ` – ${h.comment}` : ''}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {can('audit_measures.update', reply.boardId) && <MeasureStatusForm measureId={m.id} title={m.title} current={m.status} idPrefix={`m-${c.position}-${n + 1}`} onSaved={reload} />}
              </li>
            ))}
          </ul>
          {mayAdd && targets.data && <AddMeasureForm recommendationId={c.id} boardId={reply.boardId} targets={targets.data} idPrefix={`add-${c.position}`} onSaved={reload} />}
        </section>
      ))}
    </>
  );
}

function ReplyForm({ recommendationId, boardId, reply, idPrefix, onSaved }: { recommendationId: string; boardId: string; reply: TReply; idPrefix: string; onSaved(): Promise<void> }) {
  const { t } = useTranslation();
  const initial = () => ({ text: reply.text ?? '', decidedOn: reply.decidedOn ?? '', paragraph: reply.paragraph ?? '', caseNumber: reply.caseNumber ?? '' });
  const [form, setForm] = useState(initial);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(initial()), [reply.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (k: keyof ReturnType<typeof initial>) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const local: FieldErrors = {};
    if (!form.text.trim()) local.text = t('auditTracking.answerMissing');
    if (form.decidedOn && !isIsoDate(form.decidedOn)) local.decidedOn = t('auditTracking.decidedOnHint');
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    let stage: 'upload' | 'save' = 'save';
    try {
      const attachmentIds = reply.attachments.map((a) => a.id);
      if (file) {
        stage = 'upload';
        attachmentIds.push((await uploadAttachment(file)).id);
        stage = 'save';
      }
      await api('PUT', `/api/recommendations/${recommendationId}/replies/${boardId}`, {
        text: form.text.trim(),
        decidedOn: form.decidedOn || null,
        paragraph: form.paragraph.trim() || null,
        caseNumber: form.caseNumber.trim() || null,
        attachmentIds,
      });
      setFile(null);
      setFileKey((k) => k + 1);
      setSaved(true);
      await onSaved();
    } catch (err) {
      const out: FieldErrors = {};
      if (err instanceof ApiError) {
        for (const f of err.body.fields ?? []) out[['text', 'decidedOn', 'paragraph', 'caseNumber', 'file'].includes(f.field) ? f.field : f.field.startsWith('attachmentIds') ? 'file' : 'text'] ??= f.message;
        if (!err.body.fields?.length) out[stage === 'upload' ? 'file' : 'text'] = err.body.message;
      } else out.text = t('common.networkError');
      setErrors(out);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      {saved && <Notice>{t('auditTracking.replySaved')}</Notice>}
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <fieldset disabled={saving} className="plain-fieldset">
        <TextAreaField id={`${idPrefix}-text`} label={t('auditTracking.answer')} value={form.text} error={errors.text} rows={5} maxLength={20000} onChange={set('text')} />
        <div className="inline-fields">
          <TextField id={`${idPrefix}-decidedOn`} type="date" label={t('auditTracking.decidedOn')} hint={t('auditTracking.decidedOnHint')} value={form.decidedOn} error={errors.decidedOn} onChange={set('decidedOn')} />
          <TextField id={`${idPrefix}-paragraph`} label={t('auditTracking.paragraph')} hint={t('auditTracking.paragraphHint')} value={form.paragraph} error={errors.paragraph} maxLength={40} onChange={set('paragraph')} />
          <TextField id={`${idPrefix}-caseNumber`} label={t('auditTracking.replyCase')} value={form.caseNumber} error={errors.caseNumber} maxLength={60} onChange={set('caseNumber')} />
        </div>
        {reply.attachments.length > 0 && (
          <p>
            {t('auditTracking.attachments')}:{' '}
            {reply.attachments.map((a, n) => (
              <span key={a.id}>
                {n > 0 && ', '}
                <a href={`/api/attachments/${a.id}`} download={a.name}>
                  {a.name}
                </a>
              </span>
            ))}
          </p>
        )}
        <Described id={`${idPrefix}-file`} label={t('auditTracking.replyFile')} hint={t('auditTracking.fieldFileHint')} error={errors.file}>
          <input
            key={fileKey}
            id={`${idPrefix}-file`}
            name="file"
            type="file"
            accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={describedBy(`${idPrefix}-file`, t('auditTracking.fieldFileHint'), errors.file)}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Described>
        <button type="submit" className="button">
          {saving ? t('auditTracking.saving') : t('auditTracking.saveReply')}
        </button>
      </fieldset>
    </form>
  );
}
