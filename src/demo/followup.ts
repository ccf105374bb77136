/**
 * Demo data of the follow-up capability: two years of tertial follow-up (2025 T1–VB, 2026 T1–T2)
 * for Enskede-Årsta-Vantör, Farsta, Rinkeby-Kista and Socialnämnden, with delays and their
 * comments, indicator values, the boards' consolidated analyses and a few context indicators.
 * Runs after the plans demo (src/demo/plans.ts) and adds the approved plans a year lacks through
 * the plans service: Enskede-Årsta-Vantör 2025 (and its 2026 revision), Rinkeby-Kista and
 * Socialnämnden 2025. The 2025 periods are closed; the 2026 periods are open.
 */
import type { Database } from '../db/database.js';
import type { AnalysisHeading } from '../domain/followup/analysis.js';
import type { PeriodKind } from '../domain/followup/periods.js';
import type { FollowUpStatus } from '../domain/followup/status.js';
import type { Actor, Role } from '../domain/policy/index.js';
import * as followup from '../modules/followup/service.js';
import type { ServiceActor, SystemActor } from '../domain/policy/index.js';
import * as plans from '../modules/plans/service.js';
import type { TCreateActivityRequest } from '../modules/plans/schema.js';

/** The day the demo's reports are filed on (the 2026 periods open from 1 January). */
const DEMO_TODAY = '2026-11-23';

async function accountActor(db: Database, email: string): Promise<Actor> {
  const u = await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  const roles = await db.selectFrom('user_role').select(['role', 'board_id']).where('user_id', '=', u.id).execute();
  return { userId: u.id, email: u.email, name: u.name, municipalityId: u.municipality_id, roles: roles.map((r) => ({ role: r.role as Role, boardId: r.board_id })) };
}

const seedCoordinator = (municipalityId: string, boardId: string, boardName: string): SystemActor => ({
  system: 'demo-seed',
  municipalityId,
  name: `Lokal samordnare, ${boardName}`,
  roles: [{ role: 'local_coordinator', boardId }],
});

// ---------------------------------------------------------------- Enskede-Årsta-Vantör's plan

/** The 2018 plan's activities, classified by measure area and given indicators in the 2025 revision. */
const EAV_ACTIVITIES: TCreateActivityRequest[] = [
  {
    title: 'Webbaserad grundutbildning om våldsbejakande extremism för personal inom fritid, fält och socialtjänst',
    measureArea: 'general',
    responsible: 'Avdelningschefer individ- och familjeomsorg samt kultur, fritid och demokrati',
    timeline: 'Under året',
    followUp: 'Andel medarbetare som genomfört utbildningen, per tertial',
    indicators: [{ kind: 'output', name: 'Andel medarbetare som genomfört grundutbildningen (%)', baseline: '7,8', target: '50' }],
  },
  {
    title: 'Föreningar som får bidrag följer förvaltningens riktlinjer för föreningsbidrag (demokrativillkor)',
    measureArea: 'general',
    responsible: 'Avdelningschef kultur, fritid och demokrati',
    timeline: 'Vid varje bidragsbeslut',
    followUp: 'Antal granskade ansökningar i verksamhetsberättelsen',
    indicators: [{ kind: 'output', name: 'Antal ansökningar granskade mot demokrativillkoren', baseline: null, target: null }],
  },
  {
    title: 'Våldsförebyggande arbete i förskolorna i Rågsved och Hagsätra',
    measureArea: 'general',
    responsible: 'Förskoleavdelningen',
    partners: 'Utbildningsförvaltningen',
    timeline: 'Läsåret',
    followUp: 'Antal förskolor som arbetar med metoden',
    indicators: [{ kind: 'output', name: 'Antal förskolor som arbetar med metoden', baseline: '4', target: '8' }],
  },
  {
    title: 'Utbildning i hedersproblematik för personal inom förvaltningen',
    measureArea: 'general',
    responsible: 'Förvaltningens jämställdhetsstrateg',
    timeline: 'Vår och höst',
    followUp: 'Antal utbildningstillfällen',
  },
  {
    title: 'Våldsbejakande extremism behandlas på varje möte i det lokala brottsförebyggande rådet',
    measureArea: 'targeted',
    responsible: 'Stadsdelsdirektör och preventionssamordnare',
    partners: 'Lokalpolisområdet',
    timeline: 'Fyra möten per år',
    followUp: 'Protokoll från rådets möten',
    indicators: [{ kind: 'output', name: 'Antal möten där frågan behandlats', baseline: '2', target: '4' }],
  },
  {
    title: 'Samverkan med civilsamhället för att upptäcka och förebygga våldsbejakande extremism',
    measureArea: 'targeted',
    responsible: 'Avdelningschef kultur, fritid och demokrati',
    partners: 'Trossamfund, föreningar och fastighetsägare',
    timeline: 'Under året',
    followUp: 'Enkät till trossamfund och föreningar i november',
    indicators: [{ kind: 'effect', name: 'Andel trossamfund och föreningar som vet vart de vänder sig vid oro (%)', baseline: '40', target: '70' }],
  },
  {
    title: 'Lokal lägesbild med lokalpolisen, skolan och fältassistenterna varje tertial',
    measureArea: 'targeted',
    responsible: 'Lokal samordnare mot våldsbejakande extremism',
    partners: 'Lokalpolisområdet, skolan, fältassistenterna',
    timeline: 'Varje tertial',
    followUp: 'Lägesbilden redovisas i tertialrapporten',
    indicators: [{ kind: 'effect', name: 'Anmälda händelser med extremistisk koppling (klotter, propaganda)', baseline: '12', target: '8' }],
  },
  {
    title: 'Sociala insatsgruppen tar emot unga 13–29 år som vill lämna våldsbejakande miljöer',
    measureArea: 'individual',
    responsible: 'Avdelningschef individ- och familjeomsorg',
    partners: 'Polisen',
    timeline: 'Löpande',
    followUp: 'Antal ärenden (utan personuppgifter) i verksamhetsberättelsen',
    indicators: [{ kind: 'output', name: 'Antal personer som fått stöd', baseline: null, target: null }],
  },
  {
    title: 'Stöd till anhöriga via Föräldramottagningen på Familjens hus',
    measureArea: 'individual',
    responsible: 'Enhetschef Familjens hus',
    timeline: 'Löpande',
    followUp: 'Uppföljningssamtal med anhöriga',
    indicators: [{ kind: 'effect', name: 'Andel anhöriga som upplever att stödet hjälpt (%)', baseline: null, target: '75' }],
  },
];

const EAV_SECTIONS: Record<string, string> = {
  inledning: '<p>Enskede-Årsta-Vantörs handlingsplan mot våldsbejakande extremism bygger på stadens riktlinjer från 2016. Insatserna är från och med 2025 ordnade efter riktlinjernas tre insatsområden.</p>',
  lagesbild: '<p>Lägesbilden har tagits fram tillsammans med lokalpolisen. Klotter och klistermärken med extremistiska budskap förekommer, främst från vit makt-miljön.</p>',
};

// ---------------------------------------------------------------- reports to file

/** One activity's reports of a year: status per period, a comment where it needs one, indicator values. */
type Report = [PeriodKind, FollowUpStatus, string?, (number | string)?];
type Plan = Report[][];

const EAV_2025: Plan = [
  [['T1', 'ongoing'], ['T2', 'delayed', 'Färre medarbetare än planerat har gått utbildningen; sommarschemat gav inte utrymme. Nya tillfällen bokade i september.', 18.4], ['VB', 'done', 'Utbildningen har erbjudits alla enheter. Målet 50 % nåddes inte.', 31.5]],
  [['T1', 'ongoing', undefined, 14], ['T2', 'ongoing', undefined, 27], ['VB', 'done', undefined, 41]],
  [['T1', 'ongoing', undefined, 5], ['T2', 'ongoing', undefined, 6], ['VB', 'done', undefined, 8]],
  [['T1', 'not_started'], ['T2', 'ongoing'], ['VB', 'done']],
  [['T1', 'ongoing', undefined, 1], ['T2', 'ongoing', undefined, 2], ['VB', 'done', undefined, 4]],
  [['T1', 'not_started'], ['T2', 'delayed', 'Kontaktpersonen för civilsamhället slutade i maj; rekrytering pågår.'], ['VB', 'ongoing', 'Dialogmöten med tre trossamfund har hållits. Enkäten flyttas till 2026.']],
  [['T1', 'done', undefined, 11], ['T2', 'done', undefined, 9], ['VB', 'done', undefined, 9]],
  [['T1', 'ongoing', undefined, 2], ['T2', 'ongoing', undefined, 3], ['VB', 'ongoing', undefined, 4]],
  [['T1', 'ongoing'], ['T2', 'ongoing', undefined, '70'], ['VB', 'done', undefined, '78']],
];

/** 2026: T1 by everyone; T2 partly (the rows the demo contributor reports on are left for them). */
const EAV_2026: Plan = [
  [['T1', 'delayed', 'Försenad på grund av personalbrist inom socialtjänsten; utbildningen genomförs under hösten.', 22]],
  [['T1', 'ongoing', undefined, 12], ['T2', 'ongoing', undefined, 25]],
  [['T1', 'ongoing', undefined, 8]],
  [['T1', 'ongoing'], ['T2', 'done']],
  [['T1', 'ongoing', undefined, 1], ['T2', 'ongoing', undefined, 2]],
  [['T1', 'ongoing'], ['T2', 'delayed', 'Enkäten till trossamfund och föreningar är försenad; den skickas i november i stället för september.']],
  [['T1', 'done', undefined, 7], ['T2', 'done', undefined, 6]],
  [['T1', 'ongoing', undefined, 1], ['T2', 'ongoing', undefined, 2]],
  [['T1', 'ongoing'], ['T2', 'ongoing', undefined, '72']],
];
/** Activities (by position) the demo contributor reports on, in the 2026 plan. */
const EAV_CONTRIBUTOR_ROWS = [0, 2];

/** Farsta's 2025 plan (plans demo): demokrati, grundutbildning, lägesbild, avhoppare. */
const FARSTA_2025: Plan = [
  [['T1', 'ongoing'], ['T2', 'ongoing'], ['VB', 'done']],
  [['T1', 'ongoing'], ['T2', 'delayed', 'Utbildningsplattformen var ur drift i juni; kurstillfällen flyttade till hösten.'], ['VB', 'ongoing', 'Grundutbildningen fortsätter 2026.']],
  [['T1', 'done'], ['T2', 'done'], ['VB', 'done']],
  [['T1', 'not_started']],
];

const RINKEBY_2025: Plan = [
  [['T1', 'ongoing'], ['T2', 'done'], ['VB', 'done']],
  [['T1', 'ongoing'], ['T2', 'ongoing'], ['VB', 'done']],
  [['T1', 'done'], ['T2', 'done'], ['VB', 'done']],
  [['T1', 'ongoing'], ['T2', 'delayed', 'Fältgruppen var underbemannad under sommaren.'], ['VB', 'done']],
  [['T1', 'ongoing'], ['T2', 'ongoing'], ['VB', 'ongoing', 'Stödet fortsätter 2026 med samma inriktning.']],
];
const RINKEBY_2026: Plan = [
  [['T1', 'ongoing'], ['T2', 'done']],
  [['T1', 'ongoing'], ['T2', 'ongoing']],
  [['T1', 'done'], ['T2', 'done']],
  [['T1', 'delayed', 'Två fältassistenttjänster är vakanta; rekrytering pågår.'], ['T2', 'delayed', 'Tjänsterna är fortfarande vakanta. Kvällsverksamheten är nedskuren till två kvällar i veckan.']],
  [['T1', 'ongoing'], ['T2', 'ongoing']],
  [['T1', 'not_started'], ['T2', 'cancelled', 'Anhörigstödet ges i stället av Socialnämndens stadsövergripande verksamhet.']],
];

const SOCIAL_2025: Plan = [
  [['T1', 'ongoing'], ['T2', 'ongoing'], ['VB', 'done']],
  [['T1', 'ongoing'], ['T2', 'ongoing'], ['VB', 'ongoing']],
  [['T1', 'ongoing'], ['T2', 'done'], ['VB', 'done']],
];
const SOCIAL_2026: Plan = [
  [['T1', 'ongoing'], ['T2', 'ongoing']],
  [['T1', 'ongoing'], ['T2', 'ongoing']],
  [['T1', 'ongoing'], ['T2', 'done']],
  [['T1', 'not_started'], ['T2', 'delayed', 'Samarbetet med Brottsofferjouren startar först i januari.']],
  [['T1', 'done'], ['T2', 'done']],
];

const ANALYSIS_TEXTS = (board: string, year: number, period: PeriodKind): Record<AnalysisHeading, string> => ({
  general: `De allmänna insatserna har i huvudsak genomförts enligt plan ${year}. Grundutbildningen har nått fler medarbetare än tidigare men ligger under målet.`,
  targeted: 'Det lokala brottsförebyggande rådet har behandlat frågan vid varje möte. Samverkan med civilsamhället har tagit längre tid än planerat.',
  individual: 'Sociala insatsgruppen har tagit emot ett fåtal ärenden. Anhörigstödet har fungerat väl.',
  effects: period === 'VB' ? 'Anmälda händelser med extremistisk koppling har minskat något jämfört med föregående år. Fler medarbetare vet vart de ska vända sig vid oro.' : 'Det är för tidigt att se effekter under perioden.',
  training: 'Andelen medarbetare som genomfört den webbaserade grundutbildningen har ökat men når inte målet; prioriterade verksamheter är socialtjänst och fritid.',
  situation: 'Lägesbilden är oförändrad: klotter och klistermärken förekommer, främst från vit makt-miljön. Inga kända etablerade grupperingar.',
  collaboration: 'Samverkan med lokalpolisen fungerar väl. Dialogen med trossamfund och föreningar behöver utvecklas.',
  next_year: `${board} prioriterar grundutbildningen och samverkan med civilsamhället i nästa års plan.`,
});

// ---------------------------------------------------------------- seeding

async function approvedPlan(
  db: Database,
  o: { boardId: string; year: number; lc: ServiceActor; central: Actor; activities: TCreateActivityRequest[]; decided: [string, string]; sections?: Record<string, string> },
) {
  const plan = await plans.createPlan({ db, actor: o.lc, input: { boardId: o.boardId, year: o.year } });
  for (const [key, bodyHtml] of Object.entries(o.sections ?? {})) {
    await plans.updateSection({ db, actor: o.lc, planId: plan.id, key, input: { bodyHtml, datedOn: o.decided[0] } });
  }
  if (o.activities.length) await plans.addActivities({ db, actor: o.lc, planId: plan.id, activities: o.activities });
  return approve(db, plan.id, o.lc, o.central, o.decided);
}

async function approve(db: Database, planId: string, lc: ServiceActor, central: Actor, decided: [string, string]) {
  await plans.transitionPlan({ db, actor: lc, planId, input: { to: 'board_decided', decidedOn: decided[0], paragraph: decided[1] }, now: new Date(`${decided[0]}T12:00:00Z`) });
  await plans.transitionPlan({ db, actor: lc, planId, input: { to: 'submitted' } });
  await plans.transitionPlan({ db, actor: central, planId, input: { to: 'in_review' } });
  await plans.saveReview({ db, actor: central, planId, input: { items: [{ criterionId: 'insatsomraden', result: 'pass', comment: null }], comment: 'Godkänd.' } });
  await plans.transitionPlan({ db, actor: central, planId, input: { to: 'approved', comment: 'Godkänd av kommunstyrelsen.' } });
  return planId;
}

async function activitiesOf(db: Database, planId: string) {
  return db.selectFrom('plan_activity').select(['id', 'indicators']).where('plan_id', '=', planId).where('deleted_at', 'is', null).orderBy('position').execute();
}

/** Files the reports of `plan` for `year`, period by period, as `actorFor(row)`. */
async function fileReports(db: Database, planId: string, year: number, plan: Plan, actorFor: (row: number) => ServiceActor, skip: (row: number, period: PeriodKind) => boolean = () => false) {
  const rows = await activitiesOf(db, planId);
  for (const period of ['T1', 'T2', 'VB'] as PeriodKind[]) {
    for (const [i, a] of rows.entries()) {
      const r = plan[i]?.find((x) => x[0] === period);
      if (!r || skip(i, period)) continue;
      const [, status, comment, value] = r;
      const indicator = (a.indicators ?? [])[0];
      await followup.reportFollowUp({
        db,
        actor: actorFor(i),
        activityId: a.id,
        input: {
          period: `${year}-${period}`,
          status,
          comment: comment ?? null,
          indicatorValues: indicator && value !== undefined ? [{ name: indicator.name, value }] : [],
        },
        today: DEMO_TODAY,
      });
    }
  }
}

async function analysis(db: Database, actor: ServiceActor, boardId: string, board: string, year: number, period: PeriodKind, reported: boolean, only?: AnalysisHeading[]) {
  const all = ANALYSIS_TEXTS(board, year, period);
  const sections = only ? Object.fromEntries(only.map((h) => [h, all[h]])) : all;
  await followup.saveAnalysis({ db, actor, boardId, period: `${year}-${period}`, input: { sections }, today: DEMO_TODAY });
  if (reported) await followup.markReported({ db, actor, boardId, period: `${year}-${period}`, today: DEMO_TODAY });
}

const CONTEXT_CSV = [
  'KPI id;KPI title;Municipality;Year;Gender;Value',
  ...[
    ['DEMO-TRYGG9', 'Elever i åk 9 som känner sig trygga i skolan, andel (%) – demodata', [78.1, 79.4, 77.2, 80.3]],
    ['DEMO-HATBROTT', 'Anmälda hatbrott per 100 000 invånare – demodata', [41.2, 44.8, 39.5, 37.9]],
  ].flatMap(([id, title, values]) =>
    (values as number[]).map((v, i) => `${id};${title};Stockholm;${2022 + i};T;${String(v).replace('.', ',')}`),
  ),
].join('\n');

/** Seeds the follow-up demo (called from src/demo/seed.ts after the plans demo). */
export async function seedFollowUp(db: Database): Promise<void> {
  const central = await accountActor(db, 'central@stockholm.example');
  const eav = await accountActor(db, 'eav@stockholm.example');
  const contributor = await accountActor(db, 'enhetschef@stockholm.example');
  const m = central.municipalityId;
  const boards = new Map((await db.selectFrom('board').select(['id', 'name']).where('municipality_id', '=', m).execute()).map((b) => [b.name, b.id]));
  const planOf = async (board: string, year: number) =>
    (await db.selectFrom('plan').select(['id', 'status']).where('board_id', '=', boards.get(board)!).where('year', '=', year).executeTakeFirst()) ?? null;

  // Enskede-Årsta-Vantör: the 2025 plan, and its revision for 2026 (a copy, as the annual revision starts).
  const eavBoard = boards.get('Enskede-Årsta-Vantör')!;
  const eav2025 = await approvedPlan(db, { boardId: eavBoard, year: 2025, lc: eav, central, activities: EAV_ACTIVITIES, decided: ['2025-02-20', '§ 9'], sections: EAV_SECTIONS });
  const copy = await plans.copyToNextYear({ db, actor: eav, planId: eav2025 });
  const eav2026 = await approve(db, copy.id, eav, central, ['2026-02-19', '§ 8']);

  // Rinkeby-Kista and Socialnämnden: their 2026 plans come from the plans demo; 2025 is added here.
  const lcOf = (board: string) => seedCoordinator(m, boards.get(board)!, board);
  const rinkeby2026 = await planOf('Rinkeby-Kista', 2026);
  const social2026 = await planOf('Socialnämnden', 2026);
  const template = async (planId: string, n: number) =>
    (await plans.getPlan({ db, actor: central, planId })).activities.slice(0, n).map((a) => ({
      title: a.title,
      measureArea: a.measureArea,
      responsible: a.responsible,
      partners: a.partners,
      timeline: a.timeline.replace('2026', '2025'),
      followUp: a.followUp,
      indicators: a.indicators.map((i) => ({ kind: i.kind, name: i.name, baseline: i.baseline ?? null, target: i.target ?? null })),
    }));
  const rinkeby2025 = rinkeby2026
    ? await approvedPlan(db, { boardId: boards.get('Rinkeby-Kista')!, year: 2025, lc: lcOf('Rinkeby-Kista'), central, activities: await template(rinkeby2026.id, 5), decided: ['2025-02-13', '§ 12'] })
    : null;
  const social2025 = social2026
    ? await approvedPlan(db, { boardId: boards.get('Socialnämnden')!, year: 2025, lc: lcOf('Socialnämnden'), central, activities: await template(social2026.id, 3), decided: ['2025-03-11', '§ 6'] })
    : null;
  const farsta2025 = await planOf('Farsta', 2025);

  // 2025: every period reported, analyses of the annual report written and marked reported.
  await fileReports(db, eav2025, 2025, EAV_2025, () => eav);
  if (farsta2025?.status === 'approved') await fileReports(db, farsta2025.id, 2025, FARSTA_2025, () => lcOf('Farsta'));
  if (rinkeby2025) await fileReports(db, rinkeby2025, 2025, RINKEBY_2025, () => lcOf('Rinkeby-Kista'));
  if (social2025) await fileReports(db, social2025, 2025, SOCIAL_2025, () => lcOf('Socialnämnden'));
  for (const [board, actor] of [['Enskede-Årsta-Vantör', eav], ['Farsta', lcOf('Farsta')], ['Rinkeby-Kista', lcOf('Rinkeby-Kista')], ['Socialnämnden', lcOf('Socialnämnden')]] as const) {
    await analysis(db, actor, boards.get(board)!, board, 2025, 'VB', true);
  }
  for (const kind of ['T1', 'T2', 'VB']) await followup.closePeriod({ db, actor: central, period: `2025-${kind}`, today: DEMO_TODAY });

  // 2026: T1 and most of T2. Every EÅV activity has a named reporter: the demo contributor (a unit
  // manager) answers for two and has reported T1 on them, their T2 is still to do (past its
  // deadline); the local coordinator reports the rest himself.
  const eav2026Rows = await activitiesOf(db, eav2026);
  for (const [row, a] of eav2026Rows.entries()) {
    await followup.assignReporters({ db, actor: eav, activityId: a.id, userIds: [EAV_CONTRIBUTOR_ROWS.includes(row) ? contributor.userId : eav.userId] });
  }
  await fileReports(db, eav2026, 2026, EAV_2026, (row) => (EAV_CONTRIBUTOR_ROWS.includes(row) ? contributor : eav));
  if (rinkeby2026?.status === 'approved') await fileReports(db, rinkeby2026.id, 2026, RINKEBY_2026, () => lcOf('Rinkeby-Kista'));
  if (social2026?.status === 'approved') await fileReports(db, social2026.id, 2026, SOCIAL_2026, () => lcOf('Socialnämnden'));
  await analysis(db, eav, eavBoard, 'Enskede-Årsta-Vantör', 2026, 'T1', true);
  if (rinkeby2026) {
    await analysis(db, lcOf('Rinkeby-Kista'), boards.get('Rinkeby-Kista')!, 'Rinkeby-Kista', 2026, 'T1', true);
    await analysis(db, lcOf('Rinkeby-Kista'), boards.get('Rinkeby-Kista')!, 'Rinkeby-Kista', 2026, 'T2', false, ['general', 'targeted', 'individual']);
  }

  // Context indicators (KPI values as exported from Kolada; the figures are demo data), linked to
  // the effect indicators of two EÅV activities.
  await followup.importContext({ db, actor: central, file: { bytes: new TextEncoder().encode(CONTEXT_CSV), filename: 'kolada-export.csv' }, dryRun: false });
  await followup.setContextLinks({ db, actor: eav, activityId: eav2026Rows[5].id, links: [{ indicatorName: EAV_ACTIVITIES[5].indicators![0].name, kpiId: 'DEMO-TRYGG9' }] });
  await followup.setContextLinks({ db, actor: eav, activityId: eav2026Rows[6].id, links: [{ indicatorName: EAV_ACTIVITIES[6].indicators![0].name, kpiId: 'DEMO-HATBROTT' }] });
}
