/**
 * The report as documents see it: every label resolved in Swedish, tables and charts laid out
 * (src/documents/report/model.ts). Pure: built from the report's JSON.
 */
import { slug } from '../../documents/plan/outline.js';
import type { ChartSpec, Column, ReportModel, ReportTable } from '../../documents/report/model.js';
import { formatCell } from '../../documents/report/outline.js';
import { AREA_LABELS_SV, type AreaKey } from '../../domain/followup/aggregate.js';
import { INDICATOR_RESULT_LABELS_SV, INDICATOR_RESULTS } from '../../domain/followup/indicators.js';
import { PERIOD_LABELS_SV, type PeriodKind } from '../../domain/followup/periods.js';
import { STATUS_LABELS_SV, type StatusKey } from '../../domain/followup/status.js';
import { LABELS as SITUATION_LABELS, ENVIRONMENTS } from '../../domain/situation/categories.js';
import { STATUS_LABELS_SV as PLAN_STATUS_LABELS_SV } from '../../domain/plans/workflow.js';
import { auditsExternalSection } from './audits-section.js';
import { collaborationExternalSection } from './collaboration-section.js';
import { decisionsExternalSection } from './decisions-section.js';
import { helplineExternalSection } from './helpline-section.js';
import type { TReport } from './schema.js';

/** Status colours: each at least 3:1 against white (WCAG 1.4.11); tables always carry the numbers. */
export const STATUS_COLORS: Readonly<Record<StatusKey, string>> = {
  done: '15803D',
  ongoing: '1D4ED8',
  not_started: 'B45309',
  delayed: 'B91C1C',
  cancelled: '57534E',
  not_reported: '6B7280',
};
/** Order in tables and charts: what is finished first, what needs attention next. */
export const STATUS_ORDER: readonly StatusKey[] = ['done', 'ongoing', 'not_started', 'delayed', 'cancelled', 'not_reported'];

const nf = (n: number) => formatCell(n);
/** "Tertial 1 2026", "Verksamhetsberättelse 2026": words, never the code "2026-T1". */
const PERIOD_WORDS: Record<PeriodKind, string> = { T1: 'Tertial 1', T2: 'Tertial 2', VB: 'Verksamhetsberättelse' };
const TERTIAL_WORDS: Record<string, string> = { T1: 'Tertial 1 (januari–april)', T2: 'Tertial 2 (maj–augusti)', T3: 'Tertial 3 (september–december)' };
export const periodLabel = (p: PeriodKind | string | null, year: number) => (p && p in PERIOD_WORDS ? `${PERIOD_WORDS[p as PeriodKind]} ${year}` : '');
const statusColumns = (): Column[] => STATUS_ORDER.map((s) => ({ key: s, label: STATUS_LABELS_SV[s], numeric: true }));
const date = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

export function basisText(r: Pick<TReport, 'year' | 'period'>): string {
  return r.period
    ? `Status per insats enligt uppföljningen till och med ${PERIOD_LABELS_SV[r.period].toLowerCase()} ${r.year}`
    : `Senast rapporterade status per insats ${r.year} (tertial 1, tertial 2 och verksamhetsberättelse)`;
}

function boardsTable(r: TReport): ReportTable {
  // Status counts only for an approved plan: other plans are not followed up yet.
  const rows = r.boards.map((b) => {
    const followed = b.plan?.status === 'approved';
    return [
    b.name,
    b.plan ? PLAN_STATUS_LABELS_SV[b.plan.status] : 'Ingen plan',
    b.plan?.activityCount ?? 0,
    ...STATUS_ORDER.map((s) => (followed ? b.byStatus[s] : null)),
    followed ? b.donePercent : null,
    b.analysis ? `${periodLabel(b.analysis.period, r.year)}${b.analysis.reportedAt ? '' : ' (utkast)'}` : '–',
    ];
  });
  return {
    caption: r.scope === 'city' ? `Nämndernas planer och insatser ${r.year}` : `Planen och insatserna ${r.year}`,
    columns: [
      { key: 'board', label: 'Nämnd', weight: 3 },
      { key: 'plan', label: 'Planens status', weight: 2 },
      { key: 'activities', label: 'Insatser i planen', numeric: true },
      ...statusColumns(),
      { key: 'donePercent', label: 'Andel genomförda (%)', numeric: true, weight: 1.4 },
      { key: 'analysis', label: 'Samlad analys', weight: 1.6 },
    ],
    rows,
    totals: r.scope === 'city' ? ['Totalt', `${r.totals.boardsWithApprovedPlan} av ${r.totals.boards} godkända`, r.totals.activitiesInPlans, ...STATUS_ORDER.map((s) => r.totals.byStatus[s]), r.totals.donePercent, ''] : undefined,
  };
}

function areasTable(r: TReport): ReportTable {
  const rows = r.measureAreas.filter((a) => a.area !== 'unclassified' || a.total > 0);
  return {
    caption: `Insatser per insatsområde och status ${r.year}`,
    columns: [{ key: 'area', label: 'Insatsområde', weight: 3 }, ...statusColumns(), { key: 'total', label: 'Totalt', numeric: true }],
    rows: rows.map((a) => [AREA_LABELS_SV[a.area], ...STATUS_ORDER.map((s) => a.byStatus[s]), a.total]),
    totals: ['Totalt', ...STATUS_ORDER.map((s) => r.totals.byStatus[s]), r.totals.total],
  };
}

function yoyTable(r: TReport): ReportTable | null {
  const y = r.yearOverYear;
  if (!y.hasHistory) return null;
  return {
    caption: `Jämförelse ${y.previousYear}–${y.year}`,
    columns: [
      { key: 'measure', label: 'Mått', weight: 3 },
      { key: 'previous', label: String(y.previousYear), numeric: true },
      { key: 'current', label: String(y.year), numeric: true },
    ],
    rows: [
      ['Insatser som följs upp', y.previous.total, y.current.total],
      ...STATUS_ORDER.map((s) => [STATUS_LABELS_SV[s], y.previous.byStatus[s], y.current.byStatus[s]]),
      ['Andel genomförda (%)', y.previous.donePercent, y.current.donePercent],
      ['Andel försenade (%)', y.previous.delayedPercent, y.current.delayedPercent],
    ],
  };
}

function delayedTable(r: TReport): ReportTable {
  return {
    caption: `Försenade insatser ${r.year}`,
    columns: [
      { key: 'board', label: 'Nämnd', weight: 2 },
      { key: 'title', label: 'Insats', weight: 3 },
      { key: 'area', label: 'Insatsområde', weight: 1.5 },
      { key: 'period', label: 'Rapporterad', weight: 1.6 },
      { key: 'comment', label: 'Kommentar', weight: 4 },
    ],
    rows: r.delayed.items.map((d) => [d.boardName, d.title, AREA_LABELS_SV[(d.measureArea ?? 'unclassified') as AreaKey], periodLabel(d.period, r.year), d.comment ?? '']),
  };
}

function indicatorTables(r: TReport): { summary: ReportTable; items: ReportTable } {
  return {
    summary: {
      caption: 'Indikatorernas utfall',
      columns: [{ key: 'result', label: 'Utfall', weight: 3 }, { key: 'count', label: 'Antal', numeric: true }],
      rows: INDICATOR_RESULTS.map((x) => [INDICATOR_RESULT_LABELS_SV[x], r.indicators.summary[x]]),
    },
    items: {
      caption: r.scope === 'city' ? 'Effektindikatorer' : 'Indikatorer',
      columns: [
        { key: 'board', label: 'Nämnd', weight: 2 },
        { key: 'activity', label: 'Insats', weight: 3 },
        { key: 'name', label: 'Indikator', weight: 3 },
        { key: 'kind', label: 'Typ', weight: 1.2 },
        { key: 'baseline', label: 'Utgångsvärde', numeric: true, weight: 1.3 },
        { key: 'target', label: 'Mål', numeric: true },
        { key: 'value', label: 'Utfall', numeric: true },
        { key: 'result', label: 'Bedömning', weight: 1.5 },
        { key: 'context', label: 'Kontextindikator', weight: 1.6 },
      ],
      rows: r.indicators.items.map((i) => [
        i.boardName,
        i.activityTitle,
        i.name,
        i.kind === 'effect' ? 'Effekt' : 'Prestation',
        i.baseline,
        i.target,
        i.value,
        INDICATOR_RESULT_LABELS_SV[i.result],
        i.kpiIds.map((k) => kpiName(r, k)).join('; '),
      ]),
    },
  };
}

function contextTable(r: TReport): ReportTable {
  const years = [...new Set(r.context.flatMap((c) => c.values.map((v) => v.year)))].sort((a, b) => a - b).slice(-5);
  return {
    caption: 'Kontextindikatorer (kommunala nyckeltal)',
    columns: [
      { key: 'title', label: 'Nyckeltal', weight: 4 },
      { key: 'area', label: 'Område', weight: 1.5 },
      ...years.map((y) => ({ key: String(y), label: String(y), numeric: true })),
    ],
    rows: r.context.map((c) => [kpiName(r, c.kpiId), c.area, ...years.map((y) => c.values.find((v) => v.year === y)?.value ?? null)]),
  };
}

/** A board report is about one board: its tables leave out the column naming the board. */
function withoutBoardColumn(t: ReportTable): ReportTable {
  if (t.columns[0]?.key !== 'board') return t;
  return { ...t, columns: t.columns.slice(1), rows: t.rows.map((r) => r.slice(1)) };
}

/** A context indicator by its name (the Kolada title), not its code; demo titles lose their "– demodata" tag. */
function kpiName(r: TReport, kpiId: string) {
  const title = r.context.find((c) => c.kpiId === kpiId)?.title;
  return title ? title.replace(/\s+–\s+demodata$/, '') : 'Nyckeltal utan namn';
}

function boardName(r: TReport, id: string) {
  return r.boards.find((b) => b.boardId === id)?.name ?? '';
}

function externalSections(r: TReport): ReportModel['external'] {
  const training: ReportModel['external'][number] = {
    key: 'training',
    title: 'Utbildningstäckning',
    available: r.training.available,
    intro: r.training.available ? `Andel anställda som har genomfört ${r.training.courseName ?? 'grundutbildningen'}, per ${r.training.asOf}.` : undefined,
    tables: [
      {
        caption: 'Utbildningstäckning per nämnd',
        columns: [
          { key: 'board', label: 'Nämnd', weight: 3 },
          { key: 'employees', label: 'Anställda', numeric: true },
          { key: 'completed', label: 'Har genomfört', numeric: true },
          { key: 'percent', label: 'Andel (%)', numeric: true },
        ],
        rows: r.training.rows.map((t) => [boardName(r, t.boardId), t.employees, t.completed, t.percent]),
      },
      {
        caption: `Enheter under ${nf(r.training.laggingBelow)} % (de som ligger längst efter)`,
        columns: [
          { key: 'board', label: 'Nämnd', weight: 3 },
          { key: 'unit', label: 'Enhet', weight: 3 },
          { key: 'employees', label: 'Anställda', numeric: true },
          { key: 'completed', label: 'Har genomfört', numeric: true },
          { key: 'percent', label: 'Andel (%)', numeric: true },
        ],
        rows: r.training.lagging.map((u) => [u.boardName, u.unitName, u.employees, u.completed, u.percent]),
      },
    ].filter((t, i) => i === 0 || t.rows.length > 0),
    notes: r.training.available && r.training.lagging.length === 0 ? [`Ingen enhet ligger under ${nf(r.training.laggingBelow)} %.`] : undefined,
  };
  const situation: ReportModel['external'][number] = {
    key: 'situation',
    title: 'Lägesbild: orosrapporter och händelser',
    available: r.situation.available,
    intro: r.situation.available ? `Orosrapporter ${r.year} per nämnd och miljö.${r.situation.suppressed ? ' Små antal visas inte.' : ''}` : undefined,
    tables: [
      {
        caption: `Orosrapporter ${r.year}`,
        columns: [
          { key: 'board', label: 'Nämnd', weight: 3 },
          { key: 'total', label: 'Totalt', numeric: true },
          ...ENVIRONMENTS.map((e) => ({ key: e, label: SITUATION_LABELS.sv.environment[e], numeric: true, weight: 1.3 })),
        ],
        rows: r.situation.rows.map((s) => [boardName(r, s.boardId), s.total, ...ENVIRONMENTS.map((e) => s.byEnvironment[e] ?? null)]),
      },
      {
        caption: `Orosrapporter ${r.year} per tertial och miljö`,
        columns: [
          { key: 'tertial', label: 'Tertial', weight: 2.4 },
          { key: 'board', label: 'Nämnd', weight: 3 },
          { key: 'total', label: 'Totalt', numeric: true },
          ...ENVIRONMENTS.map((e) => ({ key: e, label: SITUATION_LABELS.sv.environment[e], numeric: true, weight: 1.3 })),
        ],
        rows: r.situation.byTertial.map((t) => [TERTIAL_WORDS[t.tertial], boardName(r, t.boardId), t.total, ...ENVIRONMENTS.map((e) => t.byEnvironment[e] ?? null)]),
      },
    ].filter((t, i) => i === 0 || t.rows.length > 0),
    notes: r.situation.available && r.situation.legend ? [r.situation.legend] : undefined,
  };
  const late: ReportModel['external'][number] = {
    key: 'late_plans',
    title: 'Sena planer',
    available: true,
    intro: r.latePlans.deadline
      ? `Planer som inte var inskickade när sista dag för planerna (${r.latePlans.deadline}) hade passerat.`
      : 'Det finns ingen sista dag för årets planer i planinstruktionen.',
    tables: r.latePlans.items.length
      ? [
          {
            caption: `Sena planer ${r.year}`,
            columns: [
              { key: 'board', label: 'Nämnd', weight: 3 },
              { key: 'status', label: 'Planens status', weight: 2 },
            ],
            rows: r.latePlans.items.map((p) => [p.boardName, p.status ? PLAN_STATUS_LABELS_SV[p.status] : 'Ingen plan']),
          },
        ]
      : [],
    notes: r.latePlans.items.length === 0 && r.latePlans.deadline ? ['Ingen plan är sen.'] : undefined,
  };
  return [late, training, situation, helplineExternalSection(r), auditsExternalSection(r), decisionsExternalSection(r), collaborationExternalSection(r)];
}

/** The charts of a report; each with the table that carries the same numbers. */
export function reportCharts(r: TReport): ChartSpec[] {
  const boards = r.boards.filter((b) => b.total > 0);
  const areas = r.measureAreas.filter((a) => a.area !== 'unclassified' || a.total > 0);
  const charts: ChartSpec[] = [];
  if (boards.length) {
    const most = [...boards].sort((a, b) => b.byStatus.delayed - a.byStatus.delayed)[0];
    charts.push({
      key: 'status_by_board',
      title: r.scope === 'city' ? `Insatser per nämnd och status ${r.year}` : `Insatser per status ${r.year}`,
      categories: boards.map((b) => b.name),
      stacked: true,
      summary:
        r.scope === 'city'
          ? `${boards.length} nämnder har insatser ${r.year}, sammanlagt ${nf(r.totals.total)}, varav ${nf(r.totals.byStatus.done)} genomförda och ${nf(r.totals.byStatus.delayed)} försenade.${most && most.byStatus.delayed > 0 ? ` Flest försenade: ${most.name} (${nf(most.byStatus.delayed)}).` : ''}`
          : `${nf(r.totals.total)} insatser, varav ${nf(r.totals.byStatus.done)} genomförda och ${nf(r.totals.byStatus.delayed)} försenade.`,
      series: STATUS_ORDER.map((s) => ({ key: s, name: STATUS_LABELS_SV[s], values: boards.map((b) => b.byStatus[s]), color: STATUS_COLORS[s] })),
      table: {
        caption: 'Insatser per nämnd och status',
        columns: [{ key: 'board', label: 'Nämnd' }, ...statusColumns(), { key: 'total', label: 'Totalt', numeric: true }],
        rows: boards.map((b) => [b.name, ...STATUS_ORDER.map((s) => b.byStatus[s]), b.total]),
      },
    });
  }
  charts.push({
    key: 'status_by_area',
    title: `Insatser per insatsområde och status ${r.year}`,
    categories: areas.map((a) => AREA_LABELS_SV[a.area]),
    stacked: true,
    summary: areas.map((a) => `${AREA_LABELS_SV[a.area]}: ${nf(a.total)} insatser, ${nf(a.byStatus.done)} genomförda`).join('. ') + '.',
    series: STATUS_ORDER.map((s) => ({ key: s, name: STATUS_LABELS_SV[s], values: areas.map((a) => a.byStatus[s]), color: STATUS_COLORS[s] })),
    table: {
      caption: 'Insatser per insatsområde och status',
      columns: [{ key: 'area', label: 'Insatsområde' }, ...statusColumns(), { key: 'total', label: 'Totalt', numeric: true }],
      rows: areas.map((a) => [AREA_LABELS_SV[a.area], ...STATUS_ORDER.map((s) => a.byStatus[s]), a.total]),
    },
  });
  const y = r.yearOverYear;
  if (y.hasHistory) {
    charts.push({
      key: 'year_over_year',
      title: `Status ${y.previousYear} och ${y.year}`,
      categories: STATUS_ORDER.map((s) => STATUS_LABELS_SV[s]),
      stacked: false,
      summary: `Andel genomförda insatser: ${nf(y.previous.donePercent)} % ${y.previousYear} och ${nf(y.current.donePercent)} % ${y.year}. Andel försenade: ${nf(y.previous.delayedPercent)} % och ${nf(y.current.delayedPercent)} %.`,
      series: [
        { key: 'previous', name: String(y.previousYear), values: STATUS_ORDER.map((s) => y.previous.byStatus[s]), color: '6B7280' },
        { key: 'current', name: String(y.year), values: STATUS_ORDER.map((s) => y.current.byStatus[s]), color: '1F4E79' },
      ],
      table: {
        caption: `Insatser per status ${y.previousYear} och ${y.year}`,
        columns: [{ key: 'status', label: 'Status' }, { key: 'previous', label: String(y.previousYear), numeric: true }, { key: 'current', label: String(y.year), numeric: true }],
        rows: STATUS_ORDER.map((s) => [STATUS_LABELS_SV[s], y.previous.byStatus[s], y.current.byStatus[s]]),
      },
    });
  }
  return charts;
}

export function reportFileName(r: TReport): string {
  return r.scope === 'city' ? `samlad-rapport-vbe-${r.year}` : `uppfoljning-${slug(r.boards[0]?.name ?? 'namnd')}-${r.year}`;
}

export function toReportModel(r: TReport, activities?: { board_id: string; title: string; measure_area: string | null; responsible: string; timeline: string; status: string | null; period: string | null; comment: string | null }[]): ReportModel {
  const city = r.scope === 'city';
  const board = r.boards[0];
  const ind = indicatorTables(r);
  const reported = r.boards.filter((b) => b.analysis?.reportedAt).length;
  const keyFigures = [
    ...(city ? [{ label: 'Nämnder med godkänd plan', value: `${r.totals.boardsWithApprovedPlan} av ${r.totals.boards}` }] : [{ label: 'Planens status', value: board?.plan ? PLAN_STATUS_LABELS_SV[board.plan.status] : 'Ingen plan' }]),
    { label: 'Insatser i årets planer', value: nf(r.totals.activitiesInPlans) },
    { label: 'Insatser i godkända planer (följs upp)', value: nf(r.totals.total) },
    { label: 'Genomförda insatser', value: `${nf(r.totals.byStatus.done)} (${nf(r.totals.donePercent)} %)` },
    { label: 'Försenade insatser', value: nf(r.totals.byStatus.delayed) },
    { label: 'Insatser utan rapport', value: nf(r.totals.byStatus.not_reported) },
    { label: city ? 'Effektindikatorer med nått mål' : 'Indikatorer med nått mål', value: `${nf(r.indicators.summary.achieved)} av ${nf(r.indicators.total)}` },
    ...(city ? [{ label: 'Nämnder vars senaste analys är markerad som rapporterad', value: `${reported} av ${r.totals.boards}` }] : []),
  ];
  const names = new Map(r.boards.map((b) => [b.boardId, b.name]));
  return {
    scope: r.scope,
    municipality: r.municipality,
    title: city ? `Samlad rapport om arbetet mot våldsbejakande extremism ${r.year}` : `Uppföljning av lokal handlingsplan mot våldsbejakande extremism ${r.year}`,
    subtitle: city ? `${r.municipality} – underlag till kommunstyrelsen` : (board?.name ?? ''),
    year: r.year,
    basis: basisText(r),
    generatedOn: r.generatedAt.slice(0, 10),
    keyFigures,
    boards: boardsTable(r),
    measureAreas: areasTable(r),
    charts: reportCharts(r),
    yearOverYear: yoyTable(r),
    delayed: city ? delayedTable(r) : withoutBoardColumn(delayedTable(r)),
    indicators: city ? ind.items : withoutBoardColumn(ind.items),
    indicatorSummary: ind.summary,
    contextIndicators: r.context.length || r.indicators.items.some((i) => i.kpiIds.length) ? contextTable(r) : null,
    // Only analyses marked reported: a draft is the board's work in progress, not its word.
    analyses: r.analyses.items
      .filter((a) => a.reportedAt)
      .map((a) => ({
        boardName: a.boardName,
        periodLabel: periodLabel(a.period, r.year),
        stateLabel: `Markerad som rapporterad ${date(a.reportedAt)}`,
        sections: a.sections.filter((s) => s.text.trim() !== '').map((s) => ({ title: s.title, text: s.text })),
      })),
    summary: r.summary?.text ?? null,
    external: externalSections(r),
    activities: activities
      ? {
          caption: `Insatser ${r.year} med senast rapporterade status`,
          columns: [
            { key: 'board', label: 'Nämnd', weight: 2 },
            { key: 'title', label: 'Insats', weight: 4 },
            { key: 'area', label: 'Insatsområde', weight: 2 },
            { key: 'responsible', label: 'Ansvarig', weight: 2 },
            { key: 'timeline', label: 'Tidsplan', weight: 2 },
            { key: 'status', label: 'Status', weight: 1.5 },
            { key: 'period', label: 'Rapporterad', weight: 1 },
            { key: 'comment', label: 'Kommentar', weight: 4 },
          ],
          rows: activities.map((a) => [
            names.get(a.board_id) ?? '',
            a.title,
            AREA_LABELS_SV[(a.measure_area ?? 'unclassified') as AreaKey],
            a.responsible,
            a.timeline,
            STATUS_LABELS_SV[(a.status ?? 'not_reported') as StatusKey],
            periodLabel(a.period, r.year),
            a.comment ?? '',
          ]),
        }
      : undefined,
    fileName: reportFileName(r),
  };
}

