import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { ConfirmDialog, EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { checkFields } from '../../../../src/domain/personal-data/guard';
import type { TCompilation, TPicture } from '../../../../src/modules/situation/schema';
import { BoardYearFilter, CountTables, formatDate, Paragraphs, SuppressionLegend, TrendTable, useBoardChoice } from './components';
import { NameConfirmation, TextAreaField, useNameConfirmation } from './fields';

interface PictureListItem {
  year: number;
  status: 'draft' | 'published';
  compiledOn: string;
}

/** The annual situation picture of a board: compiled by its coordinator, read by the others. */
export function PicturePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const choice = useBoardChoice('situation_pictures.read');
  const { board, year } = choice;
  const compiles = !!board && can('situation_pictures.compile', board.id);
  const list = useQuery<PictureListItem[]>(board ? `/api/situation/boards/${board.id}/pictures` : null);
  const title = board ? t('situation.picture.title', { board: board.name, year }) : t('situation.picture.titleNoBoard');

  return (
    <>
      <p>
        <Link to="/lagesbild">{t('situation.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{compiles ? t('situation.picture.leadCompile') : t('situation.picture.leadRead')}</p>
      {choice.allowed.length > 0 && <BoardYearFilter idPrefix="picture" allowed={choice.allowed} board={board} year={year} onApply={choice.choose} />}
      {list.data && list.data.length > 0 && (
        <nav aria-labelledby="picture-years">
          <h2 id="picture-years">{t('situation.picture.years')}</h2>
          <ul>
            {list.data.map((p) => (
              <li key={p.year}>
                <Link to={`/lagesbild/arsbild?namnd=${board!.id}&ar=${p.year}`} aria-current={p.year === year ? 'page' : undefined}>
                  {p.year}
                </Link>{' '}
                <span className={`tag ${p.status === 'published' ? 'tag--ok' : 'tag--warn'}`}>{t(`situation.picture.status.${p.status}`)}</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {board && (compiles ? <Compile key={`${board.id}-${year}`} boardId={board.id} year={year} /> : <ReadPicture key={`${board.id}-${year}`} boardId={board.id} year={year} />)}
    </>
  );
}

function ReadPicture({ boardId, year }: { boardId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const picture = useQuery<TPicture>(`/api/situation/boards/${boardId}/pictures/${year}?charts=1&lang=${i18n.language}`);
  if (picture.loading) return <Loading />;
  if (picture.error) return picture.error.status === 404 ? <EmptyState>{t('situation.picture.none', { year })}</EmptyState> : <LoadError message={picture.error.message} />;
  const p = picture.data!;
  return (
    <>
      <p>
        <span className={`tag ${p.status === 'published' ? 'tag--ok' : 'tag--warn'}`}>{t(`situation.picture.status.${p.status}`)}</span>{' '}
        {t('situation.picture.compiledOn', { date: formatDate(p.compiledOn, i18n.language) })}
      </p>
      <section aria-labelledby="picture-text">
        <h2 id="picture-text">{t('situation.picture.text')}</h2>
        <Paragraphs text={p.body} />
      </section>
      <Figures figures={p.figures} year={year} />
    </>
  );
}

function Figures({ figures, year }: { figures: TPicture['figures']; year: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="picture-figures">
      <h2 id="picture-figures">{t('situation.picture.figures')}</h2>
      <p>{figures.suppressed ? t('situation.suppressedNote', { threshold: figures.threshold }) : t('situation.exactNote')}</p>
      <SuppressionLegend threshold={figures.threshold} />
      <CountTables counts={figures} charts={figures.charts} year={year} idPrefix="picture" />
      <TrendTable trend={figures.trend} chart={figures.charts.find((c) => c.key === 'trend')} />
    </section>
  );
}

function Compile({ boardId, year }: { boardId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const comp = useQuery<TCompilation>(`/api/situation/boards/${boardId}/compilation?year=${year}&lang=${i18n.language}`);
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<'draft' | 'published' | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const names = useNameConfirmation();

  useEffect(() => {
    if (comp.data) {
      setBody(comp.data.picture?.body ?? comp.data.suggestedBody);
      setStatus(comp.data.picture?.status ?? null);
    }
  }, [comp.data]);

  if (comp.loading && !comp.data) return <Loading />;
  if (comp.error) return <LoadError message={comp.error.message} />;
  const c = comp.data!;

  function check(): boolean {
    if (!body.trim()) {
      setErrors({ body: t('situation.picture.bodyMissing') });
      return false;
    }
    const pd = checkFields({ body }, { subject: 'lägesbilden' })[0];
    if (pd) {
      setErrors({ body: pd.message });
      return false;
    }
    setErrors({});
    return true;
  }

  async function save(publish: boolean) {
    setSaving(true);
    setNotice('');
    try {
      let p = await api<TPicture>('PUT', `/api/situation/boards/${boardId}/pictures/${year}`, { body, ...names.extra });
      names.clear();
      if (publish) p = await api<TPicture>('POST', `/api/situation/boards/${boardId}/pictures/${year}/publish`);
      setStatus(p.status);
      setNotice(publish ? t('situation.picture.published') : t('situation.picture.saved'));
    } catch (err) {
      setErrors(names.errorsFrom(err, ['body'], 'body', t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} idPrefix="picture" />
      <p>
        {status ? (
          <span className={`tag ${status === 'published' ? 'tag--ok' : 'tag--warn'}`}>{t(`situation.picture.status.${status}`)}</span>
        ) : (
          <span className="tag">{t('situation.picture.status.none')}</span>
        )}
      </p>
      <section aria-labelledby="compile-heading" className="panel">
        <h2 id="compile-heading">{t('situation.picture.compileHeading')}</h2>
        <p>{t('situation.picture.compileHelp')}</p>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (check()) void save(false);
          }}
        >
          <fieldset disabled={saving} className="plain-fieldset">
            <TextAreaField
              id="picture-body"
              label={t('situation.picture.text')}
              hint={t('situation.guard.hint')}
              value={body}
              error={errors.body}
              guard
              guardSubject="lägesbilden"
              rows={18}
              onChange={(e) => {
                names.changed();
                setBody(e.target.value);
              }}
            />
            <NameConfirmation idPrefix="picture" state={names} />
            <div className="button-row">
              <button type="submit" className="button button--secondary">
                {t('situation.picture.saveDraft')}
              </button>
              <button type="button" className="button" onClick={() => check() && setConfirm(true)}>
                {t('situation.picture.publish')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  names.changed();
                  setBody(c.suggestedBody);
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
            void save(true);
          }}
        >
          <p>{t('situation.picture.publishHelp')}</p>
        </ConfirmDialog>
      </section>

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
                {formatDate(n.notedOn, i18n.language)} ({t(`situation.sources.${n.source}`)}): {n.body}
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
