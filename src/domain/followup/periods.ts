/**
 * Follow-up periods (PRODUCT.md §3): each year has two tertial reports (T1, T2) and the annual
 * report (VB, verksamhetsberättelse). A period is open for reporting from the start of the year
 * (or the date the central coordinator sets) until the central coordinator closes it, or until
 * its planned closing date has passed; reopening it allows reports again.
 *
 * Pure: no I/O; the caller passes today's date.
 */

export const PERIOD_KINDS = ['T1', 'T2', 'VB'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodId {
  year: number;
  kind: PeriodKind;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const PERIOD_LABELS_SV: Readonly<Record<PeriodKind, string>> = {
  T1: 'Tertial 1 (januari–april)',
  T2: 'Tertial 2 (maj–augusti)',
  VB: 'Verksamhetsberättelse (helår)',
};
export const PERIOD_LABELS_EN: Readonly<Record<PeriodKind, string>> = {
  T1: 'Tertial 1 (January–April)',
  T2: 'Tertial 2 (May–August)',
  VB: 'Annual report (full year)',
};

export const PERIOD_PATTERN = /^(\d{4})-(T1|T2|VB)$/;

/** "2018-T2" → { year: 2018, kind: 'T2' }; anything else (2026-T7, 2018-t2, 1850-T1) → null. */
export function parsePeriod(text: string): PeriodId | null {
  const m = PERIOD_PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return { year, kind: m[2] as PeriodKind };
}

export const formatPeriod = (p: PeriodId): string => `${p.year}-${p.kind}`;

/** Order within a year: T1 < T2 < VB. The latest report of a year is the one with the highest rank. */
export const periodRank = (kind: PeriodKind): number => PERIOD_KINDS.indexOf(kind) + 1;

export const periodsOfYear = (year: number): PeriodId[] => PERIOD_KINDS.map((kind) => ({ year, kind }));

/** Dates the central coordinator sets. `closedAt` is a manual close (an ISO timestamp). */
export interface PeriodSettings {
  opensOn: string;
  /** Planned last day of reporting; after it the period is closed. Null: open until closed by hand. */
  closesOn: string | null;
  closedAt: string | null;
}

export type PeriodState = 'not_open' | 'open' | 'closed';

export const PERIOD_STATE_LABELS_SV: Readonly<Record<PeriodState, string>> = {
  not_open: 'Inte öppen än',
  open: 'Öppen för rapportering',
  closed: 'Stängd',
};

/** A period nobody has configured: open from 1 January of its year until the coordinator closes it. */
export function defaultSettings(year: number): PeriodSettings {
  return { opensOn: `${year}-01-01`, closesOn: null, closedAt: null };
}

/** `today` is YYYY-MM-DD in the municipality's time zone. */
export function periodState(s: PeriodSettings, today: string): PeriodState {
  if (s.closedAt) return 'closed';
  if (s.closesOn && today > s.closesOn) return 'closed';
  if (today < s.opensOn) return 'not_open';
  return 'open';
}

/** Why a report for the period is refused, in Swedish; null when reporting is allowed. */
export function reportingRefusal(period: PeriodId, s: PeriodSettings, today: string): string | null {
  const label = formatPeriod(period);
  switch (periodState(s, today)) {
    case 'open':
      return null;
    case 'not_open':
      return `Perioden ${label} öppnar för rapportering ${s.opensOn}.`;
    case 'closed':
      return `Perioden ${label} är stängd för rapportering. Be den centrala samordnaren att öppna den igen.`;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export interface SettingsProblem {
  field: 'opensOn' | 'closesOn';
  message: string;
}

/**
 * Dates the coordinator may set for a period of `year`: opening in the year itself or the next one
 * (the annual report is written in January–February), closing on or after the opening and no later
 * than the end of the following year.
 */
export function checkSettings(year: number, s: Pick<PeriodSettings, 'opensOn' | 'closesOn'>): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const first = `${year}-01-01`;
  const last = `${year + 1}-12-31`;
  if (!isIsoDate(s.opensOn)) problems.push({ field: 'opensOn', message: 'Ange startdatum som ÅÅÅÅ-MM-DD.' });
  else if (s.opensOn < first || s.opensOn > last) {
    problems.push({ field: 'opensOn', message: `Startdatum ska ligga mellan ${first} och ${last}.` });
  }
  if (s.closesOn !== null) {
    if (!isIsoDate(s.closesOn)) problems.push({ field: 'closesOn', message: 'Ange slutdatum som ÅÅÅÅ-MM-DD.' });
    else if (s.closesOn > last) problems.push({ field: 'closesOn', message: `Slutdatum får vara senast ${last}.` });
    else if (isIsoDate(s.opensOn) && s.closesOn < s.opensOn) {
      problems.push({ field: 'closesOn', message: 'Slutdatum kan inte ligga före startdatum.' });
    }
  }
  return problems;
}

/**
 * The period a dashboard opens on: the one covering today's month (T1 January–April, T2 May–August,
 * VB from September) when it is open, else the year's first open period, else the calendar one.
 */
export function currentPeriod(year: number, settings: (kind: PeriodKind) => PeriodSettings, today: string): PeriodId {
  const calendar: PeriodKind = today < `${year}-05-01` ? 'T1' : today < `${year}-09-01` ? 'T2' : 'VB';
  if (periodState(settings(calendar), today) === 'open') return { year, kind: calendar };
  const open = PERIOD_KINDS.find((k) => periodState(settings(k), today) === 'open');
  return { year, kind: open ?? calendar };
}
