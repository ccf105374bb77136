import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { describedBy, Described, ErrorSummary, TextAreaField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { isIsoDate, type TAuditReport } from './shared';
import { uploadAttachment } from './upload';

const FIELDS = ['title', 'number', 'caseNumber', 'issuedOn', 'replyDue', 'scope', 'file'];

/** The auditor registers an audit report: its details and the report itself as a file. */
export function NewAuditReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState({ title: '', number: '', caseNumber: '', issuedOn: '', replyDue: '', scope: '' });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState<false | 'upload' | 'save'>(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!form.title.trim()) local.title = t('auditTracking.titleMissing');
    if (!isIsoDate(form.issuedOn)) local.issuedOn = t('auditTracking.issuedMissing');
    if (!isIsoDate(form.replyDue)) local.replyDue = t('auditTracking.replyDueMissing');
    setErrors(local);
    if (Object.keys(local).length) return;
    let stage: 'upload' | 'save' = 'save';
    try {
      const attachmentIds: string[] = [];
      if (file) {
        stage = 'upload';
        setSaving('upload');
        attachmentIds.push((await uploadAttachment(file)).id);
      }
      stage = 'save';
      setSaving('save');
      const report = await api<TAuditReport>('POST', '/api/audit-reports', {
        title: form.title.trim(),
        number: form.number.trim() || null,
        caseNumber: form.caseNumber.trim() || null,
        issuedOn: form.issuedOn,
        replyDue: form.replyDue,
        scope: form.scope.trim() || null,
        attachmentIds,
      });
      navigate(`/revision/${report.id}`);
    } catch (err) {
      const out: FieldErrors = {};
      if (err instanceof ApiError) {
        for (const f of err.body.fields ?? []) {
          const key = FIELDS.find((k) => f.field === k || f.field.startsWith(`${k}.`)) ?? (f.field.startsWith('attachmentIds') ? 'file' : 'title');
          out[key] ??= f.message;
        }
        if (!err.body.fields?.length) out[stage === 'upload' ? 'file' : 'title'] = err.body.message;
      } else out.title = t('common.networkError');
      setErrors(out);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <p>
        <Link to="/revision">{t('auditTracking.title')}</Link>
      </p>
      <PageHeading title={t('auditTracking.newTitle')}>{t('auditTracking.newTitle')}</PageHeading>
      <p className="lead">{t('auditTracking.newLead')}</p>
      <ErrorSummary errors={errors} idPrefix="report" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving !== false} className="plain-fieldset">
          <TextField id="report-title" label={t('auditTracking.fieldTitle')} value={form.title} error={errors.title} maxLength={300} onChange={set('title')} />
          <div className="inline-fields">
            <TextField id="report-number" label={t('auditTracking.fieldNumber')} hint={t('auditTracking.fieldNumberHint')} value={form.number} error={errors.number} maxLength={50} onChange={set('number')} />
            <TextField id="report-caseNumber" label={t('auditTracking.fieldCaseNumber')} value={form.caseNumber} error={errors.caseNumber} maxLength={60} onChange={set('caseNumber')} />
          </div>
          <div className="inline-fields">
            <TextField id="report-issuedOn" type="date" label={t('auditTracking.fieldIssuedOn')} hint={t('auditTracking.dateHint')} value={form.issuedOn} error={errors.issuedOn} onChange={set('issuedOn')} />
            <TextField id="report-replyDue" type="date" label={t('auditTracking.fieldReplyDue')} hint={t('auditTracking.dateHint')} value={form.replyDue} error={errors.replyDue} onChange={set('replyDue')} />
          </div>
          <TextAreaField id="report-scope" label={t('auditTracking.fieldScope')} value={form.scope} error={errors.scope} rows={4} maxLength={4000} onChange={set('scope')} />
          <Described id="report-file" label={t('auditTracking.fieldFile')} hint={t('auditTracking.fieldFileHint')} error={errors.file}>
            <input
              id="report-file"
              name="file"
              type="file"
              accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={describedBy('report-file', t('auditTracking.fieldFileHint'), errors.file)}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Described>
          <button type="submit" className="button">
            {saving === 'upload' ? t('auditTracking.uploading') : saving === 'save' ? t('auditTracking.saving') : t('auditTracking.create')}
          </button>
        </fieldset>
      </form>
    </>
  );
}
