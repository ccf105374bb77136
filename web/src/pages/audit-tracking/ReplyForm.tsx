import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ZSaveReplyRequest } from '@shared/modules/audit-tracking/schema';
import { FileField, TextAreaField, TextField } from '../../components/form';
import { blankAsNull, orNull, renamingFields, TrackingForm, useAttachmentUpload, useTrackingForm, ZChosenFile } from './forms';
import type { TReply } from './shared';

/** The reply's form: its fields, with the decision date blank until the board has decided, and a file to attach. */
const ZReplyForm = ZSaveReplyRequest.omit({ attachmentIds: true }).extend({ decidedOn: blankAsNull(ZSaveReplyRequest.shape.decidedOn), file: ZChosenFile });

const valuesOf = (reply: TReply) => ({ text: reply.text ?? '', decidedOn: reply.decidedOn ?? '', paragraph: reply.paragraph ?? '', caseNumber: reply.caseNumber ?? '', file: undefined });

/** The board's reply to one recommendation, with its decision (date, paragraph, case number) and attachments. */
export function ReplyForm({ recommendationId, boardId, reply, idPrefix }: { recommendationId: string; boardId: string; reply: TReply; idPrefix: string }) {
  const { t } = useTranslation();
  const f = useTrackingForm(ZReplyForm, { idPrefix, defaultValues: valuesOf(reply) });
  const upload = useAttachmentUpload();
  // A saved reply comes back with a new time: the form shows what was saved, without the sent file.
  useEffect(() => f.form.reset(valuesOf(reply)), [reply.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = f.submit(async ({ file, decidedOn, text, paragraph, caseNumber }) => {
    const attachmentIds = [...reply.attachments.map((a) => a.id), ...(await upload.idsOf(file))];
    const body = { text, decidedOn: decidedOn ?? null, paragraph: orNull(paragraph), caseNumber: orNull(caseNumber), attachmentIds };
    try {
      await f.save.mutateAsync({ method: 'PUT', path: `/api/recommendations/${recommendationId}/replies/${boardId}`, body });
    } catch (err) {
      throw renamingFields(err, { attachmentIds: 'file' });
    }
  });

  const fileId = `${idPrefix}-file`;
  return (
    <TrackingForm form={f} onSubmit={submit} submitLabel={t('auditTracking.saveReply')} savedNotice={t('auditTracking.replySaved')}>
      <TextAreaField label={t('auditTracking.answer')} rows={5} maxLength={20000} {...f.field('text')} />
      <div className="inline-fields">
        <TextField type="date" label={t('auditTracking.decidedOn')} hint={t('auditTracking.decidedOnHint')} {...f.field('decidedOn')} />
        <TextField label={t('auditTracking.paragraph')} hint={t('auditTracking.paragraphHint')} maxLength={40} {...f.field('paragraph')} />
        <TextField label={t('auditTracking.replyCase')} maxLength={60} {...f.field('caseNumber')} />
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
      <FileField key={reply.updatedAt ?? 'new'} id={fileId} label={t('auditTracking.replyFile')} hint={t('auditTracking.fieldFileHint')} error={f.errors.file} {...f.form.register('file')} />
    </TrackingForm>
  );
}
