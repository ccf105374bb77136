import { useTranslation } from 'react-i18next';
import { ZCreateMeetingRequest } from '@shared/modules/collaboration/schema';
import { FileField, TextField } from '../../components/form';
import { orNull, renamingFields, SavingForm, useAttachmentUpload, useSavingForm, ZChosenFile } from '../../components/saving-form';
import { CheckboxField, NameConfirmation, TextAreaField, useNameConfirmation, withGuard } from '../situation/fields';
import { COLLAB_READS } from './shared';

const ZMeetingForm = withGuard(ZCreateMeetingRequest.omit({ attachmentIds: true, confirmNoPersonalData: true }).extend({ file: ZChosenFile }), ['notes']);

/** A meeting held: the day, whether violent extremism was on the agenda, short guarded notes and the minutes as a file. */
export function MeetingForm({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const f = useSavingForm(ZMeetingForm, { idPrefix: 'meeting', defaultValues: { heldOn: today, vbeOnAgenda: false, notes: '', file: undefined } }, COLLAB_READS);
  const upload = useAttachmentUpload();
  const names = useNameConfirmation();

  const submit = f.submit(
    names.guard(f.form, async ({ file, notes, ...v }: { heldOn: string; vbeOnAgenda: boolean; notes?: string | null; file?: FileList | null }) => {
      const attachmentIds = await upload.idsOf(file);
      try {
        await f.save.mutateAsync({ method: 'POST', path: `/api/forums/${forumId}/meetings`, body: { ...v, notes: orNull(notes), attachmentIds, ...names.extra } });
      } catch (err) {
        throw renamingFields(err, { attachmentIds: 'file' });
      }
      f.form.reset({ heldOn: today, vbeOnAgenda: false, notes: '', file: undefined });
    }),
  );

  const fileHint = t('collab.meetingForm.fileHint');
  return (
    <SavingForm
      form={f}
      onSubmit={submit}
      labelledBy="meeting-heading"
      heading={<h2 id="meeting-heading">{t('collab.meetingForm.heading')}</h2>}
      submitLabel={t('collab.meetingForm.submit')}
      busyLabel={upload.uploading ? t('collab.uploading') : undefined}
      savedNotice={t('collab.meetingForm.saved')}
    >
      <TextField type="date" label={t('collab.meetingForm.heldOn')} hint={t('collab.dateHint')} {...f.field('heldOn')} />
      <CheckboxField id="meeting-vbeOnAgenda" label={t('collab.meetingForm.vbe')} {...f.form.register('vbeOnAgenda')} />
      <TextAreaField
        label={t('collab.meetingForm.notes')}
        hint={t('collab.meetingForm.notesHint')}
        rows={3}
        maxLength={4000}
        guard
        guardValue={f.form.watch('notes') ?? ''}
        {...f.field('notes', { onChange: names.changed })}
      />
      <NameConfirmation idPrefix="meeting" state={names} />
      <FileField id="meeting-file" label={t('collab.meetingForm.file')} hint={fileHint} error={f.errors.file} {...f.form.register('file')} />
    </SavingForm>
  );
}
