import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZSavePictureRequest, type TCompilation } from '@shared/modules/situation/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { ConfirmDialog, EmptyState, Notice } from '../../components/feedback';
import { ErrorSummary } from '../../components/form';
import { QueryState } from '../../components/QueryState';
import { formatDate } from './components';
import { NameConfirmation, TextAreaField, useNameConfirmation, withGuard } from './fields';
import { Figures, PictureStatus } from './picture-parts';

const ZPictureForm = withGuard(ZSavePictureRequest, ['body'], 'lägesbilden');

/** The coordinator's view of a year: the picture's text to write and publish, beside what it is compiled from. */
export function Compile({ boardId, year }: { boardId: string; year: number }) {
  const { i18n } = useTranslation();
  const comp = useApiQuery<TCompilation>(`/api/situation/boards/${boardId}/compilation?year=${year}&lang=${i18n.language}`);
  // The form starts from the compilation once it is read; a later refresh (after a save) leaves the text as it is.
  return <QueryState query={comp}>{(c) => <Compilation c={c} boardId={boardId} year={year} />}</QueryState>;
}

function Compilation({ c, boardId, year }: { c: TCompilation; boardId: string; year: number }) {
  const { t } = useTranslation();
  return (
    <>
      <PictureForm c={c} boardId={boardId} year={year} />

      <Figures figures={c.figures} year={year} />

      <section aria-labelledby="compile-surveys">
        <h2 id="compile-surveys">{t('situation.picture.surveys')}</h2>
        {c.surveys.length === 0 ? (
          <EmptyState>{t('situation.picture.noSurveys', { year })}</EmptyState>
        ) : (
          <ul>
            {c.surveys.map((s) => (
              <li key={s.id}>
                <Link to={`/lagesbild/enkater/${s.id}/resultat`}>{s.title}</Link> –{' '}
                {t('situation.surveys.rateText', { answered: s.answered, sent: s.sent, rate: s.responseRate ?? '–' })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="compile-notes">
        <h2 id="compile-notes">{t('situation.picture.notes')}</h2>
        {c.notes.length === 0 ? (
          <EmptyState>{t('situation.picture.noNotes', { year })}</EmptyState>
        ) : (
          <ul>
            {c.notes.map((n) => (
              <li key={n.id}>
                {formatDate(n.notedOn)} ({t(`situation.sources.${n.source}`)}): {n.body}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/lagesbild/anteckningar?namnd=${boardId}&ar=${year}`}>{t('situation.picture.addNotes')}</Link>
        </p>
      </section>
    </>
  );
}

/** The picture's text: saved as a draft, or saved and published after a question. */
function PictureForm({ c, boardId, year }: { c: TCompilation; boardId: string; year: number }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState('');
  const [confirm, setConfirm] = useState(false);
  const save = useApiMutation(['/api/situation']);
  const names = useNameConfirmation();
  const f = useApiForm(ZPictureForm, { idPrefix: 'picture', defaultValues: { body: c.picture?.body ?? c.suggestedBody } });
  const path = `/api/situation/boards/${boardId}/pictures/${year}`;

  const write = (publish: boolean) =>
    f.onSubmit(
      names.guard(f.form, async (body) => {
        setNotice('');
        await save.mutateAsync({ method: 'PUT', path, body: { ...body, ...names.extra } });
        if (publish) await save.mutateAsync({ method: 'POST', path: `${path}/publish` });
        setNotice(publish ? t('situation.picture.published') : t('situation.picture.saved'));
      }),
    );
  // Publishing asks first, once the text passes the checks.
  const ask = f.onSubmit(async () => setConfirm(true));

  return (
    <>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={f.errors} idPrefix="picture" focusKey={f.submits} />
      <p>
        <PictureStatus status={c.picture?.status ?? null} />
      </p>
      <section aria-labelledby="compile-heading" className="panel">
        <h2 id="compile-heading">{t('situation.picture.compileHeading')}</h2>
        <p>{t('situation.picture.compileHelp')}</p>
        <form noValidate onSubmit={write(false)}>
          <fieldset disabled={f.saving} className="plain-fieldset">
            <TextAreaField
              label={t('situation.picture.text')}
              hint={t('situation.guard.hint')}
              guard
              guardSubject="lägesbilden"
              guardValue={f.form.watch('body')}
              rows={18}
              {...f.field('body', { onChange: names.changed })}
            />
            <NameConfirmation idPrefix="picture" state={names} />
            <div className="button-row">
              <button type="submit" className="button button--secondary">
                {t('situation.picture.saveDraft')}
              </button>
              <button type="button" className="button" onClick={() => void ask()}>
                {t('situation.picture.publish')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  names.changed();
                  f.form.setValue('body', c.suggestedBody, { shouldDirty: true });
                }}
              >
                {t('situation.picture.useSuggestion')}
              </button>
            </div>
          </fieldset>
        </form>
        <ConfirmDialog
          open={confirm}
          title={t('situation.picture.confirmPublish', { year })}
          confirmLabel={t('situation.picture.publish')}
          onCancel={() => setConfirm(false)}
          onConfirm={() => {
            setConfirm(false);
            void write(true)();
          }}
        >
          <p>{t('situation.picture.publishHelp')}</p>
        </ConfirmDialog>
      </section>
    </>
  );
}
