import { useMemo, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Action, TBoard, TMe } from '../../api/types';
import { useApiQuery } from '../../api/use-query';
import { scopeIn, useSession } from '../../auth/session';
import { ScrollTable as ScrollBox } from '../../components/ScrollTable';
import { formatDay } from '../../format/dates';
import './situation.css';

export type { Cell } from './count-tables';
export { ChartWithTable, CountTable, CountTables, Num, SuppressionLegend, TrendTable } from './count-tables';

export { ScrollBox };
export const thisYear = () => new Date().getFullYear();

/**
 * Boards the user may pick for `action`: the boards the server says the action reaches
 * (GET /api/me `can`). The server decides in the end; this only keeps the choices honest.
 */
export function boardsFor(me: TMe | null, boards: TBoard[] | undefined, action: Action): TBoard[] {
  if (!me || !boards) return [];
  const scope = scopeIn(me, action);
  return scope === 'all' ? boards : boards.filter((b) => scope.includes(b.id));
}

/**
 * The board chosen in the address (?namnd=), defaulting to the first one `action` reaches — or to
 * none with `firstByDefault: false`, for readers who start from the whole city.
 */
export function useBoardChoice(action: Action, { firstByDefault = true }: { firstByDefault?: boolean } = {}) {
  const { me } = useSession();
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const [params, setParams] = useSearchParams();
  const allowed = useMemo(() => boardsFor(me, boards.data, action), [me, boards.data, action]);
  const wanted = params.get('namnd');
  const board = allowed.find((b) => b.id === wanted) ?? (firstByDefault ? allowed[0] : undefined);
  const year = Number(params.get('ar')) || thisYear();
  return {
    allowed,
    board,
    year,
    /** The read of the boards: render the page's board-dependent part through `<QueryState query={choice.boards}>`. */
    boards,
    choose(next: { board?: string; year?: number }) {
      const p = new URLSearchParams(params);
      if (next.board) p.set('namnd', next.board);
      if (next.year) p.set('ar', String(next.year));
      setParams(p);
    },
  };
}

/** Board and year, applied with a button (a select that navigates on change would surprise keyboard users). */
export function BoardYearFilter({
  idPrefix,
  allowed,
  board,
  year,
  onApply,
  withYear = true,
  years,
}: {
  idPrefix: string;
  allowed: TBoard[];
  board?: TBoard;
  year: number;
  onApply(v: { board?: string; year?: number }): void;
  withYear?: boolean;
  years?: number[];
}) {
  const { t } = useTranslation();
  const yearOptions = years ?? Array.from({ length: 10 }, (_, i) => thisYear() - i);
  return (
    <form
      className="filters"
      aria-label={t('situation.filter.label')}
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        onApply({ board: (data.get('board') as string) || undefined, year: withYear ? Number(data.get('year')) : undefined });
      }}
    >
      {allowed.length > 1 && (
        <div className="field">
          <label htmlFor={`${idPrefix}-board`}>{t('situation.filter.board')}</label>
          <select id={`${idPrefix}-board`} name="board" defaultValue={board?.id ?? ''} key={board?.id ?? 'none'}>
            {!board && <option value="">{t('situation.filter.chooseBoard')}</option>}
            {allowed.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {withYear && (
        <div className="field">
          <label htmlFor={`${idPrefix}-year`}>{t('situation.filter.year')}</label>
          <select id={`${idPrefix}-year`} name="year" defaultValue={year} key={year}>
            {[...new Set([year, ...yearOptions])]
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </div>
      )}
      <button type="submit" className="button button--secondary">
        {t('situation.filter.apply')}
      </button>
    </form>
  );
}

/** Multi-line text as paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <div className="picture-body">
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

/** A day or a timestamp as the day in Swedish time, in the one date format of every page (format/dates.ts). */
export const formatDate = (iso: string) => formatDay(iso);
