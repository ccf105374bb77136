import { useSearchParams } from 'react-router';
import type { TBoard } from '@shared/modules/orgs/schema';

/**
 * The choice of one board (or all) for a list page, kept in the address as `?namnd=`: a select and
 * a button, so that choosing by keyboard does not reload the list on every arrow key. Shown only
 * when there is more than one board to choose from.
 */
export function BoardFilter({ id, boards, label, allLabel, showLabel }: { id: string; boards: TBoard[]; label: string; allLabel: string; showLabel: string }) {
  const [params, setParams] = useSearchParams();
  const boardId = params.get('namnd');
  if (boards.length < 2) return null;
  return (
    <form
      className="inline-fields"
      onSubmit={(e) => {
        e.preventDefault();
        const chosen = String(new FormData(e.currentTarget).get('namnd') ?? '');
        setParams(chosen ? { namnd: chosen } : {});
      }}
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} name="namnd" defaultValue={boardId ?? ''} key={boardId ?? 'all'}>
          <option value="">{allLabel}</option>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {showLabel}
      </button>
    </form>
  );
}
