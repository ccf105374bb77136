import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { ConfirmDialog, EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, errorsFrom, SelectField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { checkFields } from '../../../../src/domain/personal-data/guard';
import { isIsoDate, NOTE_SOURCES, todayInSweden } from '../../../../src/domain/situation/categories';
import type { TSituationNote } from '../../../../src/modules/situation/schema';
import { BoardYearFilter, formatDate, Paragraphs, useBoardChoice } from './components';
import { NameConfirmation, TextAreaField, useNameConfirmation } from './fields';

/** Police input and other sources, as dated notes on the board's situation picture. */
export function NotesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const choice = useBoardChoice('situation_notes.list');
  const { board, year } = choice;
  const notes = useQuery<TSituationNote[]>(board ? `/api/situation/boards/${board.id}/notes?year=${year}` : null);
  const canWrite = !!board && can('situation_notes.create', board.id);
  const [form, setForm] = useState({ notedOn: todayInSweden(), source: 'police', body: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const [toDelete, setToDelete] = useState<TSituationNote | null>(null);
  const names = useNameConfirmation();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!isIsoDate(form.notedOn)) local.notedOn = t('situation.notes.dateMissing');
    if (!form.body.trim()) local.body = t('situation.notes.bodyMissing');
    const pd = checkFields({ body: form.body }, { subject: 'anteckningen' })[0];
    if (pd) local.body = pd.message;
    setErrors(local);
    if (Object.keys(local).length || !board) return;
    setSaving(true);
    try {
      await api('POST', `/api/situation/boards/${board.id}/notes`, { ...form, body: form.body.trim(), ...names.extra });
      setForm({ ...form, body: '' });
      names.clear();
      setNotice(t('situation.notes.added'));
      await notes.reload();
    } catch (err) {
      setErrors(names.errorsFrom(err, ['notedOn', 'source', 'body'], 'body', t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <p>
        <Link to="/lagesbild">{t('situation.back')}</Link>
      </p>
      <PageHeading title={t('situation.notes.title')}>{t('situation.notes.title')}</PageHeading>
      <p className="lead">{t('situation.notes.lead')}</p>
      {choice.allowed.length > 0 && <BoardYearFilter idPrefix="notes" allowed={choice.allowed} board={board} year={year} onApply={choice.choose} />}
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} idPrefix="note" />

      {canWrite && (
        <section aria-labelledby="add-note" className="panel">
          <h2 id="add-note">{t('situation.notes.add')}</h2>
          <form onSubmit={submit} noValidate>
            <fieldset disabled={saving} className="plain-fieldset">
              <TextField id="note-notedOn" type="date" max={todayInSweden()} label={t('situation.notes.date')} value={form.notedOn} error={errors.notedOn} onChange={(e) => setForm({ ...form, notedOn: e.target.value })} />
              <SelectField id="note-source" label={t('situation.notes.source')} value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })}>
                {NOTE_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {t(`situation.sources.${s}`)}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                id="note-body"
                label={t('situation.notes.body')}
                hint={t('situation.guard.hint')}
                value={form.body}
                error={errors.body}
                guard
                guardSubject="anteckningen"
                onChange={(e) => {
                  names.changed();
                  setForm({ ...form, body: e.target.value });
                }}
              />
              <NameConfirmation idPrefix="note" state={names} />
              <button type="submit" className="button">
                {t('situation.notes.save')}
              </button>
            </fieldset>
          </form>
        </section>
      )}

      <section aria-labelledby="notes-list">
        <h2 id="notes-list">{board ? t('situation.notes.listHeading', { board: board.name, year }) : t('situation.notes.title')}</h2>
        {notes.loading && <Loading />}
        {notes.error && <LoadError message={notes.error.message} />}
        {notes.data?.length === 0 && <EmptyState>{t('situation.notes.empty', { year })}</EmptyState>}
        {notes.data && notes.data.length > 0 && (
          <ul className="plain-list">
            {notes.data.map((n) => (
              <li key={n.id} className="panel">
                <h3>
                  {formatDate(n.notedOn, i18n.language)} – {t(`situation.sources.${n.source}`)}
                </h3>
                <Paragraphs text={n.body} />
                <p className="hint">{t('situation.notes.by', { name: n.authorName ?? t('situation.notes.demo') })}</p>
                {canWrite && (
                  <button type="button" className="button button--secondary button--small" onClick={() => setToDelete(n)}>
                    {t('situation.notes.delete')}
                    <span className="visually-hidden"> {formatDate(n.notedOn, i18n.language)}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConfirmDialog
        open={!!toDelete}
        title={t('situation.notes.confirmDelete')}
        confirmLabel={t('situation.notes.delete')}
        onCancel={() => setToDelete(null)}
        onConfirm={async () => {
          const n = toDelete!;
          setToDelete(null);
          try {
            await api('DELETE', `/api/situation/notes/${n.id}`);
            setNotice(t('situation.notes.deleted'));
            await notes.reload();
          } catch (err) {
            setErrors(errorsFrom(err, [], 'body', t('common.networkError')));
          }
        }}
      >
        <p>{t('situation.notes.deleteHelp')}</p>
      </ConfirmDialog>
    </>
  );
}
