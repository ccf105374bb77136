import { useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CONCERN_TYPES, ENVIRONMENTS, RELEVANCES } from '@shared/domain/situation/categories';
import { ZClassifyRequest, ZCloseRequest, ZNoteRequest, type TConcern, type TConcernListItem } from '@shared/modules/situation/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiForm } from '../../components/api-form';
import { ConfirmDialog } from '../../components/feedback';
import { SelectField } from '../../components/form';
import { NameConfirmation, TextAreaField, useNameConfirmation, withGuard } from './fields';

/** The note form's one field is the request's `body`, named `note` on the page (`#concern-note`). */
const ZNoteForm = withGuard(z.strictObject({ note: ZNoteRequest.shape.body }), ['note'], 'anteckningen');
const ZCloseForm = withGuard(ZCloseRequest.pick({ comment: true }), ['comment'], 'kommentaren');

/** The lists of reports read before (`/api/concerns?…`) and the inbox no longer hold once a report is read or changed. */
export function dropConcernLists(client: QueryClient) {
  client.removeQueries({ type: 'inactive', predicate: (q) => String(q.queryKey[0]).startsWith('/api/concerns?') || q.queryKey[0] === '/api/concerns/inbox' });
}

type Change = Partial<TConcern> | ((c: TConcern) => TConcern);

/**
 * A write on the report. Every read of a report is audit-logged, so the page does not read it
 * again after a change: the answer of the write goes into the report on screen, while the counts
 * (and the inbox on screen) are read again and the lists read before are dropped.
 */
function useConcernWrite(id: string) {
  const client = useQueryClient();
  const save = useApiMutation(['/api/concerns/inbox', '/api/situation']);
  return {
    isPending: save.isPending,
    async mutateAsync<R>(path: string, body: unknown, change: (result: R) => Change) {
      const result = (await save.mutateAsync({ method: 'POST', path, body })) as R;
      const next = change(result);
      client.setQueryData<TConcern>([`/api/concerns/${id}`], (prev) => prev && (typeof next === 'function' ? next(prev) : { ...prev, ...next }));
      dropConcernLists(client);
    },
  };
}

/**
 * The coordinator's three forms on a report — classification, a note, closing — with one error
 * summary above them (ids `concern-…`).
 */
export function useConcernForms(c: TConcern, setNotice: (text: string) => void) {
  const save = useConcernWrite(c.id);
  const classify = useApiForm(ZClassifyRequest, {
    idPrefix: 'concern',
    defaultValues: { type: c.type, environment: c.environment, relevance: (c.relevance ?? '') as never },
    fallback: 'relevance',
  });
  const note = useApiForm(ZNoteForm, { idPrefix: 'concern', defaultValues: { note: '' } });
  const close = useApiForm(ZCloseForm, { idPrefix: 'concern', defaultValues: { comment: '' } });
  const noteNames = useNameConfirmation('noteConfirm');
  const commentNames = useNameConfirmation('commentConfirm');
  return {
    c,
    setNotice,
    save,
    classify,
    note,
    close,
    noteNames,
    commentNames,
    errors: { ...classify.errors, ...note.errors, ...close.errors },
    submits: classify.submits + note.submits + close.submits,
  };
}

type Forms = ReturnType<typeof useConcernForms>;

export function ClassifyForm({ forms }: { forms: Forms }) {
  const { t } = useTranslation();
  const { c, classify: f, save, setNotice } = forms;
  const submit = f.onSubmit(async (body) => {
    setNotice('');
    await save.mutateAsync(`/api/concerns/${c.id}/classification`, body, (r: TConcernListItem) => r);
    setNotice(t('situation.concernPage.classified'));
  });
  return (
    <section aria-labelledby="classify-heading" className="panel">
      <h2 id="classify-heading">{t('situation.concernPage.classify')}</h2>
      <form noValidate onSubmit={submit}>
        <fieldset disabled={save.isPending} className="plain-fieldset">
          <SelectField label={t('situation.type')} {...f.field('type')}>
            {CONCERN_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`situation.types.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('situation.environment')} {...f.field('environment')}>
            {ENVIRONMENTS.map((k) => (
              <option key={k} value={k}>
                {t(`situation.environments.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('situation.concernPage.relevance')} hint={t('situation.concernPage.relevanceHint')} {...f.field('relevance')}>
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
  );
}

export function NoteForm({ forms }: { forms: Forms }) {
  const { t } = useTranslation();
  const { c, note: f, noteNames: names, save, setNotice } = forms;
  const submit = f.onSubmit(
    names.guard(
      f.form,
      async ({ note }) => {
        setNotice('');
        await save.mutateAsync(`/api/concerns/${c.id}/notes`, { body: note, ...names.extra }, (n: TConcern['notes'][number]) => (prev) => ({ ...prev, notes: [...prev.notes, n] }));
        f.form.reset({ note: '' });
        setNotice(t('situation.concernPage.noteAdded'));
      },
      () => 'note',
    ),
  );
  return (
    <section aria-labelledby="note-heading" className="panel">
      <h2 id="note-heading">{t('situation.concernPage.addNote')}</h2>
      <form noValidate onSubmit={submit}>
        <fieldset disabled={save.isPending} className="plain-fieldset">
          <TextAreaField
            label={t('situation.concernPage.note')}
            hint={t('situation.guard.hint')}
            guard
            guardSubject="anteckningen"
            guardValue={f.form.watch('note')}
            rows={3}
            {...f.field('note', { onChange: names.changed })}
          />
          <NameConfirmation idPrefix="concern" state={names} />
          <button type="submit" className="button button--secondary">
            {t('situation.concernPage.addNote')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}

/**
 * Closing asks first; the comment is checked before the question, and sent after it. A report
 * without a saved classification is not closed (the server refuses it too): the error summary
 * points at the classification's "Bedömning" instead.
 */
export function CloseForm({ forms }: { forms: Forms }) {
  const { t } = useTranslation();
  const { c, close: f, commentNames: names, save, setNotice } = forms;
  const [confirm, setConfirm] = useState(false);
  const ask = f.onSubmit(async () => {
    if (!c.relevance) {
      forms.classify.form.setError('relevance', { type: 'manual', message: t('situation.concernPage.classifyFirst') });
      return;
    }
    setConfirm(true);
  });
  const send = f.onSubmit(
    names.guard(f.form, async ({ comment }) => {
      setNotice('');
      // The closing comment is stored as the report's last note.
      const note = comment ? [{ id: 'closing-comment', body: comment, authorName: null, createdAt: new Date().toISOString() }] : [];
      await save.mutateAsync(`/api/concerns/${c.id}/close`, { comment: comment || null, ...names.extra }, (r: TConcernListItem) => (prev) => ({ ...prev, ...r, notes: [...prev.notes, ...note] }));
      setNotice(t('situation.concernPage.closed'));
    }),
  );
  return (
    <section aria-labelledby="close-heading" className="panel">
      <h2 id="close-heading">{t('situation.concernPage.close')}</h2>
      <p>{t('situation.concernPage.closeHelp')}</p>
      {!c.relevance && <p className="hint">{t('situation.concernPage.closeNeedsClassification')}</p>}
      <form noValidate onSubmit={ask}>
        <fieldset disabled={save.isPending} className="plain-fieldset">
          <TextAreaField
            label={t('situation.concernPage.comment')}
            guard
            guardSubject="kommentaren"
            guardValue={f.form.watch('comment') ?? ''}
            rows={2}
            {...f.field('comment', { onChange: names.changed })}
          />
          <NameConfirmation idPrefix="concern" state={names} />
          <button type="submit" className="button button--warning">
            {t('situation.concernPage.close')}
          </button>
        </fieldset>
      </form>
      <ConfirmDialog
        open={confirm}
        title={t('situation.concernPage.confirmClose')}
        confirmLabel={t('situation.concernPage.close')}
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void send();
        }}
      >
        <p>{t('situation.concernPage.closeHelp')}</p>
      </ConfirmDialog>
    </section>
  );
}
