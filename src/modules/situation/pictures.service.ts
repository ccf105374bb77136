import type { Database } from '../../db/database.js';
import { CALLER_TYPE_LABELS_SV, CALLER_TYPES } from '../../domain/hub/helpline.js';
import { helplineSummary } from '../hub/helpline.service.js';
import { boardScope, can, inScope, scopeOf, type Actor } from '../../domain/policy/index.js';
import {
  CONCERN_TYPES,
  ENVIRONMENTS,
  LABELS,
  todayInSweden,
  type ConcernType,
  type Environment,
  type Lang,
  type NoteSource,
  type Tertial,
  tertialOf,
} from '../../domain/situation/categories.js';
import { countReports, crossTable, suppressedCityCounts, yearOf, type CountableReport, type Counts } from '../../domain/situation/counts.js';
import { suppressedTertialEnvironments } from '../../domain/situation/tertial-suppression.js';
import { suppressionLegendSv, type Cell } from '../../domain/suppression.js';
import { forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/repo.js';
import { boardInMunicipality, isInsideBoard, requireBoard, requireCityView, suppressionThreshold } from './access.js';
import { situationCharts } from './charts.js';
import * as concerns from './concerns.repo.js';
import { confirmationSummary, guardFreeText } from './guard.js';
import * as notesRepo from './notes.repo.js';
import { iso, presentSituationNote } from './presenters.js';
import * as repo from './pictures.repo.js';
import type { TBoardCounts, TCityPicture, TCompilation, TPicture, TSituationNote, TSurveySummary } from './schema.js';
import { listSurveys } from './surveys.service.js';

/** Years the trend covers: up to five, from the first year with reports. */
const TREND_YEARS = 5;

async function trendYears(db: Database, municipalityId: string, year: number): Promise<number[]> {
  const first = (await concerns.firstYear(db, municipalityId)) ?? year;
  const from = Math.min(year, Math.max(first, year - TREND_YEARS + 1));
  return Array.from({ length: year - from + 1 }, (_, i) => from + i);
}

const toCountable = (r: { board_id: string; occurred_on: string; type: string; environment: string }): CountableReport => ({
  boardId: r.board_id,
  occurredOn: r.occurred_on,
  type: r.type as ConcernType,
  environment: r.environment as Environment,
});

async function boardsOf(db: Database, municipalityId: string) {
  const kindOrder = { city_board: 0, district_board: 1, specialist_board: 2 } as const;
  return (await orgs.listBoards(db, municipalityId)).sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name, 'sv'));
}

/**
 * Boards whose counts the reader sees exactly elsewhere: inside the board (its page shows them
 * exactly), or allowed to list its reports (the list shows each report's categories).
 */
const knownTo = (reader: Actor, boardId: string) => isInsideBoard(reader, boardId) || can(reader, 'concerns.list', { boardId });

/**
 * The suppressed city tables for each of `years`, as suppressed for `reader`: the one source of
 * every count shown outside a board. The boards the reader knows exactly count as known, so no
 * other board's small count can be had by subtracting them (src/domain/suppression.ts).
 */
async function suppressedYears(db: Database, reader: Actor, years: number[], threshold: number) {
  const municipalityId = reader.municipalityId;
  const boards = await boardsOf(db, municipalityId);
  const known = boards.filter((b) => knownTo(reader, b.id)).map((b) => b.id);
  const reports = (await concerns.countable(db, { municipalityId, fromYear: years[0], toYear: years[years.length - 1] })).map(toCountable);
  const perYear = new Map(
    years.map((y) => [
      y,
      suppressedCityCounts(
        boards.map((b) => b.id),
        reports.filter((r) => yearOf(r.occurredOn) === y),
        threshold,
        known,
      ),
    ]),
  );
  return { boards, perYear };
}

const trendPoint = (year: number, c: Counts<Cell>) => ({ year, total: c.total, byType: c.byType, byEnvironment: c.byEnvironment });

/**
 * The city-wide picture for the central coordinator, the auditor and the city board's viewers:
 * counts per board, type, environment and tertial, and the trend. Always suppressed, never text.
 */
export async function getCityPicture(opts: { db: Database; actor: Actor; year: number; charts: boolean; lang: Lang }): Promise<TCityPicture> {
  requireCityView(opts.actor);
  const threshold = await suppressionThreshold(opts.db, opts.actor.municipalityId);
  const years = await trendYears(opts.db, opts.actor.municipalityId, opts.year);
  const { boards, perYear } = await suppressedYears(opts.db, opts.actor, years, threshold);
  const current = perYear.get(opts.year)!;
  const trend = years.map((y) => trendPoint(y, perYear.get(y)!.totals));
  const rows = boards.map((b, i) => ({ boardId: b.id, boardName: b.name, boardKind: b.kind, ...current.boards[i] }));
  return {
    year: opts.year,
    threshold,
    legend: suppressionLegendSv(threshold),
    boards: rows,
    totals: current.totals,
    trend,
    charts: opts.charts
      ? await situationCharts({
          lang: opts.lang,
          year: opts.year,
          byType: current.totals.byType,
          byEnvironment: current.totals.byEnvironment,
          trend,
          perBoard: rows.map((r) => ({ name: r.boardName, total: r.total })),
        })
      : [],
  };
}

/** Figures for one board: exact inside the board, else its row of the suppressed city tables. */
async function boardFigures(db: Database, actor: Actor, board: { id: string; name: string }, year: number, charts: boolean, lang: Lang): Promise<TBoardCounts> {
  const threshold = await suppressionThreshold(db, actor.municipalityId);
  const years = await trendYears(db, actor.municipalityId, year);
  const inside = isInsideBoard(actor, board.id);
  let current: Counts<Cell>;
  let trend: ReturnType<typeof trendPoint>[];
  let cross: TBoardCounts['cross'] = null;
  if (inside) {
    const reports = (await concerns.countable(db, { municipalityId: actor.municipalityId, fromYear: years[0], toYear: year, boardId: board.id })).map(toCountable);
    const ofYear = (y: number) => reports.filter((r) => yearOf(r.occurredOn) === y);
    current = countReports(ofYear(year));
    trend = years.map((y) => trendPoint(y, countReports(ofYear(y))));
    cross = crossTable(ofYear(year));
  } else {
    const { boards, perYear } = await suppressedYears(db, actor, years, threshold);
    const i = boards.findIndex((b) => b.id === board.id);
    current = perYear.get(year)!.boards[i];
    trend = years.map((y) => trendPoint(y, perYear.get(y)!.boards[i]));
  }
  return {
    boardId: board.id,
    boardName: board.name,
    year,
    suppressed: !inside,
    threshold,
    legend: suppressionLegendSv(threshold),
    ...current,
    cross,
    trend,
    charts: charts ? await situationCharts({ lang, year, byType: current.byType, byEnvironment: current.byEnvironment, trend }) : [],
  };
}

export async function getBoardCounts(opts: { db: Database; actor: Actor; boardId: string; year: number; charts: boolean; lang: Lang }) {
  const board = await requireBoard(opts.db, opts.actor, 'situation.read', opts.boardId);
  return boardFigures(opts.db, opts.actor, board, opts.year, opts.charts, opts.lang);
}

/**
 * Concern reports of one tertial per environment, for each board the reader reads counts of
 * (`situation.read`): exact inside the board, else the board's row of that tertial's city tables
 * suppressed by the same rule, threshold and known boards as the year's tables. For the start
 * page's board overview; like every count, not a read of report texts, so not audited.
 */
export async function tertialEnvironmentCounts(opts: { db: Database; actor: Actor; year: number; tertial: Tertial }) {
  const [counts] = await tertialsEnvironmentCounts({ ...opts, tertials: [opts.tertial] });
  return counts;
}

/**
 * The same for several tertials of the year, from one read of the year's reports. Outside the
 * reader's own boards the tertials are suppressed together with the year's published picture, so
 * that they cannot be subtracted from it (src/domain/situation/tertial-suppression.ts).
 */
export async function tertialsEnvironmentCounts(opts: { db: Database; actor: Actor; year: number; tertials: readonly Tertial[] }) {
  return (await yearAndTertialCounts(opts)).tertials;
}

/**
 * The year's suppressed city table (the city picture's rows for that year, computed by the same
 * rule) and its tertials per environment, from one read: for the city report, which shows both.
 */
export async function yearAndTertialCounts(opts: { db: Database; actor: Actor; year: number; tertials: readonly Tertial[] }) {
  const threshold = await suppressionThreshold(opts.db, opts.actor.municipalityId);
  const boards = await boardsOf(opts.db, opts.actor.municipalityId);
  const boardIds = boards.map((b) => b.id);
  const known = boards.filter((b) => knownTo(opts.actor, b.id)).map((b) => b.id);
  const ofYear = (await concerns.countable(opts.db, { municipalityId: opts.actor.municipalityId, fromYear: opts.year, toYear: opts.year })).map(toCountable);
  const year = suppressedCityCounts(boardIds, ofYear, threshold, known);
  const suppressed = suppressedTertialEnvironments({ boardIds, reports: ofYear, threshold, knownBoards: known, year });
  const scope = scopeOf(opts.actor, 'situation.read');
  const legend = suppressionLegendSv(threshold);
  const tertials = opts.tertials.map((tertial) => {
    const rows = boards.flatMap((b, i) => {
      if (!inScope(scope, b.id)) return [];
      const inside = isInsideBoard(opts.actor, b.id);
      const c = inside ? countReports(ofYear.filter((r) => r.boardId === b.id && tertialOf(r.occurredOn) === tertial)) : suppressed[tertial][i];
      return [{ boardId: b.id, suppressed: !inside, total: c.total, byEnvironment: c.byEnvironment }];
    });
    return { tertial, threshold, legend, boards: rows };
  });
  return { legend, year: { boards: boards.map((b, i) => ({ boardId: b.id, ...year.boards[i] })), totals: year.totals }, tertials };
}

// ---- Annual pictures -------------------------------------------------------------------------

/** Drafts are for those who compile them and the auditor, on the boards their grants reach; everyone else sees published pictures. */
const seesDrafts = (actor: Actor, boardId: string) => inScope(boardScope(actor, ['local_coordinator', 'central_coordinator', 'auditor']), boardId);

export async function listPictures(opts: { db: Database; actor: Actor; boardId: string }) {
  await requireBoard(opts.db, opts.actor, 'situation_pictures.list', opts.boardId);
  const rows = await repo.listPictures(opts.db, opts.boardId, !seesDrafts(opts.actor, opts.boardId));
  return rows.map((p) => ({ boardId: p.board_id, year: p.year, status: p.status as 'draft' | 'published', compiledOn: p.compiled_on, publishedAt: iso(p.published_at) }));
}

type PictureRow = NonNullable<Awaited<ReturnType<typeof repo.findPicture>>>;
const presentPicture = (p: PictureRow, boardName: string) => ({
  boardId: p.board_id,
  boardName,
  year: p.year,
  status: p.status as 'draft' | 'published',
  compiledOn: p.compiled_on,
  publishedAt: iso(p.published_at),
  body: p.body,
  updatedAt: iso(p.updated_at)!,
});

export async function getPicture(opts: { db: Database; actor: Actor; boardId: string; year: number; charts: boolean; lang: Lang }): Promise<TPicture> {
  const board = await requireBoard(opts.db, opts.actor, 'situation_pictures.read', opts.boardId);
  const p = await repo.findPicture(opts.db, board.id, opts.year);
  if (!p || (p.status !== 'published' && !seesDrafts(opts.actor, board.id))) throw notFound('Lägesbilden');
  return { ...presentPicture(p, board.name), figures: await boardFigures(opts.db, opts.actor, board, opts.year, opts.charts, opts.lang) };
}

const cellText = (c: Cell) => String(c);

/** A first draft written from the figures, for the coordinator to rework. Swedish, as the picture is. */
export function suggestBody(o: {
  boardName: string;
  year: number;
  figures: TBoardCounts;
  surveys: TSurveySummary[];
  notes: TSituationNote[];
  /** The board's calls to the helpline in the year (the hub's count, exact for the board's own coordinator). */
  helpline?: { total: Cell; byCallerType: Record<string, Cell> } | null;
}): string {
  const L = LABELS.sv;
  const f = o.figures;
  const envs = ENVIRONMENTS.map((e) => `${L.environment[e]} ${cellText(f.byEnvironment[e])}`).join(', ');
  const numeric = CONCERN_TYPES.filter((t) => typeof f.byType[t] === 'number' && (f.byType[t] as number) > 0).sort((a, b) => (f.byType[b] as number) - (f.byType[a] as number));
  const prev = f.trend.find((p) => p.year === o.year - 1);
  const lines = [
    `Lägesbild ${o.year} – ${o.boardName}`,
    '',
    'Rapporter om oro och händelser',
    `Under ${o.year} kom ${cellText(f.total)} avidentifierade rapporter om oro eller händelser med möjlig koppling till våldsbejakande extremism in till nämnden. Per miljö: ${envs}.` +
      (numeric.length ? ` Vanligast var ${L.type[numeric[0]].toLowerCase()} (${f.byType[numeric[0]]}).` : '') +
      (prev ? ` Året innan var antalet ${cellText(prev.total)}.` : ''),
    '',
    'Enkäter',
    ...(o.surveys.length
      ? o.surveys.map((s) => `Enkäten ”${s.title}” skickades till ${s.sent} mottagare och besvarades av ${cellText(s.answered)}${s.responseRate !== null ? ` (${s.responseRate} %)` : ''}.`)
      : [`Ingen enkät genomfördes under ${o.year}.`]),
    '',
    'Lotsfunktionen',
    o.helpline && o.helpline.total !== 0
      ? `Lotsfunktionen tog emot ${cellText(o.helpline.total)} samtal under ${o.year}: ` +
        CALLER_TYPES.filter((c) => o.helpline!.byCallerType[c] !== undefined && o.helpline!.byCallerType[c] !== 0)
          .map((c) => `${CALLER_TYPE_LABELS_SV[c].toLowerCase()} ${cellText(o.helpline!.byCallerType[c])}`)
          .join(', ') +
        '.'
      : `Inga samtal till lotsfunktionen registrerades under ${o.year}.`,
    '',
    'Polisens bild och andra källor',
    ...(o.notes.length
      ? o.notes
          .slice()
          .sort((a, b) => a.notedOn.localeCompare(b.notedOn))
          .map((n) => `${n.notedOn} (${SOURCE_SV[n.source]}): ${n.body}`)
      : [`Inga anteckningar från polisen eller andra källor under ${o.year}.`]),
    '',
    'Bedömning',
    'Skriv nämndens samlade bedömning här: vilka miljöer finns i området, vad har förändrats och vad betyder det för handlingsplanens insatser?',
  ];
  return lines.join('\n');
}

const SOURCE_SV: Record<NoteSource, string> = { police: 'polisen', network: 'nätverk', civil_society: 'civilsamhället', other: 'annan källa' };

/** The board's row of the helpline counts, as the reader may see it; null when they may not. */
async function helplineOfBoard(db: Database, actor: Actor, boardId: string, year: number) {
  if (!can(actor, 'helpline.summary', { boardId })) return null;
  const summary = await helplineSummary({ db, actor, year });
  return summary.boards.find((b) => b.boardId === boardId) ?? null;
}

/** Everything the coordinator compiles the year's picture from. */
export async function getCompilation(opts: { db: Database; actor: Actor; boardId: string; year: number; lang: Lang }): Promise<TCompilation> {
  const board = await boardInMunicipality(opts.db, opts.actor, opts.boardId);
  if (!can(opts.actor, 'situation_pictures.compile', { boardId: board.id })) throw forbidden();
  const figures = await boardFigures(opts.db, opts.actor, board, opts.year, true, opts.lang);
  const surveys = await listSurveys({ db: opts.db, actor: opts.actor, boardId: board.id, year: opts.year });
  const notes = (await notesRepo.listNotes(opts.db, board.id, opts.year)).map(presentSituationNote);
  const p = await repo.findPicture(opts.db, board.id, opts.year);
  const helpline = await helplineOfBoard(opts.db, opts.actor, board.id, opts.year);
  return {
    boardId: board.id,
    boardName: board.name,
    year: opts.year,
    figures,
    surveys,
    notes,
    picture: p ? presentPicture(p, board.name) : null,
    suggestedBody: suggestBody({ boardName: board.name, year: opts.year, figures, surveys, notes, helpline }),
  };
}

export async function savePicture(opts: { db: Database; actor: Actor; boardId: string; year: number; body: string; confirmNoPersonalData?: boolean }) {
  const board = await boardInMunicipality(opts.db, opts.actor, opts.boardId);
  if (!can(opts.actor, 'situation_pictures.save', { boardId: board.id })) throw forbidden();
  const guarded = await guardFreeText({ body: opts.body }, { subject: 'lägesbilden', confirmNoPersonalData: opts.confirmNoPersonalData });
  await opts.db.transaction().execute(async (trx) => {
    const p = await repo.upsertPicture(trx, { board_id: board.id, year: opts.year, body: opts.body, compiled_on: todayInSweden(), updated_by: opts.actor.userId });
    await recordAudit(trx, opts.actor, { action: 'situation_pictures.save', entity: 'situation_picture', entityId: p.id, boardId: board.id, summary: { year: opts.year, status: p.status, ...confirmationSummary(guarded) } });
  });
  return getPicture({ db: opts.db, actor: opts.actor, boardId: board.id, year: opts.year, charts: false, lang: 'sv' });
}

export async function publishPicture(opts: { db: Database; actor: Actor; boardId: string; year: number }) {
  const board = await boardInMunicipality(opts.db, opts.actor, opts.boardId);
  if (!can(opts.actor, 'situation_pictures.publish', { boardId: board.id })) throw forbidden();
  await opts.db.transaction().execute(async (trx) => {
    const before = await repo.findPicture(trx, board.id, opts.year);
    if (!before) throw notFound('Lägesbilden');
    const p = await repo.publish(trx, board.id, opts.year, todayInSweden(), opts.actor.userId);
    await recordAudit(trx, opts.actor, {
      action: 'situation_pictures.publish',
      entity: 'situation_picture',
      entityId: p.id,
      boardId: board.id,
      summary: { year: opts.year, republished: before.status === 'published' },
    });
  });
  return getPicture({ db: opts.db, actor: opts.actor, boardId: board.id, year: opts.year, charts: false, lang: 'sv' });
}

/**
 * For the plan check ("Lokal lägesbild"): the board's latest published situation picture for
 * `year` or an earlier year. `year` in the answer is the picture's year (the asked year when
 * there is none); the caller decides whether an older picture is current enough. Metadata only,
 * so no rights beyond the actor's municipality are needed.
 */
export async function getSituationPictureSummary(opts: { db: Database; actor: { municipalityId: string }; boardId: string; year: number }): Promise<{ present: boolean; compiledOn: string | null; year: number }> {
  const board = await orgs.findBoard(opts.db, opts.boardId);
  if (!board || board.municipality_id !== opts.actor.municipalityId) return { present: false, compiledOn: null, year: opts.year };
  const p = await repo.latestPublished(opts.db, opts.boardId, opts.year);
  return p ? { present: true, compiledOn: p.compiled_on, year: p.year } : { present: false, compiledOn: null, year: opts.year };
}
