import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, errorsFrom, SelectField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { ELEMENT_KINDS, TextAreaField, useActionOutcome, type TGuidelineDocument, type TGuidelineElement } from './shared';

/** Governing documents as data: the guidelines and strategy, with their elements by kind. */
export function GuidelinesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const central = can('guidelines.create');
  const docs = useQuery<TGuidelineDocument[]>('/api/guidelines');
  const { notice, error, done, failed } = useActionOutcome(docs.reload);

  return (
    <>
      <p>
        <Link to="/planer">{t('plans.back')}</Link>
      </p>
      <PageHeading title={t('plans.guidelines.title')}>{t('plans.guidelines.title')}</PageHeading>
      <p className="lead">{t('plans.guidelines.lead')}</p>
      {notice && <Notice>{notice}</Notice>}
      {error && <LoadError message={error} />}
      {docs.loading && <Loading />}
      {docs.error && <LoadError message={docs.error.message} />}
      {docs.data?.length === 0 && <EmptyState>{t('plans.guidelines.empty')}</EmptyState>}
      {docs.data?.map((d) => (
        <section key={d.id} aria-labelledby={`doc-${d.id}`} className="plans-section">
          <h2 id={`doc-${d.id}`}>{d.title}</h2>
          {(d.shortTitle || d.adoptedOn) && (
            <p className="plans-small">
              {[d.shortTitle, d.adoptedOn && t('plans.guidelines.adoptedOn', { date: d.adoptedOn })].filter(Boolean).join(' · ')}
            </p>
          )}
          {d.description && <p>{d.description}</p>}
          {ELEMENT_KINDS.filter((k) => d.elements.some((e) => e.kind === k)).map((k) => (
            <div key={k}>
              <h3>{t(`plans.elementKindsPlural.${k}`)}</h3>
              <ul>
                {d.elements
                  .filter((e) => e.kind === k)
                  .map((e) => (
                    <ElementItem key={e.id} element={e} central={central} onDone={done} onError={failed} />
                  ))}
              </ul>
            </div>
          ))}
          {central && <AddElement documentId={d.id} title={d.shortTitle ?? d.title} onDone={done} />}
        </section>
      ))}
      {central && <AddDocument onDone={done} />}
    </>
  );
}

function ElementItem({ element: e, central, onDone, onError }: { element: TGuidelineElement; central: boolean; onDone(m: string): Promise<void>; onError(err: unknown): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(e.label);
  const patch = async (body: object, message: string) => {
    try {
      await api('PATCH', `/api/guideline-elements/${e.id}`, body);
      setEditing(false);
      await onDone(message);
    } catch (err) {
      onError(err);
    }
  };
  return (
    <li>
      {editing ? (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            if (label.trim()) void patch({ label: label.trim() }, t('plans.guidelines.saved'));
          }}
          noValidate
        >
          <TextAreaField id={`el-${e.id}-label`} label={t('plans.guidelines.elementText')} rows={2} value={label} onChange={(ev) => setLabel(ev.target.value)} />
          <div className="button-row">
            <button type="submit" className="button button--small">
              {t('common.save')}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {e.label} {e.archived && <span className="tag">{t('plans.guidelines.archived')}</span>}
          {central && (
            <span className="plans-actions">
              <button type="button" className="button button--secondary button--small" aria-label={t('plans.guidelines.editNamed', { label: e.label })} onClick={() => setEditing(true)}>
                {t('plans.guidelines.edit')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t(e.archived ? 'plans.guidelines.restoreNamed' : 'plans.guidelines.archiveNamed', { label: e.label })}
                onClick={() => void patch({ archived: !e.archived }, t(e.archived ? 'plans.guidelines.restored' : 'plans.guidelines.archivedDone'))}
              >
                {t(e.archived ? 'plans.guidelines.restore' : 'plans.guidelines.archive')}
              </button>
            </span>
          )}
        </>
      )}
    </li>
  );
}

function AddElement({ documentId, title, onDone }: { documentId: string; title: string; onDone(m: string): Promise<void> }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('direction');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const prefix = `add-${documentId.slice(0, 8)}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!label.trim()) return setErrors({ label: t('plans.guidelines.labelMissing') });
    try {
      await api('POST', `/api/guidelines/${documentId}/elements`, { kind, label: label.trim() });
      setLabel('');
      setErrors({});
      await onDone(t('plans.guidelines.added'));
    } catch (err) {
      setErrors(errorsFrom(err, ['kind', 'label'], 'label', t('common.networkError')));
    }
  }
  return (
    <details>
      <summary>{t('plans.guidelines.addElement', { title })}</summary>
      <ErrorSummary errors={errors} idPrefix={prefix} />
      <form onSubmit={submit} noValidate>
        <SelectField id={`${prefix}-kind`} label={t('plans.guidelines.kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
          {ELEMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`plans.elementKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField id={`${prefix}-label`} label={t('plans.guidelines.elementText')} rows={2} value={label} error={errors.label} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" className="button button--secondary">
          {t('plans.guidelines.addElementSubmit')}
        </button>
      </form>
    </details>
  );
}

function AddDocument({ onDone }: { onDone(m: string): Promise<void> }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [shortTitle, setShortTitle] = useState('');
  const [adoptedOn, setAdoptedOn] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return setErrors({ title: t('plans.guidelines.titleMissing') });
    try {
      await api('POST', '/api/guidelines', { title: title.trim(), shortTitle: shortTitle.trim() || null, adoptedOn: adoptedOn || null, description: description.trim() || null });
      setTitle('');
      setShortTitle('');
      setAdoptedOn('');
      setDescription('');
      setErrors({});
      await onDone(t('plans.guidelines.created'));
    } catch (err) {
      setErrors(errorsFrom(err, ['title', 'shortTitle', 'adoptedOn', 'description'], 'title', t('common.networkError')));
    }
  }
  return (
    <section aria-labelledby="new-doc-heading" className="panel">
      <h2 id="new-doc-heading">{t('plans.guidelines.new')}</h2>
      <ErrorSummary errors={errors} idPrefix="doc" />
      <form onSubmit={submit} noValidate>
        <TextField id="doc-title" label={t('plans.guidelines.docTitle')} value={title} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
        <TextField id="doc-shortTitle" label={t('plans.guidelines.shortTitle')} value={shortTitle} error={errors.shortTitle} onChange={(e) => setShortTitle(e.target.value)} />
        <TextField id="doc-adoptedOn" type="date" label={t('plans.guidelines.adopted')} value={adoptedOn} error={errors.adoptedOn} onChange={(e) => setAdoptedOn(e.target.value)} />
        <TextAreaField id="doc-description" label={t('plans.guidelines.description')} value={description} error={errors.description} onChange={(e) => setDescription(e.target.value)} />
        <button type="submit" className="button">
          {t('plans.guidelines.create')}
        </button>
      </form>
    </section>
  );
}
