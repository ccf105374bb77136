import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZCreateGuidelineDocumentRequest, ZCreateGuidelineElementRequest, ZUpdateGuidelineElementRequest } from '@shared/modules/plans/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { EmptyState, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ELEMENT_KINDS, TextAreaField, useActionOutcome, type TGuidelineDocument, type TGuidelineElement } from './shared';

/** What a change to the governing documents changes: the documents, and the plans' and reports' coverage of them. */
const GUIDELINE_READS = ['/api/guidelines', '/api/plans', '/api/reports'];

/** Governing documents as data: the guidelines and strategy, with their elements by kind. */
export function GuidelinesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const central = can('guidelines.create');
  const docs = useApiQuery<TGuidelineDocument[]>('/api/guidelines');
  const { notice, error, done, failed } = useActionOutcome();

  return (
    <>
      <p>
        <Link to="/planer">{t('plans.back')}</Link>
      </p>
      <PageHeading title={t('plans.guidelines.title')}>{t('plans.guidelines.title')}</PageHeading>
      <p className="lead">{t('plans.guidelines.lead')}</p>
      {notice && <Notice>{notice}</Notice>}
      {error && <LoadError message={error} />}
      <QueryState query={docs}>
        {(list) => (
          <>
            {list.length === 0 && <EmptyState>{t('plans.guidelines.empty')}</EmptyState>}
            {list.map((d) => (
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
          </>
        )}
      </QueryState>
      {central && <AddDocument onDone={done} />}
    </>
  );
}

function ElementItem({ element: e, central, onDone, onError }: { element: TGuidelineElement; central: boolean; onDone(m: string): void; onError(err: unknown): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const save = useApiMutation(GUIDELINE_READS);
  const prefix = `el-${e.id}`;
  const f = useApiForm(ZUpdateGuidelineElementRequest.pick({ label: true }), { idPrefix: prefix, defaultValues: { label: e.label } });
  const rename = f.onSubmit(async (body) => {
    await save.mutateAsync({ method: 'PATCH', path: `/api/guideline-elements/${e.id}`, body });
    setEditing(false);
    onDone(t('plans.guidelines.saved'));
  });
  const toggle = async () => {
    try {
      await save.mutateAsync({ method: 'PATCH', path: `/api/guideline-elements/${e.id}`, body: { archived: !e.archived } });
      onDone(t(e.archived ? 'plans.guidelines.restored' : 'plans.guidelines.archivedDone'));
    } catch (err) {
      onError(err);
    }
  };
  return (
    <li>
      {editing ? (
        <form onSubmit={rename} noValidate>
          <ErrorSummary errors={f.errors} idPrefix={prefix} focusKey={f.submits} />
          <fieldset disabled={f.saving} className="plain-fieldset">
            <TextAreaField label={t('plans.guidelines.elementText')} rows={2} {...f.field('label')} />
            <div className="button-row">
              <button type="submit" className="button button--small">
                {t('common.save')}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </fieldset>
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
                disabled={save.isPending}
                aria-label={t(e.archived ? 'plans.guidelines.restoreNamed' : 'plans.guidelines.archiveNamed', { label: e.label })}
                onClick={() => void toggle()}
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

function AddElement({ documentId, title, onDone }: { documentId: string; title: string; onDone(m: string): void }) {
  const { t } = useTranslation();
  const prefix = `add-${documentId.slice(0, 8)}`;
  const save = useApiMutation(GUIDELINE_READS);
  const f = useApiForm(ZCreateGuidelineElementRequest.pick({ kind: true, label: true }), { idPrefix: prefix, defaultValues: { kind: 'direction', label: '' } });
  const submit = f.onSubmit(async (body) => {
    await save.mutateAsync({ method: 'POST', path: `/api/guidelines/${documentId}/elements`, body });
    f.form.reset();
    onDone(t('plans.guidelines.added'));
  });
  return (
    <details>
      <summary>{t('plans.guidelines.addElement', { title })}</summary>
      <ErrorSummary errors={f.errors} idPrefix={prefix} focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving} className="plain-fieldset">
          <SelectField label={t('plans.guidelines.kind')} {...f.field('kind')}>
            {ELEMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`plans.elementKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={t('plans.guidelines.elementText')} rows={2} {...f.field('label')} />
          <button type="submit" className="button button--secondary">
            {t('plans.guidelines.addElementSubmit')}
          </button>
        </fieldset>
      </form>
    </details>
  );
}

function AddDocument({ onDone }: { onDone(m: string): void }) {
  const { t } = useTranslation();
  const save = useApiMutation(GUIDELINE_READS);
  const f = useApiForm(ZCreateGuidelineDocumentRequest, { idPrefix: 'doc', defaultValues: { title: '', shortTitle: '', adoptedOn: null, description: '' } });
  const submit = f.onSubmit(async (v) => {
    await save.mutateAsync({ method: 'POST', path: '/api/guidelines', body: { title: v.title, shortTitle: v.shortTitle || null, adoptedOn: v.adoptedOn ?? null, description: v.description || null } });
    f.form.reset();
    onDone(t('plans.guidelines.created'));
  });
  return (
    <section aria-labelledby="new-doc-heading" className="panel">
      <h2 id="new-doc-heading">{t('plans.guidelines.new')}</h2>
      <ErrorSummary errors={f.errors} idPrefix="doc" focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving} className="plain-fieldset">
          <TextField label={t('plans.guidelines.docTitle')} {...f.field('title')} />
          <TextField label={t('plans.guidelines.shortTitle')} {...f.field('shortTitle')} />
          <TextField type="date" label={t('plans.guidelines.adopted')} {...f.field('adoptedOn', { setValueAs: (v: unknown) => (v === '' ? null : v) })} />
          <TextAreaField label={t('plans.guidelines.description')} {...f.field('description')} />
          <button type="submit" className="button">
            {t('plans.guidelines.create')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
