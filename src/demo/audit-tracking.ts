/**
 * Demo data of audit tracking: audit report 2/2019 "Stadens arbete mot våldsbejakande extremism"
 * (seeds/revisionsrapport-2-2019-…) with its five recommendations to the boards it names
 * (kommunstyrelsen, socialnämnden, Enskede-Årsta-Vantör, Skärholmen, Spånga-Tensta). Enskede-
 * Årsta-Vantör's coordinator has drafted the board's reply — answers quoting Värna's own training
 * figures and measures linked to the board's plan or waiting for kommunstyrelsen's guidance — but
 * the board has not decided it yet; the other boards have still to write theirs, so the demo shows
 * overdue replies on the central coordinator's and the auditor's start pages. Runs after the
 * follow-up demo (it links to Enskede-Årsta-Vantör's 2026 plan).
 */
import type { Database } from '../db/database.js';
import type { RoleGrant } from '../domain/policy/index.js';
import { addMeasure } from '../modules/audit-tracking/measures.service.js';
import { saveReply } from '../modules/audit-tracking/replies.service.js';
import { addRecommendation, createAuditReport } from '../modules/audit-tracking/reports.service.js';
import stockholm from './data/stockholm-2019.json' with { type: 'json' };

const seedActor = (municipalityId: string, name: string, roles: RoleGrant[]) => ({ system: 'demo-seed', municipalityId, name, roles });

const SCOPE =
  'Granskningen har bedömt om styrelser och nämnder bedriver ett strukturerat arbete för att motverka våldsbejakande extremism: organisering enligt stadens riktlinjer, åtgärder inom de tre åtgärdsområdena, samverkan internt och med externa aktörer, och uppföljning. Granskade nämnder: kommunstyrelsen, socialnämnden och stadsdelsnämnderna Enskede-Årsta-Vantör, Skärholmen och Spånga-Tensta.';

/** Enskede-Årsta-Vantör's draft answers, by the recommendation's first words. */
const EAV_ANSWERS: Record<string, string> = {
  'Säkerställ att berörda medarbetare':
    'Nämnden delar revisionskontorets bedömning. Den 4 september 2019 hade 208 av förvaltningens 2 679 medarbetare (7,8 procent) genomfört stadens webbaserade grundutbildning. Enligt ledningens beslut ska alla medarbetare genomföra utbildningen; 2020 prioriteras förskolan och därefter äldreomsorgen. Cheferna följer upp deltagandet per enhet varje tertial.',
  'Utveckla rapporteringen till nämnden':
    'Förvaltningen följer från och med 2020 upp handlingsplanens aktiviteter varje tertial och redovisar en samlad analys av arbetet mot våldsbejakande extremism i verksamhetsberättelsen.',
  'Förtydliga hur samverkan med civilsamhället':
    'Förvaltningen har en övergripande strategi för samverkan med civilsamhället men inte specifikt för arbetet mot våldsbejakande extremism. En sådan strategi tas fram när kommunstyrelsens vägledning för nämndernas samverkan med civilsamhället finns.',
};

export async function seedAuditTracking(db: Database, municipalityId: string, boardIds: Map<string, string>): Promise<void> {
  const audit = stockholm.audit;
  const auditor = seedActor(municipalityId, 'Revisionskontoret', [{ role: 'auditor', boardId: null }]);
  const report = await createAuditReport({
    db,
    actor: auditor,
    input: { title: 'Stadens arbete mot våldsbejakande extremism', number: '2/2019', issuedOn: audit.handledOn, replyDue: audit.replyDue, scope: SCOPE },
  });
  const recommendations: { id: string; text: string }[] = [];
  for (const r of audit.recommendations) {
    const rec = await addRecommendation({ db, actor: auditor, reportId: report.id, input: { text: r.text, boardIds: r.to.map((name) => boardIds.get(name)!) } });
    recommendations.push({ id: rec.id, text: r.text });
  }

  const eavBoard = boardIds.get('Enskede-Årsta-Vantör')!;
  const eav = seedActor(municipalityId, 'Erik Lindqvist', [{ role: 'local_coordinator', boardId: eavBoard }]);
  const plan = await db.selectFrom('plan').select('id').where('board_id', '=', eavBoard).where('year', '=', 2026).where('status', '=', 'approved').executeTakeFirst();
  const activity = async (prefix: string) =>
    plan
      ? ((await db.selectFrom('plan_activity').select('id').where('plan_id', '=', plan.id).where('title', 'like', `${prefix}%`).where('deleted_at', 'is', null).executeTakeFirst())?.id ?? null)
      : null;

  for (const rec of recommendations) {
    const key = Object.keys(EAV_ANSWERS).find((k) => rec.text.startsWith(k));
    if (!key || !audit.recommendations.find((r) => r.text === rec.text)!.to.includes('Enskede-Årsta-Vantör')) continue;
    // Drafted, not yet decided by the board: no meeting date or paragraph.
    await saveReply({ db, actor: eav, recommendationId: rec.id, boardId: eavBoard, input: { text: EAV_ANSWERS[key], caseNumber: 'EÅV 2019/412' } });
    const measure = (input: Parameters<typeof addMeasure>[0]['input']) => addMeasure({ db, actor: eav, recommendationId: rec.id, boardId: eavBoard, input });
    if (key.startsWith('Säkerställ')) {
      await measure({ title: 'Personal inom fritid, fält och socialtjänst genomför den webbaserade grundutbildningen', responsible: 'Avdelningscheferna', dueOn: '2026-12-31', activityId: await activity('Webbaserad grundutbildning') });
      await measure({ title: 'Förskolans personal genomför den webbaserade grundutbildningen', responsible: 'Avdelningschef förskola', dueOn: '2027-06-30' });
    } else if (key.startsWith('Utveckla')) {
      await measure({ title: 'Samlad analys av arbetet mot våldsbejakande extremism i verksamhetsberättelsen', responsible: 'Lokal samordnare', dueOn: '2027-02-28' });
    } else {
      await measure({
        title: 'Strategi för samverkan med civilsamhället i arbetet mot våldsbejakande extremism',
        responsible: 'Lokal samordnare',
        dueOn: '2027-06-30',
        waitingFor: 'Kommunstyrelsens vägledning för hur nämndernas samverkan med civilsamhället ska utvecklas',
      });
    }
  }
}
