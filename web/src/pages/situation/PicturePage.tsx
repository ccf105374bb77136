import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TPicture } from '@shared/modules/situation/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { BoardYearFilter, formatDate, Paragraphs, useBoardChoice } from './components';
import { Compile } from './PictureCompile';
import { Figures, PictureStatus, type PictureListItem } from './picture-parts';

/** The annual situation picture of a board: compiled by its coordinator, read by the others. */
export function PicturePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const choice = useBoardChoice('situation_pictures.read');
  const { board, year } = choice;
  const compiles = !!board && can('situation_pictures.compile', board.id);
  const list = useApiQuery<PictureListItem[]>(board ? `/api/situation/boards/${board.id}/pictures` : null);
  const title = board ? t('situation.picture.title', { board: board.name, year }) : t('situation.picture.titleNoBoard');

  return (
    <>
      <p>
        <Link to="/lagesbild">{t('situation.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{compiles ? t('situation.picture.leadCompile') : t('situation.picture.leadRead')}</p>
      {choice.allowed.length > 0 && <BoardYearFilter idPrefix="picture" allowed={choice.allowed} board={board} year={year} onApply={choice.choose} />}
      <QueryState query={list}>
        {(items) =>
          items.length > 0 && (
            <nav aria-labelledby="picture-years">
              <h2 id="picture-years">{t('situation.picture.years')}</h2>
              <ul>
                {items.map((p) => (
                  <li key={p.year}>
                    <Link to={`/lagesbild/arsbild?namnd=${p.boardId}&ar=${p.year}`} aria-current={p.year === year ? 'page' : undefined}>
                      {p.year}
                    </Link>{' '}
                    <PictureStatus status={p.status} />
                  </li>
                ))}
              </ul>
            </nav>
          )
        }
      </QueryState>
      {board && (compiles ? <Compile key={`${board.id}-${year}`} boardId={board.id} year={year} /> : <ReadPicture key={`${board.id}-${year}`} boardId={board.id} year={year} />)}
    </>
  );
}

function ReadPicture({ boardId, year }: { boardId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const picture = useApiQuery<TPicture>(`/api/situation/boards/${boardId}/pictures/${year}?charts=1&lang=${i18n.language}`);
  // No picture for the year is a state of its own, not an error.
  if (picture.error?.status === 404) return <EmptyState>{t('situation.picture.none', { year })}</EmptyState>;
  return (
    <QueryState query={picture}>
      {(p) => (
        <>
          <p>
            <PictureStatus status={p.status} /> {t('situation.picture.compiledOn', { date: formatDate(p.compiledOn) })}
          </p>
          <section aria-labelledby="picture-text">
            <h2 id="picture-text">{t('situation.picture.text')}</h2>
            <Paragraphs text={p.body} />
          </section>
          <Figures figures={p.figures} year={year} />
        </>
      )}
    </QueryState>
  );
}
