import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_LISTS, type ReportListName, type TReport } from '@shared/modules/reports/schema';
import { useApiQuery } from '../../api/use-query';

interface Props<K extends ReportListName> {
  /** Which of the report's long lists (its page length and parameter: REPORT_LISTS). */
  list: K;
  r: TReport;
  /** The report's JSON path with its query string. */
  reportPath: string;
  /** "Visar 25 av 1 907 …": read out when the list grows. */
  shown: (shown: number, total: number) => string;
  /** Where focus goes once the item at `index` is shown (the first new one). */
  focusTarget: (container: HTMLElement, index: number) => HTMLElement | null | undefined;
  children: (items: TReport[K]['items']) => ReactNode;
}

/**
 * A list the report carries a page of (delayed activities, indicators, the boards' analyses).
 * "Visa fler" reads the report again with a longer list — the server reads no more than is shown —
 * keeps what is shown until the longer list has come, and moves focus to the first new item, so a
 * keyboard user continues where the list grew. The documents always carry every item.
 */
export function PagedList<K extends ReportListName>({ list: name, r, reportPath, shown, focusTarget, children }: Props<K>) {
  const { t } = useTranslation();
  const { limitParam, max } = REPORT_LISTS[name];
  const first: TReport[K] = r[name];
  const step = Math.max(first.items.length, 1);
  const [limit, setLimit] = useState(first.items.length);
  const more = useApiQuery<TReport>(limit > first.items.length ? `${reportPath}&${limitParam}=${limit}` : null);
  const [list, setList] = useState(first);
  useEffect(() => setList(first), [first]);
  useEffect(() => {
    if (more.data) setList(more.data[name]);
  }, [more.data, name]);
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
      {children(list.items as TReport[K]['items'])}
      <p role="status" className="hint">
        {shown(list.items.length, list.total)}
        {list.items.length >= atMost && list.items.length < list.total ? ` ${t('reports.restInDocuments')}` : ''}
      </p>
      {list.items.length < atMost && (
        <button
          type="button"
          className="button button--secondary"
          // aria-disabled, not disabled: a disabled button drops the keyboard focus to the page
          // while the longer list loads; this one keeps it until the first new item takes it.
          aria-disabled={more.isFetching}
          onClick={() => {
            if (more.isFetching) return;
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
