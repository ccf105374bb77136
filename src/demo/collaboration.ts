/**
 * Demo collaboration (issue #15): the city's networks from the 2019 seeds, the local crime
 * prevention councils (LBR) and SSPF groups of three district boards with their meetings this
 * year, a partner register by type, the central and one local police agreement (the local one due
 * for review soon), and a civil-society strategy for two boards. Enskede-Årsta-Vantör has none:
 * its reply to the 2019 audit says it is waiting for the city board's guidance, so its plan check
 * shows the gap.
 */
import type { Database } from '../db/database.js';
import { addDays, todayInSweden } from '../domain/calendar.js';
import type { Cadence, PartnerType } from '../domain/collaboration/model.js';
import type { RoleGrant } from '../domain/policy/index.js';
import { createAgreement } from '../modules/collaboration/agreements.service.js';
import { createForum, createMeeting } from '../modules/collaboration/forums.service.js';
import { createPartner } from '../modules/collaboration/partners.service.js';
import { saveStrategy } from '../modules/collaboration/strategy.service.js';
import stockholm from './data/stockholm-2019.json' with { type: 'json' };

const seedActor = (municipalityId: string, name: string, roles: RoleGrant[]) => ({ system: 'demo-seed', municipalityId, name, roles });

/** The seeds' cadences in words, as the register's cadences. */
const CADENCE_OF: Record<string, Cadence> = {
  'en gång i månaden': 'monthly',
  'var tredje månad': 'quarterly',
  'var sjätte vecka': 'every_six_weeks',
  'varannan vecka': 'biweekly',
  'en till två gånger per termin': 'per_term',
  'två gånger per termin': 'per_term',
};

/** The three district boards with local forums, partners and (two of them) a strategy. */
const LOCAL: { board: string; area: string; strategy: boolean }[] = [
  { board: 'Rinkeby-Kista', area: 'Rinkeby', strategy: true },
  { board: 'Skärholmen', area: 'Skärholmen', strategy: true },
  { board: 'Enskede-Årsta-Vantör', area: 'Enskede', strategy: false },
];

const mailbox = (name: string) => `${name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@exempel.se`;

export async function seedCollaboration(db: Database, municipalityId: string, boardIds: Map<string, string>): Promise<void> {
  const central = seedActor(municipalityId, 'Central samordnare', [{ role: 'central_coordinator', boardId: null }]);
  const today = todayInSweden();

  const partner = async (name: string, type: PartnerType, boards: string[], role: string) =>
    (await createPartner({ db, actor: central, input: { name, type, boardIds: boards, contacts: [{ role, mailbox: mailbox(name) }] } })).id;

  const region = await partner('Polisregion Stockholm', 'police', [], 'Samordnare för våldsbejakande extremism');
  const sapo = await partner('Säkerhetspolisen', 'security_service', [], 'Regional samverkan');

  // The city's own networks: no board of their own, kept by the central coordinator.
  for (const n of stockholm.networks.filter((x) => !('local' in x))) {
    const cadence = 'cadence' in n && n.cadence ? (CADENCE_OF[n.cadence] ?? null) : null;
    const partnerIds = n.name.startsWith('Avstämning med polisregion') ? [region, sapo] : [];
    const forum = await createForum({ db, actor: central, input: { name: n.name, boardId: null, cadence, description: 'convenor' in n ? `Sammankallande: ${n.convenor}.` : null, partnerIds } });
    // The coordinators' own network meets monthly with violent extremism as its subject.
    if (cadence !== 'monthly') continue;
    for (let day = addDays(today, -300); day <= addDays(today, -1); day = addDays(day, 30)) {
      if (day.slice(5, 7) === '07') continue;
      await createMeeting({ db, actor: central, forumId: forum.id, input: { heldOn: day, vbeOnAgenda: true, notes: 'Nämndernas samordnare: lägesbild, utbildning och uppföljning.' } });
    }
  }

  const activitiesOf = async (boardId: string) =>
    db
      .selectFrom('plan_activity')
      .innerJoin('plan', 'plan.id', 'plan_activity.plan_id')
      .select(['plan_activity.id', 'plan_activity.title'])
      .where('plan.board_id', '=', boardId)
      .where('plan.year', '=', 2026)
      .where('plan_activity.deleted_at', 'is', null)
      .execute();

  for (const l of LOCAL) {
    const boardId = boardIds.get(l.board)!;
    const local = seedActor(municipalityId, `Lokal samordnare ${l.board}`, [{ role: 'local_coordinator', boardId }]);
    const police = await partner(`Lokalpolisområde ${l.area}`, 'police', [boardId], 'Kommunpolis');
    const school = await partner(`Grundskolorna i ${l.area}`, 'school', [boardId], 'Rektorsgruppen');
    const social = await partner(`Socialtjänsten ${l.board}`, 'social_services', [boardId], 'Enhetschef barn och unga');
    const housing = await partner(`Bostadsbolaget i ${l.area}`, 'housing_company', [boardId], 'Trygghetsvärd');
    const faith = await partner(`Församlingarna i ${l.area}`, 'faith_community', [boardId], 'Samordnande präst');
    const sports = await partner(`Idrottsföreningen ${l.area}`, 'sports_club', [boardId], 'Föreningens kansli');

    // The local crime prevention council meets monthly (not in July); SSPF every other week.
    const lbr = await createForum({ db, actor: local, input: { name: `Lokala brottsförebyggande rådet ${l.area}`, boardId, cadence: 'monthly', partnerIds: [police, school, social, housing, faith] } });
    const sspf = await createForum({ db, actor: local, input: { name: `SSPF ${l.area} (skola, socialtjänst, polis, fritid/fält)`, boardId, cadence: 'biweekly', partnerIds: [police, school, social] } });
    for (let n = 0, day = addDays(today, -330); day <= addDays(today, -3); day = addDays(day, 30), n++) {
      if (day.slice(5, 7) === '07') continue;
      const vbe = n % 2 === 0;
      await createMeeting({
        db,
        actor: local,
        forumId: lbr.id,
        input: { heldOn: day, vbeOnAgenda: vbe, notes: vbe ? 'Gemensam lägesbild om våldsbejakande extremism i området; inga enskilda ärenden.' : 'Trygghetsvandring och otrygga platser inför hösten.' },
      });
    }
    for (let day = addDays(today, -84); day <= addDays(today, -2); day = addDays(day, 14)) {
      await createMeeting({ db, actor: local, forumId: sspf.id, input: { heldOn: day, vbeOnAgenda: false, notes: 'Avstämning om fritid och skolfrånvaro på gruppnivå.' } });
    }

    // The plan's activities name their partners from the register.
    const activities = await activitiesOf(boardId);
    const byTitle = (start: string) => activities.find((a) => a.title.startsWith(start))?.id;
    const links: [string | undefined, string[], string[]][] = [
      [byTitle('Demokrativeckor'), [school], ['children_youth']],
      [byTitle('Fältassistenter'), [police, social], ['children_youth', 'residents']],
      [byTitle('Anhörigstöd'), [social, faith], ['parents_families']],
      [byTitle('Föräldrastödskurser'), [social, school], ['parents_families', 'online']],
      [byTitle('Lokal lägesbild'), [police], ['residents']],
      [byTitle('Webbaserad grundutbildning'), [], ['staff']],
      [byTitle('Dialog med trossamfund'), [faith, sports], ['residents']],
    ];
    for (const [id, partnerIds, targetGroups] of links) {
      if (id) await db.updateTable('plan_activity').set({ partner_ids: JSON.stringify(partnerIds), target_groups: JSON.stringify(targetGroups) }).where('id', '=', id).execute();
    }

    if (l.board === 'Rinkeby-Kista') {
      await createAgreement({
        db,
        actor: local,
        input: {
          title: `Samverkansöverenskommelse mellan ${l.board} stadsdelsnämnd och lokalpolisområde ${l.area}`,
          boardId,
          partnerIds: [police],
          validFrom: addDays(today, -320),
          reviewOn: addDays(today, 45),
          activityIds: [byTitle('Fältassistenter')].filter((x): x is string => !!x),
        },
      });
    }
    if (l.strategy) {
      const carriedBy = [byTitle('Dialog med trossamfund'), byTitle('Anhörigstöd'), byTitle('Föräldrastödskurser'), byTitle('Demokrativeckor')].filter((x): x is string => !!x);
      await saveStrategy({
        db,
        actor: local,
        boardId,
        input: {
          adoptedOn: '2026-02-19',
          summary: 'Nämnden samverkar med föreningar, trossamfund och idrottsrörelsen i det förebyggande arbetet, med tydliga roller och utan att dela uppgifter om enskilda.',
          goals: [
            { text: 'Regelbunden dialog med trossamfund och föreningar om demokrati och trygghet', activityIds: carriedBy.slice(0, 1) },
            { text: 'Föräldrar och anhöriga får stöd genom civilsamhällets nätverk', activityIds: carriedBy.slice(1) },
          ],
        },
      });
    }
  }

  await createAgreement({
    db,
    actor: central,
    input: {
      title: 'Samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm',
      boardId: null,
      partnerIds: [region],
      validFrom: '2024-01-01',
      validTo: '2027-12-31',
      reviewOn: '2027-06-30',
    },
  });
}
