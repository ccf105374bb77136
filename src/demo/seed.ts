import type { Database } from '../db/database.js';
import { createBoard, createUnit } from '../modules/orgs/service.js';
import { createUser } from '../modules/users/service.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './accounts.js';
import stockholm from './data/stockholm-2019.json' with { type: 'json' };
import { seedPlans } from './plans.js';
import { seedTrainingDemo } from './training.js';
import { seedSituation } from './situation.js';
import { seedFollowUp } from './followup.js';
import { seedAuditTracking } from './audit-tracking.js';
import { seedCollaboration } from './collaboration.js';
import { seedHub } from './hub.js';
import { addDefaultCriteria } from '../modules/grants/criteria.service.js';

export { DEMO_PASSWORD };

// Units are illustrative: the same administration tree shape for every district board, with the
// service areas the seeds name (förskola, fritid, socialtjänst, äldreomsorg).
const DISTRICT_UNITS: Record<string, string[]> = {
  'Avdelningen för förskola': ['Förskoleenhet 1', 'Förskoleenhet 2'],
  'Avdelningen för individ- och familjeomsorg': ['Socialtjänst barn och unga', 'Socialtjänst vuxen'],
  'Avdelningen för äldreomsorg': ['Hemtjänst', 'Vård- och omsorgsboende'],
  'Avdelningen för kultur och fritid': ['Fritidsgårdar', 'Fältassistenter'],
};
const SPECIALIST_UNITS: Record<string, string[]> = { 'Stab': ['Säkerhetsenhet'], 'Verksamhetsavdelning': ['Enhet 1'] };

/** Seeds Stockholm's 2019 organisation and the demo accounts, once, on an empty database. */
export async function seedDemo(db: Database): Promise<{ accounts: DemoAccount[] } | null> {
  const existing = await db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
  if (existing) return null;

  const municipality = await db.insertInto('municipality').values({ name: stockholm.municipality }).returning('id').executeTakeFirstOrThrow();
  await addDefaultCriteria(db, municipality.id);
  const actor = { system: 'demo-seed', municipalityId: municipality.id };
  const boardIds = new Map<string, string>();

  const boards: { name: string; kind: 'city_board' | 'district_board' | 'specialist_board' }[] = [
    { name: stockholm.cityBoard, kind: 'city_board' },
    ...stockholm.districtBoards.map((name) => ({ name, kind: 'district_board' as const })),
    ...stockholm.specialistBoardsWithCoordinator.map((name) => ({ name, kind: 'specialist_board' as const })),
  ];
  for (const b of boards) {
    const board = await createBoard({ db, actor, input: { name: b.name, kind: b.kind } });
    boardIds.set(b.name, board.id);
    const adminName = b.kind === 'city_board' ? 'Stadsledningskontoret' : b.kind === 'district_board' ? `${b.name} stadsdelsförvaltning` : b.name.replace(/nämnden$/, 'förvaltningen');
    const administration = await createUnit({ db, actor, boardId: board.id, input: { name: adminName, kind: 'administration' } });
    if (b.kind === 'city_board') continue;
    const tree = b.kind === 'district_board' ? DISTRICT_UNITS : SPECIALIST_UNITS;
    for (const [department, units] of Object.entries(tree)) {
      const dep = await createUnit({ db, actor, boardId: board.id, input: { name: department, kind: 'department', parentId: administration.id } });
      for (const unit of units) await createUnit({ db, actor, boardId: board.id, input: { name: unit, kind: 'unit', parentId: dep.id } });
    }
  }

  for (const a of DEMO_ACCOUNTS) {
    await createUser({
      db,
      actor,
      input: { email: a.email, name: a.name, password: DEMO_PASSWORD, roles: [{ role: a.role, boardId: a.board ? boardIds.get(a.board)! : null }] },
    });
  }
  await seedTrainingDemo(db, actor);
  await seedPlans(db);
  await seedSituation(db, actor, boardIds);
  await seedFollowUp(db);
  await seedAuditTracking(db, municipality.id, boardIds);
  await seedCollaboration(db, municipality.id, boardIds);
  await seedHub(db, municipality.id, boardIds);
  return { accounts: DEMO_ACCOUNTS };
}
