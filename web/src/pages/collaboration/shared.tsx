import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TAgreement, TForum, TForumDetail, TMeeting, TPartner, TStrategy } from '@shared/modules/collaboration/schema';
import { useApiQuery } from '../../api/use-query';
import { Notice } from '../../components/feedback';
import { StatusTag } from '../../components/StatusTag';

export type { TAgreement, TForum, TForumDetail, TMeeting, TPartner, TStrategy };

/** What every collaboration write changes: its own reads, the plan check and overview, and the reports. */
export const COLLAB_READS = ['/api/partners', '/api/forums', '/api/agreements', '/api/civil-society-strategies', '/api/plans', '/api/reports'];

export { useBoardsFor } from '../../components/use-boards';

export function BackToCollaboration() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/samverkan">{t('collab.back')}</Link>
    </p>
  );
}

/** An agreement's review state as a tag: the word carries it, the colour helps. */
export function ReviewTag({ state }: { state: TAgreement['reviewState'] }) {
  const { t } = useTranslation();
  const tone = state === 'current' ? 'ok' : state === 'expired' ? 'off' : 'warn';
  return <StatusTag tone={tone}>{t(`collab.review.${state}`)}</StatusTag>;
}

/**
 * A set of checkboxes choosing ids (boards, partners, activities) for one field of a form: a
 * fieldset with legend and hint, the field's error, and focusable as `<idPrefix>-<name>` so the
 * error summary's link lands on it.
 */
export function IdChoices({
  idPrefix,
  name,
  legend,
  hint,
  error,
  options,
  chosen,
  onChange,
  empty,
}: {
  idPrefix: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { id: string; label: string }[];
  chosen: string[];
  onChange(ids: string[]): void;
  empty?: string;
}) {
  const { t } = useTranslation();
  const id = `${idPrefix}-${name}`;
  return (
    <fieldset className={`fieldset${error ? ' field--error' : ''}`} id={id} tabIndex={-1} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span> {error}
        </p>
      )}
      {options.length === 0 && empty ? (
        <p>{empty}</p>
      ) : (
        <ul className="plain-list collab-choices">
          {options.map((o) => (
            <li key={o.id}>
              <input type="checkbox" id={`${id}-${o.id}`} checked={chosen.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id))} />{' '}
              <label htmlFor={`${id}-${o.id}`}>{o.label}</label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** A partner as a choice: its name and type. */
export function usePartnerLabel() {
  const { t } = useTranslation();
  return (p: Pick<TPartner, 'name' | 'type'>) => `${p.name} (${t(`collab.partnerTypes.${p.type}`)})`;
}

type TPlanSummary = { id: string; year: number };
type TPlanActivities = { year: number; activities: { id: string; title: string }[] };

/**
 * The activities of the board's two newest plans, as choices for what carries out an agreement or
 * a strategy goal ("2026: Föräldraträffar"). Empty while loading or with no board.
 */
export function useBoardActivities(boardId: string | null | undefined): { id: string; label: string }[] {
  const plans = useApiQuery<TPlanSummary[]>(boardId ? `/api/plans?boardId=${boardId}` : null);
  const [newest, previous] = [...(plans.data ?? [])].sort((a, b) => b.year - a.year);
  const a = useApiQuery<TPlanActivities>(newest ? `/api/plans/${newest.id}` : null);
  const b = useApiQuery<TPlanActivities>(previous ? `/api/plans/${previous.id}` : null);
  return [a.data, b.data].flatMap((p) => (p ? p.activities.map((x) => ({ id: x.id, label: `${p.year}: ${x.title}` })) : []));
}

/** The notice a form left when it moved the user here (`navigate(to, { state: { notice } })`). */
export function ArrivalNotice() {
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return notice ? <Notice>{notice}</Notice> : null;
}
