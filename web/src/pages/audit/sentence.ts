import type { TFunction } from 'i18next';

/** One entry of GET /api/audit, as the log page shows it. */
export interface LogEntry {
  seq: number;
  at: string;
  actorEmail: string | null;
  actorName?: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  boardName?: string | null;
  summary: Record<string, unknown>;
  /** Categories of a concern report left out for this reader. */
  redacted?: boolean;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);
/** A summary's value, or the new one of a { from, to } change. */
const value = (s: Record<string, unknown>, key: string): string | null => {
  const v = s[key];
  return v && typeof v === 'object' && 'to' in v ? text((v as { to: unknown }).to) : text(v);
};

/** The entity's name as the summary gives it, if any: a title, a name, a course, an e-mail address. */
function nameOf(e: LogEntry): string | null {
  const s = e.summary;
  const to = s.to && typeof s.to === 'object' ? (s.to as Record<string, unknown>) : {};
  return value(s, 'title') ?? value(s, 'name') ?? text(to.name) ?? value(s, 'course') ?? value(s, 'email') ?? value(s, 'number') ?? null;
}

/**
 * The thing acted on, in Swedish words: "handlingsplanen 2026 för Enskede-Årsta-Vantör",
 * "kursen Grundkurs VBE", "en orosrapport". An entity without words of its own is named by its kind.
 */
export function entityPhrase(e: LogEntry, t: TFunction): string {
  const s = e.summary;
  const ctx = { year: value(s, 'year') ?? value(s, 'fromYear') ?? '', board: e.boardName ?? '', name: nameOf(e) ?? '', period: value(s, 'period') ?? '' };
  const key = `auditLog.entities.${e.entity}`;
  // Each entity's phrase comes in variants by what is known: with a name, a year, a board, a period.
  const variants = [
    ctx.name && 'name',
    ctx.year && ctx.board && 'yearBoard',
    ctx.year && 'year',
    ctx.period && ctx.board && 'periodBoard',
    ctx.period && 'period',
    ctx.board && 'board',
    'plain',
  ].filter((v): v is string => !!v);
  for (const v of variants) {
    const phrase = t(`${key}.${v}`, { ...ctx, defaultValue: '' });
    if (phrase) return phrase;
  }
  return t('auditLog.entities.unknown', { entity: e.entity.replace(/_/g, ' ') });
}

/** Who did it: the account's name, else its e-mail address, else the system. */
export const actorOf = (e: LogEntry, t: TFunction) => e.actorName ?? e.actorEmail ?? t('auditLog.system');

/**
 * One log entry as a sentence: "Anna Andersson skickade handlingsplanen 2026 för EÅV till granskning".
 * The verb comes from a table keyed by the action (a workflow move also by where it went), else by
 * the action's last word (create, update, delete …); an action the tables do not know reads as
 * "Anna Andersson: <the action's label or code>".
 */
export function logSentence(e: LogEntry, t: TFunction): string {
  const actor = actorOf(e, t);
  const entity = entityPhrase(e, t);
  const key = e.action.replace(/\./g, '_');
  const to = value(e.summary, 'to');
  const specific = [to && `${key}_${to}`, key].filter((k): k is string => !!k);
  for (const k of specific) {
    const s = t(`auditLog.actions.${k}`, { actor, entity, defaultValue: '' });
    if (s) return s;
  }
  const verb = t(`auditLog.verbs.${e.action.split('.').pop()}`, { defaultValue: '' });
  if (verb) return t('auditLog.sentence', { actor, verb, entity });
  return t('auditLog.fallback', { actor, label: t(`auditActions.${e.action}`, { defaultValue: e.action }) });
}
