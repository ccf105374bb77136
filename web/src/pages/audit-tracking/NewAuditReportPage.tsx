import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZCreateAuditReportRequest } from '@shared/modules/audit-tracking/schema';
import { FileField, TextAreaField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { orNull, renamingFields, TrackingForm, useAttachmentUpload, useTrackingForm, ZChosenFile } from './forms';
import type { TAuditReport } from './shared';

const ZNewReportForm = ZCreateAuditReportRequest.omit({ attachmentIds: true }).extend({ file: ZChosenFile });

/** The auditor registers an audit report: its details and the report itself as a file. */
export function NewAuditReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const f = useTrackingForm(ZNewReportForm, { idPrefix: 'report', defaultValues: { title: '', number: '', caseNumber: '', issuedOn: '', replyDue: '', scope: '', file: undefined } });
  const upload = useAttachmentUpload();

  const submit = f.submit(async ({ file, number, caseNumber, scope, ...v }) => {
    const attachmentIds = await upload.idsOf(file);
    const body = { ...v, number: orNull(number), caseNumber: orNull(caseNumber), scope: orNull(scope), attachmentIds };
    let report: TAuditReport;
    try {
      report = (await f.save.mutateAsync({ method: 'POST', path: '/api/audit-reports', body })) as TAuditReport;
    } catch (err) {
      throw renamingFields(err, { attachmentIds: 'file' });
    }
    navigate(`/revision/${report.id}`);
  });

  const fileHint = t('auditTracking.fieldFileHint');
  return (
    <>
      <p>
        <Link to="/revision">{t('auditTracking.title')}</Link>
      </p>
      <PageHeading title={t('auditTracking.newTitle')}>{t('auditTracking.newTitle')}</PageHeading>
      <p className="lead">{t('auditTracking.newLead')}</p>
      <TrackingForm form={f} onSubmit={submit} submitLabel={t('auditTracking.create')} busyLabel={upload.uploading ? t('auditTracking.uploading') : undefined}>
        <TextField label={t('auditTracking.fieldTitle')} maxLength={300} {...f.field('title')} />
        <div className="inline-fields">
          <TextField label={t('auditTracking.fieldNumber')} hint={t('auditTracking.fieldNumberHint')} maxLength={50} {...f.field('number')} />
          <TextField label={t('auditTracking.fieldCaseNumber')} maxLength={60} {...f.field('caseNumber')} />
        </div>
        <div className="inline-fields">
          <TextField type="date" label={t('auditTracking.fieldIssuedOn')} hint={t('auditTracking.dateHint')} {...f.field('issuedOn')} />
          <TextField type="date" label={t('auditTracking.fieldReplyDue')} hint={t('auditTracking.dateHint')} {...f.field('replyDue')} />
        </div>
        <TextAreaField label={t('auditTracking.fieldScope')} rows={4} maxLength={4000} {...f.field('scope')} />
        <FileField id="report-file" label={t('auditTracking.fieldFile')} hint={fileHint} error={f.errors.file} {...f.form.register('file')} />
      </TrackingForm>
    </>
  );
}
