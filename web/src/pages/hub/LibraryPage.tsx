import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { LIBRARY_AUDIENCES, LIBRARY_CATEGORIES } from '@shared/domain/hub/library';
import { ZLibraryFields, type TLibraryItem } from '@shared/modules/hub/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState } from '../../components/feedback';
import { FileField, SelectField, TextAreaField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { orNull, SavingForm, useSavingForm } from '../../components/saving-form';
import { formatDay } from '../../format/dates';
import './hub.css';

export const LIBRARY_READS = ['/api/library'];

/** The knowledge library: Swedish full-text search with a category filter (kept in the address), and the central coordinator's upload. */
export function LibraryPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('sok') ?? '';
  const category = params.get('kategori') ?? '';
  const query = new URLSearchParams({ ...(q && { q }), ...(category && { category }) });
  const items = useApiQuery<TLibraryItem[]>(`/api/library${query.size ? `?${query}` : ''}`);

  return (
    <>
      <p>
        <Link to="/stod-och-kunskap">{t('hub.title')}</Link>
      </p>
      <PageHeading title={t('hub.library.title')}>{t('hub.library.title')}</PageHeading>
      <p className="lead">{t('hub.library.lead')}</p>
      <form
        role="search"
        className="inline-fields"
        key={params.toString()}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const next: Record<string, string> = {};
          const sok = String(data.get('sok') ?? '').trim();
          const kategori = String(data.get('kategori') ?? '');
          if (sok) next.sok = sok;
          if (kategori) next.kategori = kategori;
          setParams(next);
        }}
      >
        <div className="field">
          <label htmlFor="library-q">{t('hub.library.search')}</label>
          <input id="library-q" name="sok" type="search" maxLength={200} defaultValue={q} />
        </div>
        <div className="field">
          <label htmlFor="library-category">{t('hub.library.category')}</label>
          <select id="library-category" name="kategori" defaultValue={category}>
            <option value="">{t('hub.library.allCategories')}</option>
            {LIBRARY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`hub.library.categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('hub.library.searchButton')}
        </button>
      </form>
      <QueryState query={items}>
        {(list) => (
          <section aria-labelledby="library-results">
            <h2 id="library-results" aria-live="polite">
              {t('hub.library.hits', { count: list.length })}
            </h2>
            {list.length === 0 ? (
              <EmptyState>{t('hub.library.none')}</EmptyState>
            ) : (
              <ul className="hub-results">
                {list.map((item) => (
                  <li key={item.id}>
                    <h3>
                      <Link to={`/kunskapsbank/${item.id}`}>{item.title}</Link>
                    </h3>
                    <p className="hub-meta">
                      {t(`hub.library.categories.${item.category}`)} · {t('hub.library.version', { n: item.latest.number })} · {formatDay(item.updatedAt)}
                      {item.audience === 'coordinators' && ` · ${t('hub.library.forCoordinators')}`}
                    </p>
                    {item.description && <p>{item.description}</p>}
                    <a href={`/api/attachments/${item.latest.file.id}`} download={item.latest.file.name}>
                      {t('hub.library.download', { name: item.latest.file.name })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </QueryState>
      {can('library.create') && (
        <section className="panel" aria-labelledby="library-upload">
          <UploadForm />
        </section>
      )}
    </>
  );
}

function UploadForm() {
  const { t } = useTranslation();
  const schema = ZLibraryFields.extend({ file: z.custom<FileList>((v) => v instanceof FileList && v.length > 0, { message: t('hub.library.fileMissing') }) });
  const f = useSavingForm(schema, { idPrefix: 'library', defaultValues: { title: '', category: 'guide', audience: 'staff', description: '', file: undefined } }, LIBRARY_READS);
  const submit = f.submit(async (v) => {
    await f.save.mutateAsync({
      method: 'POST',
      path: '/api/library',
      form: { file: v.file[0], title: v.title, category: v.category, audience: v.audience, description: orNull(v.description) ?? undefined },
    });
    f.form.reset();
  });
  const hint = t('hub.library.fileHint');
  return (
    <SavingForm form={f} onSubmit={submit} labelledBy="library-upload" heading={<h2 id="library-upload">{t('hub.library.uploadHeading')}</h2>} submitLabel={t('hub.library.upload')} savedNotice={t('hub.library.uploaded')}>
      <TextField label={t('hub.library.fieldTitle')} maxLength={300} {...f.field('title')} />
      <div className="inline-fields">
        <SelectField label={t('hub.library.category')} {...f.field('category')}>
          {LIBRARY_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`hub.library.categories.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('hub.library.fieldAudience')} {...f.field('audience')}>
          {LIBRARY_AUDIENCES.map((a) => (
            <option key={a} value={a}>
              {t(`hub.library.audiences.${a}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={t('hub.library.fieldDescription')} rows={2} maxLength={2000} {...f.field('description')} />
      <FileField id="library-file" label={t('hub.library.file')} hint={hint} error={f.errors.file} {...f.form.register('file')} />
    </SavingForm>
  );
}
