import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get } from '../../api/client';
import { ConfirmDialog, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, errorsFrom, SelectField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { checkFields } from '../../../../src/domain/personal-data/guard';
import { CONCERN_TYPES, ENVIRONMENTS, RELEVANCES } from '../../../../src/domain/situation/categories';
import type { TConcern, TConcernListItem } from '../../../../src/modules/situation/schema';
import { formatDate, Paragraphs } from './components';
import { StatusTag } from './ConcernListPage';
import { NameConfirmation, TextAreaField, useNameConfirmation } from './fields';

/** One concern report, for the board's coordinator. Opening it is a logged read. */
export function ConcernPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [c, setC] = useState<TConcern | null>(null);
  const [loadError, setLoadError] = useState('');
  const [cls, setCls] = useState({ type: '', environment: '', relevance: '' });
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [saving, setSaving] = useState(false);
  const noteNames = useNameConfirmation('noteConfirm');
  const commentNames = useNameConfirmation('commentConfirm');

  useEffect(() => {
    // Fetched once per visit: each GET is an audited read of the report's text.
    get<TConcern>(`/api/concerns/${id}`)
      .then((r) => {
        setC(r);
        setCls({ type: r.type, environment: r.environment, relevance: r.relevance ?? '' });
      })
      .catch((e) => setLoadError(e instanceof ApiError ? e.body.message : t('common.networkError')));
  }, [id, t]);

  async function run<T>(action: () => Promise<T>, done: (r: T) => void, fields: string[], fallback: string, names?: ReturnType<typeof useNameConfirmation>) {
    setSaving(true);
    setErrors({});
    setNotice('');
    try {
      done(await action());
      names?.clear();
    } catch (err) {
      setErrors(names ? names.errorsFrom(err, fields, fallback, t) : errorsFrom(err, fields, fallback, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  if (loadError) return <LoadError message={loadError} />;
  if (!c) return <Loading />;
  const merge = (r: TConcernListItem) => setC((prev) => (prev ? { ...prev, ...r } : prev));
  const closed = c.status === 'closed';
  const title = t('situation.concernPage.title', { date: formatDate(c.occurredOn, i18n.language) });

  return (
    <>
      <p>
        <Link to="/lagesbild/rapporter">{t('situation.concernPage.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">
        {c.boardName} · <StatusTag c={c} />
      </p>
      <p className="hint">{t('situation.concernPage.logged')}</p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} idPrefix="concern" />

      <dl className="summary-list">
        <div>
          <dt>{t('situation.type')}</dt>
          <dd>{t(`situation.types.${c.type}`)}</dd>
        </div>
        <div>
          <dt>{t('situation.environment')}</dt>
          <dd>{t(`situation.environments.${c.environment}`)}</dd>
        </div>
        <div>
          <dt>{t('situation.concern.area')}</dt>
          <dd>{c.area ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('situation.concern.unit')}</dt>
          <dd>{c.reportingUnitName ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('situation.concern.description')}</dt>
          <dd>
            <Paragraphs text={c.description} />
          </dd>
        </div>
        <div>
          <dt>{t('situation.concern.actionTaken')}</dt>
          <dd>{c.actionTaken ? <Paragraphs text={c.actionTaken} /> : '–'}</dd>
        </div>
        <div>
          <dt>{t('situation.concern.forwarded')}</dt>
          <dd>
            {[c.forwardedToSocialServices && t('situation.concern.social'), c.forwardedToPolice && t('situation.concern.police')].filter(Boolean).join(', ') ||
              t('situation.concernPage.notForwarded')}
          </dd>
        </div>
        <div>
          <dt>{t('situation.concernPage.relevance')}</dt>
          <dd>{c.relevance ? t(`situation.relevance.${c.relevance}`) : t('situation.concernPage.notClassified')}</dd>
        </div>
      </dl>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('situation.concernPage.notes')}</h2>
        {c.notes.length === 0 ? (
          <p className="empty-state">{t('situation.concernPage.noNotes')}</p>
        ) : (
          <ul className="plain-list">
            {c.notes.map((n) => (
              <li key={n.id} className="panel">
                <p className="hint">
                  {n.authorName ?? '–'}, {formatDate(n.createdAt, i18n.language)}
                </p>
                <Paragraphs text={n.body} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {!closed && (
        <>
          <section aria-labelledby="classify-heading" className="panel">
            <h2 id="classify-heading">{t('situation.concernPage.classify')}</h2>
            <form
              noValidate
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                if (!cls.relevance) return setErrors({ relevance: t('situation.concernPage.relevanceMissing') });
                void run(
                  () => api<TConcernListItem>('POST', `/api/concerns/${c.id}/classification`, cls),
                  (r) => {
                    merge(r);
                    setNotice(t('situation.concernPage.classified'));
                  },
                  ['type', 'environment', 'relevance'],
                  'relevance',
                );
              }}
            >
              <fieldset disabled={saving} className="plain-fieldset">
                <SelectField id="concern-type" label={t('situation.type')} value={cls.type} onChange={(e) => setCls({ ...cls, type: e.target.value })}>
                  {CONCERN_TYPES.map((k) => (
                    <option key={k} value={k}>
                      {t(`situation.types.${k}`)}
                    </option>
                  ))}
                </SelectField>
                <SelectField id="concern-environment" label={t('situation.environment')} value={cls.environment} onChange={(e) => setCls({ ...cls, environment: e.target.value })}>
                  {ENVIRONMENTS.map((k) => (
                    <option key={k} value={k}>
                      {t(`situation.environments.${k}`)}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  id="concern-relevance"
                  label={t('situation.concernPage.relevance')}
                  hint={t('situation.concernPage.relevanceHint')}
                  value={cls.relevance}
                  error={errors.relevance}
                  onChange={(e) => setCls({ ...cls, relevance: e.target.value })}
                >
                  <option value="">{t('situation.concern.choose')}</option>
                  {RELEVANCES.map((k) => (
                    <option key={k} value={k}>
                      {t(`situation.relevance.${k}`)}
                    </option>
                  ))}
                </SelectField>
                <button type="submit" className="button">
                  {t('situation.concernPage.saveClassification')}
                </button>
              </fieldset>
            </form>
          </section>

          <section aria-labelledby="note-heading" className="panel">
            <h2 id="note-heading">{t('situation.concernPage.addNote')}</h2>
            <form
              noValidate
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                if (!note.trim()) return setErrors({ note: t('situation.concernPage.noteMissing') });
                const pd = checkFields({ note }, { subject: 'anteckningen' })[0];
                if (pd) return setErrors({ note: pd.message });
                void run(
                  () => api<TConcern['notes'][number]>('POST', `/api/concerns/${c.id}/notes`, { body: note.trim(), ...noteNames.extra }),
                  (n) => {
                    setC((prev) => (prev ? { ...prev, notes: [...prev.notes, n] } : prev));
                    setNote('');
                    setNotice(t('situation.concernPage.noteAdded'));
                  },
                  ['note'],
                  'note',
                  noteNames,
                );
              }}
            >
              <fieldset disabled={saving} className="plain-fieldset">
                <TextAreaField
                  id="concern-note"
                  label={t('situation.concernPage.note')}
                  hint={t('situation.guard.hint')}
                  value={note}
                  error={errors.note}
                  guard
                  guardSubject="anteckningen"
                  rows={3}
                  onChange={(e) => {
                    noteNames.changed();
                    setNote(e.target.value);
                  }}
                />
                <NameConfirmation idPrefix="concern" state={noteNames} />
                <button type="submit" className="button button--secondary">
                  {t('situation.concernPage.addNote')}
                </button>
              </fieldset>
            </form>
          </section>

          <section aria-labelledby="close-heading" className="panel">
            <h2 id="close-heading">{t('situation.concernPage.close')}</h2>
            <p>{t('situation.concernPage.closeHelp')}</p>
            <TextAreaField
              id="concern-comment"
              label={t('situation.concernPage.comment')}
              value={comment}
              error={errors.comment}
              guard
              guardSubject="kommentaren"
              rows={2}
              onChange={(e) => {
                commentNames.changed();
                setComment(e.target.value);
              }}
            />
            <NameConfirmation idPrefix="concern" state={commentNames} />
            <button
              type="button"
              className="button button--warning"
              disabled={saving}
              onClick={() => {
                const pd = checkFields({ comment }, { subject: 'kommentaren' })[0];
                if (pd) return setErrors({ comment: pd.message });
                setConfirm(true);
              }}
            >
              {t('situation.concernPage.close')}
            </button>
            <ConfirmDialog
              open={confirm}
              title={t('situation.concernPage.confirmClose')}
              confirmLabel={t('situation.concernPage.close')}
              onCancel={() => setConfirm(false)}
              onConfirm={() => {
                setConfirm(false);
                void run(
                  () => api<TConcernListItem>('POST', `/api/concerns/${c.id}/close`, { comment: comment.trim() || null, ...commentNames.extra }),
                  (r) => {
                    merge(r);
                    if (comment.trim()) setC((prev) => (prev ? { ...prev, notes: [...prev.notes, { id: 'new', body: comment.trim(), authorName: null, createdAt: new Date().toISOString() }] } : prev));
                    setComment('');
                    setNotice(t('situation.concernPage.closed'));
                  },
                  ['comment'],
                  'comment',
                  commentNames,
                );
              }}
            >
              <p>{t('situation.concernPage.closeHelp')}</p>
            </ConfirmDialog>
          </section>
        </>
      )}
    </>
  );
}
