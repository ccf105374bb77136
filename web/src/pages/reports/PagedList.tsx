import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReport } from '@shared/modules/reports/schema';
import { useApiQuery } from '../../api/use-query';

export interface Paged<T> {
  total: number;
  items: T[];
}

interface Props<T> {
  /** The page the report carries. */
  first: Paged<T>;
  /** The report's JSON path with its query string. */
  reportPath: string;
  /** The query parameter that asks for a longer list (e.g. `delayedLimit`) and its highest value. */
  limitParam: string;
  max: number;
  pick: (r: TReport) => Paged<T>;
  /** "Visar 25 av 1 907 …": read out when the list grows. */
  shown: (shown: number, total: number) => string;
  /** Where focus goes once the item at `index` is shown (the first new one). */
  focusTarget: (container: HTMLElement, index: number) => HTMLElement | null | undefined;
  children: (items: T[]) => ReactNode;
}

/**
 * A list the report carries a page of (delayed activities, indicators, the boards' analyses).
 * "Visa fler" reads the report again with a longer list — the server reads no more than is shown —
 * keeps what is shown until the longer list has come, and moves focus to the first new item, so a
 * keyboard user continues where the list grew. The documents always carry every item.
 */
export function PagedList<T>({ first, reportPath, limitParam, max, pick, shown, focusTarget, children }: Props<T>) {
  const { t } = useTranslation();
  const step = Math.max(first.items.length, 1);
  const [limit, setLimit] = useState(first.items.length);
  const more = useApiQuery<TReport>(limit > first.items.length ? `${reportPath}&${limitParam}=${limit}` : null);
  const [list, setList] = useState(first);
  useEffect(() => setList(first), [first]);
  useEffect(() => {
    if (more.data) setList(pick(more.data));
  }, [more.data, pick]);
  const focusFrom = useRef<number | null>(null);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || list.items.length <= from || !container.current) return;
    focusFrom.current = null;
    const target = focusTarget(container.current, from);
    if (!target) return;
    // A table cell or heading takes focus from script only with a tabindex (and stays out of the Tab order with -1).
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
  }, [list.items.length, focusTarget]);

  const atMost = Math.min(list.total, max);
  return (
    <div ref={container}>
      {children(list.items)}
      <p role="status" className="hint">
        {shown(list.items.length, list.total)}
        {list.items.length >= atMost && list.items.length < list.total ? ` ${t('reports.restInDocuments')}` : ''}
      </p>
      {list.items.length < atMost && (
        <button
          type="button"
          className="button button--secondary"
          disabled={more.isFetching}
          onClick={() => {
            focusFrom.current = list.items.length;
            setLimit(Math.min(list.items.length + step, max));
          }}
        >
          {more.isFetching ? t('reports.loadingMore') : t('reports.showMore')}
        </button>
      )}
    </div>
  );
}
