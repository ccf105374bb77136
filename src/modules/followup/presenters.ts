import { ANALYSIS_HEADINGS, ANALYSIS_HEADING_LABELS_SV } from '../../domain/followup/analysis.js';
import { deadlineOf } from '../../domain/followup/deadlines.js';
import { defaultSettings, formatPeriod, periodState, type PeriodId, type PeriodKind, type PeriodSettings } from '../../domain/followup/periods.js';
import type { AnalysisRow, FollowUpRow, PeriodRow } from './repo.js';
import type { TAnalysis, TFollowUp, TPeriodInfo } from './schema.js';

export const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function settingsOf(row: PeriodRow | undefined, year: number): PeriodSettings {
  if (!row) return defaultSettings(year);
  return { opensOn: row.opens_on, closesOn: row.closes_on, closedAt: row.closed_at ? iso(row.closed_at) : null };
}

/** `defaults` are the municipality's default deadline days per kind (periods.service `deadlineDays`). */
export function presentPeriod(p: PeriodId, row: PeriodRow | undefined, today: string, defaults: Readonly<Record<PeriodKind, string>>): TPeriodInfo {
  const s = settingsOf(row, p.year);
  const deadline = deadlineOf(p, row?.deadline ?? null, defaults);
  return {
    period: formatPeriod(p),
    year: p.year,
    kind: p.kind,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    closedAt: s.closedAt,
    state: periodState(s, today),
    deadline,
    deadlineIsDefault: !row?.deadline,
    deadlinePassed: today > deadline,
  };
}

export function presentFollowUp(f: FollowUpRow): TFollowUp {
  return {
    id: f.id,
    activityId: f.activity_id,
    boardId: f.board_id,
    period: formatPeriod({ year: f.year, kind: f.period }),
    year: f.year,
    status: f.status,
    comment: f.comment,
    indicatorValues: f.indicator_values ?? [],
    reportedByName: f.reported_by_name,
    reportedAt: iso(f.reported_at),
  };
}

export function presentAnalysis(a: AnalysisRow): TAnalysis {
  const sections = a.sections ?? {};
  return {
    boardId: a.board_id,
    period: formatPeriod({ year: a.year, kind: a.period }),
    sections: ANALYSIS_HEADINGS.map((key) => ({ key, title: ANALYSIS_HEADING_LABELS_SV[key], text: sections[key] ?? '' })),
    updatedByName: a.updated_by_name,
    updatedAt: iso(a.updated_at),
    reportedAt: a.reported_at ? iso(a.reported_at) : null,
    reportedByName: a.reported_by_name,
  };
}
