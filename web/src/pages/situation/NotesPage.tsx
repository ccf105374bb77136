import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NOTE_SOURCES, todayInSweden } from '@shared/domain/situation/categories';
import { ZCreateSituationNoteRequest, type TSituationNote } from '@shared/modules/situation/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { ConfirmDialog, EmptyState, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { BoardYearFilter, formatDate, Paragraphs, useBoardChoice } from './components';
import { NameConfirmation, TextAreaField, useNameConfirmation, withGuard } from './fields';

/** A note changes the board's notes and the picture's compilation, both under /api/situation. */
const NOTE_READS = ['/api/situation'];
const ZNoteForm = withGuard(ZCreateSituationNoteRequest, ['body'], 'anteckningen');

/** Police input and other sources, as dated notes on the board's situation picture. */
export function NotesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const choice = useBoardChoice('situation_notes.list');
  const { board, year } = choice;
  const notes = useApiQuery<TSituationNote[]>(board ? `/api/situation/boards/${board.id}/notes?year=${year}` : null);
  const canWrite = !!board && can('situation_notes.create', board.id);
  const [notice, setNotice] = useState('');
  const [toDelete, setToDelete] = useState<TSituationNote | null>(null);
  const remove = useApiMutation(NOTE_READS);

  return (
    <>
      <p>
        <Link to="/lagesbild">{t('situation.back')}</Link>
      </p>
      <PageHeading title={t('situation.notes.title')}>{t('situation.notes.title')}</PageHeading>
      <p className="lead">{t('situation.notes.lead')}</p>
      {choice.allowed.length > 0 && <BoardYearFilter idPrefix="notes" allowed={choice.allowed} board={board} year={year} onApply={choice.choose} />}
      {notice && <Notice>{notice}</Notice>}
      {remove.error && <LoadError message={remove.error.message} />}

      {canWrite && <NoteForm key={board.id} boardId={board.id} onSaved={() => setNotice(t('situation.notes.added'))} />}

      <section aria-labelledby="notes-list">
        <h2 id="notes-list">{board ? t('situation.notes.listHeading', { board: board.name, year }) : t('situation.notes.title')}</h2>
        <QueryState query={notes}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('situation.notes.empty', { year })}</EmptyState>
            ) : (
              <ul className="plain-list">
                {list.map((n) => (
                  <li key={n.id} className="panel">
                    <h3>
                      {formatDate(n.notedOn)} – {t(`situation.sources.${n.source}`)}
                    </h3>
                    <Paragraphs text={n.body} />
                    <p className="hint">{t('situation.notes.by', { name: n.authorName ?? t('situation.notes.demo') })}</p>
                    {canWrite && (
                      <button type="button" className="button button--secondary button--small" disabled={remove.isPending} onClick={() => setToDelete(n)}>
                        {t('situation.notes.delete')}
                        <span className="visually-hidden"> {formatDate(n.notedOn)}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <ConfirmDialog
        open={!!toDelete}
        title={t('situation.notes.confirmDelete')}
        confirmLabel={t('situation.notes.delete')}
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          const n = toDelete!;
          setToDelete(null);
          setNotice('');
          remove.mutate({ method: 'DELETE', path: `/api/situation/notes/${n.id}` }, { onSuccess: () => setNotice(t('situation.notes.deleted')) });
        }}
      >
        <p>{t('situation.notes.deleteHelp')}</p>
      </ConfirmDialog>
    </>
  );
}

/** A new dated note: the guard checks the text as it is typed, the server checks it for names. */
function NoteForm({ boardId, onSaved }: { boardId: string; onSaved(): void }) {
  const { t } = useTranslation();
  const save = useApiMutation<TSituationNote>(NOTE_READS);
  const names = useNameConfirmation();
  const f = useApiForm(ZNoteForm, { idPrefix: 'note', defaultValues: { notedOn: todayInSweden(), source: 'police', body: '' } });
  const submit = f.onSubmit(
    names.guard(f.form, async (body) => {
      await save.mutateAsync({ method: 'POST', path: `/api/situation/boards/${boardId}/notes`, body: { ...body, ...names.extra } });
      f.form.reset({ notedOn: body.notedOn, source: body.source, body: '' });
      onSaved();
    }),
  );

  return (
    <>
      <ErrorSummary errors={f.errors} idPrefix="note" focusKey={f.submits} />
      <section aria-labelledby="add-note" className="panel">
        <h2 id="add-note">{t('situation.notes.add')}</h2>
        <form onSubmit={submit} noValidate>
          <fieldset disabled={f.saving} className="plain-fieldset">
            <TextField type="date" max={todayInSweden()} label={t('situation.notes.date')} {...f.field('notedOn')} />
            <SelectField label={t('situation.notes.source')} {...f.field('source')}>
              {NOTE_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`situation.sources.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              label={t('situation.notes.body')}
              hint={t('situation.guard.hint')}
              guard
              guardSubject="anteckningen"
              guardValue={f.form.watch('body')}
              {...f.field('body', { onChange: names.changed })}
            />
            <NameConfirmation idPrefix="note" state={names} />
            <button type="submit" className="button">
              {t('situation.notes.save')}
            </button>
          </fieldset>
        </form>
      </section>
    </>
  );
}
