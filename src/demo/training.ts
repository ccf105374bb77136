/**
 * Demo data for training coverage, imported through the same import use cases as a user's files
 * (so the demo exercises matching, merging and the audit log). The audit's figures hold exactly as
 * of 2019-09-04: Enskede-Årsta-Vantör 208 of 2,679 (7.8 %), Skärholmen 94 and Spånga-Tensta 76 of
 * 1,000. Other boards' figures, later completions (2019–2026) and the 2025 headcount are
 * illustrative. Employee keys are synthetic ("EAV-00017"); no names are involved.
 */
import type { Database } from '../db/database.js';
import type { SystemActor } from '../domain/policy/index.js';
import { createCourse, createGroup, importHeadcounts, importParticipants, setTarget } from '../modules/training/service.js';
import stockholm from './data/stockholm-2019.json' with { type: 'json' };

export const DEMO_COURSES = {
  basic: 'Webbaserad grundutbildning om våldsbejakande extremism',
  advanced: 'Fördjupningsutbildning om våldsbejakande extremism för socialtjänsten',
  lecture: 'Föreläsning: Demokrati och våldsbejakande extremism i stadsdelen',
} as const;

export const AUDIT_DATE = '2019-09-04';
const LATER_HEADCOUNT = '2025-01-01';
/** The demo's last completions: a little before the day the demo data was written. */
const LAST_COMPLETION = '2026-10-30';

type Category = 'preschool' | 'social' | 'elderly' | 'leisure' | 'field' | 'staff' | 'operations';

/** Leaf units of every district board (see seed.ts), their share of the staff and their category. */
const DISTRICT_LEAVES: { name: string; share: number; category: Category }[] = [
  { name: 'Förskoleenhet 1', share: 0.2, category: 'preschool' },
  { name: 'Förskoleenhet 2', share: 0.2, category: 'preschool' },
  { name: 'Socialtjänst barn och unga', share: 0.08, category: 'social' },
  { name: 'Socialtjänst vuxen', share: 0.07, category: 'social' },
  { name: 'Hemtjänst', share: 0.15, category: 'elderly' },
  { name: 'Vård- och omsorgsboende', share: 0.18, category: 'elderly' },
  { name: 'Fritidsgårdar', share: 0.07, category: 'leisure' },
  { name: 'Fältassistenter', share: 0.05, category: 'field' },
];
const SPECIALIST_LEAVES: { name: string; share: number; category: Category }[] = [
  { name: 'Säkerhetsenhet', share: 0.05, category: 'staff' },
  { name: 'Enhet 1', share: 0.95, category: 'operations' },
];

/** Staff per district board on 2019-09-04. The audit's three boards are exact; the rest plausible. */
const DISTRICT_STAFF: Record<string, number> = {
  'Rinkeby-Kista': 1500,
  'Spånga-Tensta': 1000,
  'Hässelby-Vällingby': 2300,
  Bromma: 2100,
  Kungsholmen: 1300,
  Norrmalm: 1000,
  Östermalm: 1200,
  Södermalm: 2400,
  'Enskede-Årsta-Vantör': 2679,
  Skarpnäck: 1400,
  Farsta: 1700,
  Älvsjö: 900,
  'Hägersten-Liljeholmen': 2200,
  Skärholmen: 1000,
};
const SPECIALIST_STAFF: Record<string, number> = {
  Socialnämnden: 1200,
  Arbetsmarknadsnämnden: 600,
  Utbildningsnämnden: 1800,
  Kulturnämnden: 500,
  Idrottsnämnden: 400,
};

const KEY_PREFIX: Record<string, string> = {
  'Rinkeby-Kista': 'RK',
  'Spånga-Tensta': 'ST',
  'Hässelby-Vällingby': 'HV',
  Bromma: 'BRO',
  Kungsholmen: 'KUN',
  Norrmalm: 'NOR',
  Östermalm: 'OST',
  Södermalm: 'SOD',
  'Enskede-Årsta-Vantör': 'EAV',
  Skarpnäck: 'SKN',
  Farsta: 'FAR',
  Älvsjö: 'ALV',
  'Hägersten-Liljeholmen': 'HL',
  Skärholmen: 'SKH',
  Socialnämnden: 'SOC',
  Arbetsmarknadsnämnden: 'AMN',
  Utbildningsnämnden: 'UTB',
  Kulturnämnden: 'KUL',
  Idrottsnämnden: 'IDR',
};

/** Distinct completions as of 2019-09-04 for the audit's boards (trainingAsOf20190904). */
const AUDIT_COMPLETED = new Map(stockholm.trainingAsOf20190904.map((t) => [t.board, t.completed]));
const AUDIT_EMPLOYEES = new Map(stockholm.trainingAsOf20190904.map((t) => [t.board, t.employees]));

/** Final coverage (share of the 2025 staff) per category, and the window of its big push. */
const CATEGORY_PLAN: Record<Category, { final: number; push: [string, string] }> = {
  social: { final: 0.88, push: ['2019-09-05', '2020-12-31'] }, // 2019 priority group
  preschool: { final: 0.72, push: ['2020-01-15', '2021-06-30'] }, // 2020
  elderly: { final: 0.58, push: ['2021-01-15', '2022-12-31'] }, // 2021
  field: { final: 0.8, push: ['2019-09-05', '2020-06-30'] },
  leisure: { final: 0.45, push: ['2022-01-01', '2024-06-30'] },
  staff: { final: 0.9, push: ['2019-09-05', '2020-06-30'] },
  operations: { final: 0.35, push: ['2021-01-01', '2025-12-31'] },
};
/** Units that have hardly started: the coordinator's "under 20 %" list is not empty. */
const LAGGING = new Set(['Farsta/Fritidsgårdar', 'Älvsjö/Fritidsgårdar', 'Rinkeby-Kista/Vård- och omsorgsboende', 'Kulturnämnden/Enhet 1']);

/** Small deterministic generator (mulberry32): the demo is the same on every start. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits a total over shares so that the parts add up exactly (largest remainder). */
export function split(total: number, shares: number[]): number[] {
  const sum = shares.reduce((s, x) => s + x, 0);
  const raw = shares.map((s) => (total * s) / sum);
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((s, x) => s + x, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    parts[i]++;
  }
  return parts;
}

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const dateBetween = (rnd: () => number, from: string, to: string) => iso(ms(from) + Math.floor(rnd() * ((ms(to) - ms(from)) / DAY + 1)) * DAY);

const csv = (rows: (string | number)[][]) => new TextEncoder().encode(rows.map((r) => r.join(';')).join('\r\n') + '\r\n');

interface DemoUnit {
  board: string;
  unit: string;
  category: Category;
  staff2019: number;
  staff2025: number;
}

function demoUnits(): DemoUnit[] {
  const rnd = random(2019);
  const units: DemoUnit[] = [];
  const add = (board: string, total: number, leaves: typeof DISTRICT_LEAVES) => {
    const parts = split(total, leaves.map((l) => l.share));
    leaves.forEach((l, i) => {
      const staff2025 = Math.round(parts[i] * (0.94 + rnd() * 0.16));
      units.push({ board, unit: l.name, category: l.category, staff2019: parts[i], staff2025 });
    });
  };
  for (const board of stockholm.districtBoards) add(board, AUDIT_EMPLOYEES.get(board) ?? DISTRICT_STAFF[board], DISTRICT_LEAVES);
  for (const board of stockholm.specialistBoardsWithCoordinator) add(board, SPECIALIST_STAFF[board], SPECIALIST_LEAVES);
  return units;
}

/** Completions per unit: the audit's counts by 2019-09-04, then the pushes of the priority years. */
function demoCompletions(units: DemoUnit[]) {
  const rnd = random(904);
  const rows: { key: string; board: string; unit: string; completedOn: string }[] = [];
  const boards = [...new Set(units.map((u) => u.board))];
  for (const board of boards) {
    const own = units.filter((u) => u.board === board);
    const staff = own.reduce((s, u) => s + u.staff2019, 0);
    // By the audit date: the audit's figure, else 4–14 % of the staff; social services ahead.
    const early = AUDIT_COMPLETED.get(board) ?? Math.round(staff * (0.04 + rnd() * 0.1));
    const earlyParts = split(early, own.map((u) => u.staff2019 * (u.category === 'social' ? 3 : u.category === 'field' ? 2 : 1)));
    let n = 0;
    own.forEach((u, i) => {
      const lagging = LAGGING.has(`${board}/${u.unit}`);
      const final = lagging ? 0.08 + rnd() * 0.08 : Math.min(0.97, CATEGORY_PLAN[u.category].final * (0.85 + rnd() * 0.3));
      const total = Math.max(earlyParts[i], Math.round(u.staff2025 * final));
      for (let k = 0; k < total; k++) {
        n++;
        const key = `${KEY_PREFIX[board]}-${String(n).padStart(5, '0')}`;
        let completedOn: string;
        if (k < earlyParts[i]) completedOn = dateBetween(rnd, '2018-10-01', AUDIT_DATE);
        else if (lagging || rnd() < 0.55) completedOn = dateBetween(rnd, '2019-09-05', LAST_COMPLETION);
        else completedOn = dateBetween(rnd, ...CATEGORY_PLAN[u.category].push);
        rows.push({ key, board, unit: u.unit, completedOn });
      }
    });
  }
  return rows;
}

export async function seedTrainingDemo(db: Database, seed: { system: string; municipalityId: string }): Promise<void> {
  // The seed acts as the municipality's central coordinator: the catalogue, targets and groups are theirs, and their imports reach every board.
  const actor: SystemActor = { system: seed.system, name: 'Demo: central samordnare', municipalityId: seed.municipalityId, roles: [{ role: 'central_coordinator', boardId: null }] };
  const basic = await createCourse({ db, actor, input: { name: DEMO_COURSES.basic, kind: 'web_basic' } });
  const advanced = await createCourse({ db, actor, input: { name: DEMO_COURSES.advanced, kind: 'advanced' } });
  const lecture = await createCourse({ db, actor, input: { name: DEMO_COURSES.lecture, kind: 'lecture' } });
  // The 2019 management decision: all staff.
  await setTarget({ db, actor, courseId: basic.id, year: 2019, targetPercent: 100 });
  await setTarget({ db, actor, courseId: advanced.id, year: 2020, targetPercent: 100 });

  // Priority groups: whole departments of every district board (and the social services board).
  const units = await db
    .selectFrom('unit')
    .innerJoin('board', 'board.id', 'unit.board_id')
    .select(['unit.id', 'unit.name', 'board.name as board', 'board.id as boardId'])
    .where('board.municipality_id', '=', actor.municipalityId)
    .execute();
  const departments = (name: string) => units.filter((u) => u.name === name).map((u) => u.id);
  const socialBoard = units.find((u) => u.board === 'Socialnämnden')?.boardId;
  await createGroup({
    db,
    actor,
    input: { year: 2019, name: 'Socialtjänsten', boardIds: socialBoard ? [socialBoard] : [], unitIds: departments('Avdelningen för individ- och familjeomsorg') },
  });
  await createGroup({ db, actor, input: { year: 2020, name: 'Förskolan', boardIds: [], unitIds: departments('Avdelningen för förskola') } });
  await createGroup({ db, actor, input: { year: 2021, name: 'Äldreomsorgen', boardIds: [], unitIds: departments('Avdelningen för äldreomsorg') } });

  const demo = demoUnits();
  await importHeadcounts({
    db,
    actor,
    dryRun: false,
    file: {
      filename: 'personalstatistik.csv',
      bytes: csv([
        ['Nämnd', 'Enhet', 'Antal anställda', 'Per datum'],
        ...demo.map((u) => [u.board, u.unit, u.staff2019, AUDIT_DATE]),
        ...demo.map((u) => [u.board, u.unit, u.staff2025, LATER_HEADCOUNT]),
      ]),
    },
  });

  const completions = demoCompletions(demo);
  await importParticipants({
    db,
    actor,
    courseId: basic.id,
    dryRun: false,
    file: {
      filename: 'deltagare-grundutbildning.csv',
      bytes: csv([['Anställningsnummer', 'Förvaltning', 'Enhet', 'Slutförd'], ...completions.map((c) => [c.key, c.board, c.unit, c.completedOn])]),
    },
  });

  // The advanced training: a share of social services staff who already took the basic one.
  const rnd = random(2020);
  const social = completions.filter((c) => c.unit.startsWith('Socialtjänst') && rnd() < 0.3);
  await importParticipants({
    db,
    actor,
    courseId: advanced.id,
    dryRun: false,
    file: {
      filename: 'deltagare-fordjupning.csv',
      bytes: csv([
        ['Anställningsnummer', 'Förvaltning', 'Enhet', 'Slutförd'],
        ...social.map((c) => [c.key, c.board, c.unit, dateBetween(rnd, c.completedOn > '2020-02-01' ? c.completedOn : '2020-02-01', LAST_COMPLETION)]),
      ]),
    },
  });
  // Lectures for leisure and field staff in a few boards.
  const lectured = completions.filter((c) => (c.unit === 'Fritidsgårdar' || c.unit === 'Fältassistenter') && rnd() < 0.4);
  await importParticipants({
    db,
    actor,
    courseId: lecture.id,
    dryRun: false,
    file: {
      filename: 'deltagare-forelasning.csv',
      bytes: csv([
        ['Anställningsnummer', 'Förvaltning', 'Enhet', 'Slutförd'],
        ...lectured.map((c) => [c.key, c.board, c.unit, dateBetween(rnd, '2022-03-01', '2024-11-30')]),
      ]),
    },
  });
}
