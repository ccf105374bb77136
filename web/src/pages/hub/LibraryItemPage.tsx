import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ZVersionFields, type TLibraryDetail } from '@shared/modules/hub/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { FileField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { orNull, SavingForm, useSavingForm } from '../../components/saving-form';
import { formatDay } from '../../format/dates';
import { LIBRARY_READS } from './LibraryPage';
import './hub.css';

/** One library document: what it is, every version kept, and (central coordinator) a new version. */
export function LibraryItemPage() {
  const { id } = useParams();
  const q = useApiQuery<TLibraryDetail>(`/api/library/${id}`);
  return <QueryState query={q}>{(item) => <LibraryItem item={item} />}</QueryState>;
}

function LibraryItem({ item }: { item: TLibraryDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <>
      <p>
        <Link to="/kunskapsbank">{t('hub.library.title')}</Link>
      </p>
      <PageHeading title={item.title}>{item.title}</PageHeading>
      <p className="hub-meta">
        {t(`hub.library.categories.${item.category}`)} · {t(`hub.library.audiences.${item.audience}`)}
      </p>
      {item.description && <p>{item.description}</p>}
      <h2>{t('hub.library.versions')}</h2>
      <DataTable
        caption={t('hub.library.versionsCaption')}
        hideCaption
        rows={item.versions}
        rowKey={(v) => v.id}
        columns={[
          { key: 'n', header: t('hub.library.versions'), rowHeader: true, cell: (v) => t('hub.library.version', { n: v.number }) },
          { key: 'date', header: t('hub.helpline.contactedOn'), cell: (v) => formatDay(v.createdAt) },
          { key: 'note', header: t('hub.library.versionNote'), cell: (v) => v.note },
          {
            key: 'file',
            header: t('hub.library.file'),
            cell: (v) => (
              <a href={`/api/attachments/${v.file.id}`} download={v.file.name}>
                {t('hub.library.download', { name: v.file.name })}
              </a>
            ),
          },
        ]}
      />
      {can('library.versions.create') && (
        <section className="panel" aria-labelledby="version-heading">
          <VersionForm id={item.id} />
        </section>
      )}
    </>
  );
}

function VersionForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const schema = ZVersionFields.extend({ file: z.custom<FileList>((v) => v instanceof FileList && v.length > 0, { message: t('hub.library.fileMissing') }) });
  const f = useSavingForm(schema, { idPrefix: 'version', defaultValues: { note: '', file: undefined } }, LIBRARY_READS);
  const submit = f.submit(async (v) => {
    await f.save.mutateAsync({ method: 'POST', path: `/api/library/${id}/versions`, form: { file: v.file[0], note: orNull(v.note) ?? undefined } });
    f.form.reset();
  });
  const hint = t('hub.library.fileHint');
  return (
    <SavingForm form={f} onSubmit={submit} labelledBy="version-heading" heading={<h2 id="version-heading">{t('hub.library.newVersion')}</h2>} submitLabel={t('hub.library.newVersionSubmit')} savedNotice={t('hub.library.versionSaved')}>
      <TextField label={t('hub.library.versionNote')} maxLength={500} {...f.field('note')} />
      <FileField id="version-file" label={t('hub.library.file')} hint={hint} error={f.errors.file} {...f.form.register('file')} />
    </SavingForm>
  );
}
