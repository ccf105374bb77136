/**
 * Demo data of the plans capability: the city's governing documents (2016 guidelines, 2015
 * strategy), plan instructions, the Enskede-Årsta-Vantör plan of 2018 as the city adopted it (13
 * activities, none classified by measure area, approved with the check's remarks), and 2026 plans
 * in every workflow state for several other boards, so the overview has something real to show.
 */
import type { Database } from '../db/database.js';
import type { Actor, Role, ServiceActor, SystemActor } from '../domain/policy/index.js';
import type { FinalStatus, MeasureArea } from '../domain/plans/model.js';
import type { PlanState } from '../domain/plans/workflow.js';
import { createGuidelineDocument, createGuidelineElement, createInstruction, publishInstruction } from '../modules/plans/governance-service.js';
import * as plans from '../modules/plans/service.js';
import type { TCreateActivityRequest, TIndicator } from '../modules/plans/schema.js';
import eav2018 from './data/eav-handlingsplan-2018.json' with { type: 'json' };
import stockholm from './data/stockholm-2019.json' with { type: 'json' };

type ElementRefs = Record<string, string>;

async function accountActor(db: Database, email: string): Promise<Actor> {
  const u = await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  const roles = await db.selectFrom('user_role').select(['role', 'board_id']).where('user_id', '=', u.id).execute();
  return { userId: u.id, email: u.email, name: u.name, municipalityId: u.municipality_id, roles: roles.map((r) => ({ role: r.role as Role, boardId: r.board_id })) };
}

const localCoordinator = (municipalityId: string, boardId: string, boardName: string): SystemActor => ({
  system: 'demo-seed',
  municipalityId,
  name: `Lokal samordnare, ${boardName}`,
  roles: [{ role: 'local_coordinator', boardId }],
});

async function seedGuidelines(db: Database, actor: ServiceActor): Promise<ElementRefs> {
  const refs: ElementRefs = {};
  const g = stockholm.guidelines2016;
  const guidelines = await createGuidelineDocument({
    db,
    actor,
    input: {
      title: 'Riktlinjer för arbetet mot våldsbejakande extremism',
      shortTitle: 'Riktlinjer 2016',
      description: 'Beslutade av kommunfullmäktige i maj 2016 (dnr 155-943/2015) som del av stadens program för trygghet och säkerhet.',
    },
  });
  for (const m of g.measureAreas) {
    refs[`area.${m.key}`] = (await createGuidelineElement({ db, actor, documentId: guidelines.id, input: { kind: 'measure_area', key: m.key, label: m.sv } })).id;
  }
  for (const [i, d] of g.directions.entries()) {
    refs[`dir${i + 1}`] = (await createGuidelineElement({ db, actor, documentId: guidelines.id, input: { kind: 'direction', label: d } })).id;
  }
  for (const [i, r] of g.requirements.entries()) {
    refs[`req${i + 1}`] = (await createGuidelineElement({ db, actor, documentId: guidelines.id, input: { kind: 'requirement', label: r } })).id;
  }
  const s = stockholm.strategy2015;
  const strategy = await createGuidelineDocument({
    db,
    actor,
    input: {
      title: 'Strategi mot våldsbejakande extremism',
      shortTitle: 'Strategi 2015',
      description: 'Stadsövergripande strategi, remitterad till nämnderna 2015, med fem riktlinjer, fyra perspektiv och fem risker att beakta.',
    },
  });
  for (const [i, x] of s.guidelines.entries()) {
    refs[`g${i + 1}`] = (await createGuidelineElement({ db, actor, documentId: strategy.id, input: { kind: 'guideline', label: x } })).id;
  }
  for (const [i, x] of s.perspectives.entries()) {
    refs[`p${i + 1}`] = (await createGuidelineElement({ db, actor, documentId: strategy.id, input: { kind: 'perspective', label: x } })).id;
  }
  for (const [i, x] of s.risks.entries()) {
    refs[`risk${i + 1}`] = (await createGuidelineElement({ db, actor, documentId: strategy.id, input: { kind: 'risk', label: x } })).id;
  }
  return refs;
}

async function seedInstructions(db: Database, actor: ServiceActor) {
  for (const [year, deadline] of [
    [2018, '2018-04-30'],
    [2025, '2025-04-30'],
    [2026, '2026-04-30'],
  ] as const) {
    const i = await createInstruction({
      db,
      actor,
      input: {
        year,
        deadline,
        guidance: `Nämndernas lokala handlingsplaner för ${year} följer den gemensamma strukturen. Planen behandlas av nämnden och skickas därefter till stadsledningskontoret för granskning och godkännande av kommunstyrelsen.`,
      },
    });
    await publishInstruction({ db, actor, id: i.id });
  }
  // Next year's instructions are being prepared.
  await createInstruction({ db, actor, input: { year: 2027, deadline: '2027-04-30' } });
}

// ---------------------------------------------------------------- backdating (demo only)

/** Moves the timestamps of a seeded plan's history to the dates it would have had. */
async function backdate(db: Database, planId: string, createdOn: string, moveDates: string[]) {
  const at = (d: string) => new Date(`${d}T09:30:00+01:00`);
  await db.updateTable('plan').set({ created_at: at(createdOn), updated_at: at(moveDates.at(-1) ?? createdOn) }).where('id', '=', planId).execute();
  await db.updateTable('plan_section').set({ updated_at: at(createdOn) }).where('plan_id', '=', planId).execute();
  await db.updateTable('plan_activity').set({ created_at: at(createdOn), updated_at: at(createdOn) }).where('plan_id', '=', planId).execute();
  const moves = await db.selectFrom('plan_transition').select(['id', 'version_number']).where('plan_id', '=', planId).orderBy('version_number').execute();
  for (const [i, m] of moves.entries()) {
    const when = at(moveDates[i] ?? moveDates.at(-1) ?? createdOn);
    await db.updateTable('plan_transition').set({ at: when }).where('id', '=', m.id).execute();
    await db.updateTable('plan_version').set({ created_at: when }).where('plan_id', '=', planId).where('number', '=', m.version_number!).execute();
    await db.updateTable('plan_review').set({ created_at: when, updated_at: when }).where('transition_id', '=', m.id).execute();
  }
}

// ---------------------------------------------------------------- the EÅV plan of 2018

const EAV_SECTIONS: Record<string, string> = {
  inledning:
    '<p>För att säkerställa Stockholms stads förmåga att förebygga och försvåra våldsbejakande extremism beslutade kommunfullmäktige i maj 2016 stadsövergripande riktlinjer mot våldsbejakande extremism. I riktlinjerna framgår att stadsdelsnämnderna och berörda facknämnder ska utarbeta lokala handlingsplaner.</p><p>Denna lokala handlingsplan omfattar åtgärder som stadsdelsförvaltningen äger rådighet över.</p>',
  lagesbild:
    '<p>Lägesbilden har tagits fram tillsammans med lokalpolisen och andra berörda aktörer. Förekomst av de tre extremistiska miljöerna finns fortsatt inom Enskede-Årsta-Vantör. Polisanmälningar avseende hets mot folkgrupp och ofredande finns där högerextrema grupper är misstänkta.</p><p>En förnyad enkät skickades 2018 till förskola, fritid, socialtjänst, äldreomsorg, fastighetsägare och trossamfund; <strong>32 verksamheter</strong> svarade. Några rapporterar klotter och klistermärken, företrädesvis med högerextrem inriktning.</p>',
  forebyggande:
    '<p>Förebyggande arbete handlar om att öka medvetenheten i demokratifrågor och att arbeta mot utanförskap, våld och annan kriminalitet. Exempel på åtgärder:</p><ul><li>Arbetet med jämställdhet och normkritik i förskolan</li><li>Machofabriken – arbete med maskulinitetsnormer inom fritidens verksamhet</li><li>Våldsförebyggande arbete enligt MVP tillsammans med skolan</li><li>Föräldrastödskurser såsom ABC och KOMET</li></ul>',
  forhindrande:
    '<p>Det förhindrande arbetet är de insatser och åtgärder som riktas mot personer som håller på att hamna i, eller befinner sig i, våldsbejakande extremistmiljöer. Förvaltningens sociala insatsgrupper för åldrarna 13–29 år kan ta emot personer som vill lämna extremistmiljöer. Anhöriga erbjuds stöd på Föräldramottagningen på Familjens hus.</p>',
  samverkan:
    '<p>Samverkan avseende våldsbejakande extremism infogas i den befintliga samverkan mellan skola, socialtjänst, polis, fritid, fält och förskola (SSPF) och sker inom lokala brottsförebyggande rådet. Samverkan med civilsamhället har påbörjats.</p>',
  kompetens:
    '<p>Behovet av kunskapshöjande åtgärder är fortsatt stort. Grundutbildningen genomförs igen under hösten 2018 och från april 2018 ges fördjupningsutbildningar till prioriterade verksamheter.</p>',
  uppfoljning:
    '<p>Arbetet följs upp i ordinarie verksamhetsuppföljning och i verksamhetsberättelsen. Handlingsplanen revideras årligen utifrån aktuell lägesbild. <em>I revideringen ska status på föregående års vidtagna åtgärder framgå.</em></p>',
  bilaga_rutin: '<p>Rutin för Stockholms stad vid oro/händelse rörande våldsbejakande extremism (stadsledningskontorets vägledande rutin).</p>',
};

async function seedEav2018(db: Database, boardId: string, eav: ServiceActor, central: ServiceActor) {
  const plan = await plans.createPlan({ db, actor: eav, input: { boardId, year: 2018 } });
  for (const [key, bodyHtml] of Object.entries(EAV_SECTIONS)) {
    await plans.updateSection({ db, actor: eav, planId: plan.id, key, input: { bodyHtml, datedOn: key === 'lagesbild' ? '2018-03-15' : '2018-04-05' } });
  }
  await plans.addActivities({
    db,
    actor: eav,
    planId: plan.id,
    activities: eav2018.activities.map((a) => ({
      title: a.title,
      responsible: a.responsible,
      partners: a.partners || null,
      timeline: a.timeline,
      followUp: a.followUp,
      measureArea: null,
    })),
  });
  await plans.transitionPlan({ db, actor: eav, planId: plan.id, input: { to: 'board_decided', decidedOn: '2018-04-19', paragraph: '§ 18' }, now: new Date('2018-04-19T12:00:00Z') });
  await plans.transitionPlan({ db, actor: eav, planId: plan.id, input: { to: 'submitted' } });
  await plans.transitionPlan({ db, actor: central, planId: plan.id, input: { to: 'in_review' } });
  const check = await plans.getPlanCheck({ db, actor: central, planId: plan.id });
  const remarks = check.items.filter((i) => !i.ok).map((i) => `${i.message}.`.replace(/\.\.$/, '.'));
  await plans.saveReview({
    db,
    actor: central,
    planId: plan.id,
    input: {
      items: [
        { criterionId: 'lagesbild', result: 'pass', comment: 'Lägesbild med polisen och enkät till 32 verksamheter.' },
        { criterionId: 'insatsomraden', result: 'fail', comment: 'Insatserna är grupperade som förebyggande, förhindrande och samverkan – inte efter riktlinjernas tre insatsområden.' },
        { criterionId: 'ansvar', result: 'pass', comment: null },
        { criterionId: 'civilsamhalle', result: 'partly', comment: 'Samverkan med civilsamhället är påbörjad men inte beskriven.' },
        { criterionId: 'kompetens', result: 'partly', comment: 'Ange hur många medarbetare som ska genomgå den webbaserade grundutbildningen.' },
        { criterionId: 'uppfoljning', result: 'partly', comment: 'Inga effektindikatorer.' },
      ],
      comment: `Godkänns med anmärkningar från planens kontroll: ${remarks.join(' ')} Till nästa revidering ska insatserna klassificeras efter de tre insatsområdena.`,
    },
  });
  await plans.transitionPlan({ db, actor: central, planId: plan.id, input: { to: 'approved', comment: 'Godkänd av kommunstyrelsen med anmärkningar.' } });
  await backdate(db, plan.id, '2018-03-01', ['2018-04-19', '2018-04-25', '2018-05-03', '2018-06-13']);
}

// ---------------------------------------------------------------- 2026 plans of other boards

interface Template {
  title: string;
  measureArea: MeasureArea;
  perspective: string;
  elements: string[];
  responsible: string;
  partners?: string;
  timeline: string;
  followUp: string;
  indicators: TIndicator[];
}

const T: Record<string, Template> = {
  demokrati: {
    title: 'Demokrativeckor på fritidsgårdarna med samtal om demokrati, källkritik och extremism',
    measureArea: 'general',
    perspective: 'Främjande',
    elements: ['area.general', 'dir1', 'g2'],
    responsible: 'Enhetschef fritidsgårdar',
    partners: 'Skolorna i stadsdelsområdet, studieförbund',
    timeline: 'Mars och oktober {year}',
    followUp: 'Antal deltagare och enkät till deltagarna redovisas i tertialrapporten',
    indicators: [
      { kind: 'output', name: 'Antal genomförda demokrativeckor', baseline: '1', target: '2' },
      { kind: 'effect', name: 'Andel deltagare som anger ökad kunskap om källkritik', baseline: null, target: '70 %' },
    ],
  },
  grundutbildning: {
    title: 'Webbaserad grundutbildning om våldsbejakande extremism för alla medarbetare inom socialtjänsten',
    measureArea: 'general',
    perspective: 'Förebyggande',
    elements: ['area.general', 'dir1', 'g2'],
    responsible: 'Avdelningschef individ- och familjeomsorg',
    timeline: 'Under {year}',
    followUp: 'Andel medarbetare som genomfört utbildningen, per enhet, i tertialrapporten',
    indicators: [{ kind: 'output', name: 'Andel medarbetare som genomfört grundutbildningen', baseline: '12 %', target: '80 %' }],
  },
  foreningsbidrag: {
    title: 'Riktlinjer för föreningsbidrag med demokrativillkor tillämpas och följs upp',
    measureArea: 'general',
    perspective: 'Förebyggande',
    elements: ['area.general', 'dir4', 'g1'],
    responsible: 'Avdelningschef kultur och fritid',
    partners: 'Föreningar som får bidrag',
    timeline: 'Löpande {year}',
    followUp: 'Uppföljning görs året efter utbetalning',
    indicators: [{ kind: 'output', name: 'Antal bidragsansökningar granskade mot demokrativillkoren', baseline: null, target: null }],
  },
  foraldrastod: {
    title: 'Föräldrastödskurser (ABC, KOMET) med ett avsnitt om propaganda och påverkan på nätet',
    measureArea: 'general',
    perspective: 'Främjande',
    elements: ['area.general', 'dir1'],
    responsible: 'Enhetschef föräldrastöd',
    partners: 'Förskolor och skolor',
    timeline: 'Vår och höst {year}',
    followUp: 'Antal kurstillfällen och deltagare redovisas i verksamhetsberättelsen',
    indicators: [{ kind: 'output', name: 'Antal genomförda kurser', baseline: '4', target: '6' }],
  },
  lagesbild: {
    title: 'Lokal lägesbild tas fram tillsammans med lokalpolisen varje tertial',
    measureArea: 'targeted',
    perspective: 'Förebyggande',
    elements: ['area.targeted', 'dir3', 'g3', 'req3'],
    responsible: 'Lokal samordnare mot våldsbejakande extremism',
    partners: 'Lokalpolisområdet',
    timeline: 'April, augusti och december {year}',
    followUp: 'Lägesbilden redovisas i SSPF och i tertialrapporten',
    indicators: [
      { kind: 'output', name: 'Antal framtagna lägesbilder', baseline: '1', target: '3' },
      { kind: 'effect', name: 'Andel anmält klotter med extremistiska budskap som sanerats inom 24 timmar', baseline: '60 %', target: '90 %' },
    ],
  },
  falt: {
    title: 'Fältassistenter i områden där extremistisk propaganda spridits, i samverkan med fastighetsägare',
    measureArea: 'targeted',
    perspective: 'Förebyggande',
    elements: ['area.targeted', 'dir3', 'g1'],
    responsible: 'Enhetschef fältassistenter',
    partners: 'Fastighetsägare, lokalpolisen',
    timeline: 'Kvällar och helger under {year}',
    followUp: 'Fältrapporter sammanställs varje tertial',
    indicators: [
      { kind: 'output', name: 'Antal fältpass i prioriterade områden', baseline: '80', target: '120' },
      { kind: 'effect', name: 'Andel boende som känner sig otrygga i prioriterade områden (trygghetsmätningen)', baseline: '32 %', target: '25 %' },
    ],
  },
  civilsamhalle: {
    title: 'Dialog med trossamfund och civilsamhälle om att upptäcka och motverka rekrytering',
    measureArea: 'targeted',
    perspective: 'Förebyggande',
    elements: ['area.targeted', 'dir4', 'g1'],
    responsible: 'Avdelningschef kultur och fritid',
    partners: 'Trossamfund, idrottsföreningar, studieförbund',
    timeline: 'Fyra dialogmöten under {year}',
    followUp: 'Minnesanteckningar och antal deltagande organisationer',
    indicators: [{ kind: 'output', name: 'Antal dialogmöten med civilsamhället', baseline: '1', target: '4' }],
  },
  avhoppare: {
    title: 'Stöd till personer som vill lämna våldsbejakande miljöer genom sociala insatsgruppen',
    measureArea: 'individual',
    perspective: 'Efterperspektiv',
    elements: ['area.individual', 'g4'],
    responsible: 'Enhetschef socialtjänst vuxen',
    partners: 'Polisen, Kriminalvården',
    timeline: 'Löpande {year}',
    followUp: 'Antal ärenden följs upp varje tertial (små tal redovisas som <5)',
    indicators: [
      { kind: 'output', name: 'Antal personer som fått stöd att lämna', baseline: null, target: null },
      { kind: 'effect', name: 'Andel som fullföljt insatsen', baseline: null, target: '75 %' },
    ],
  },
  anhorig: {
    title: 'Anhörigstöd via Familjens hus för anhöriga till personer i våldsbejakande miljöer',
    measureArea: 'individual',
    perspective: 'Anhörigstöd',
    elements: ['area.individual', 'g4', 'g5'],
    responsible: 'Enhetschef föräldrastöd',
    partners: 'Stadens centrala anhörigstöd',
    timeline: 'Löpande {year}',
    followUp: 'Följs upp i ordinarie verksamhetsuppföljning',
    indicators: [{ kind: 'output', name: 'Antal anhöriga som fått stöd', baseline: null, target: null }],
  },
  drabbade: {
    title: 'Stöd till drabbade av hot och hatbrott med extremistisk koppling',
    measureArea: 'individual',
    perspective: 'Efterperspektiv',
    elements: ['area.individual', 'g5'],
    responsible: 'Enhetschef brottsofferstöd',
    partners: 'Brottsofferjouren, polisen',
    timeline: 'Löpande {year}',
    followUp: 'Antal ärenden och de drabbades bedömning av stödet',
    indicators: [{ kind: 'effect', name: 'Andel drabbade som upplever att de fått det stöd de behövt', baseline: null, target: '80 %' }],
  },
};

function activity(key: string, year: number, refs: ElementRefs, overrides: Partial<TCreateActivityRequest> = {}): TCreateActivityRequest {
  const t = T[key];
  return {
    title: t.title,
    measureArea: t.measureArea,
    perspective: t.perspective,
    guidelineElementIds: t.elements.map((e) => refs[e]).filter(Boolean),
    responsible: t.responsible,
    partners: t.partners ?? null,
    timeline: t.timeline.replace('{year}', String(year)),
    followUp: t.followUp,
    indicators: t.indicators,
    ...overrides,
  };
}

function sectionsFor(board: string, year: number): Record<string, string> {
  return {
    inledning: `<p>${board}s handlingsplan mot våldsbejakande extremism för ${year} bygger på stadens riktlinjer från 2016 och årets anvisningar. Planen omfattar insatser som förvaltningen råder över och beskriver samverkan med andra aktörer.</p>`,
    lagesbild: `<p>Lägesbilden är framtagen tillsammans med lokalpolisen i januari ${year}. Klotter och klistermärken med extremistiska budskap förekommer, främst från vit makt-miljön. Inga kända etablerade grupperingar har sin bas i stadsdelsområdet.</p>`,
    forebyggande: '<p>Det förebyggande arbetet bedrivs i förskola, fritid och socialtjänst och handlar om demokrati, normer och källkritik.</p>',
    forhindrande: '<p>Den sociala insatsgruppen tar emot personer som vill lämna våldsbejakande miljöer. Anhöriga erbjuds stöd.</p>',
    samverkan: '<p>Samverkan sker i SSPF, i lokala brottsförebyggande rådet och med civilsamhället genom dialogmöten.</p>',
    kompetens: '<p>Alla medarbetare inom socialtjänsten ska ha genomfört stadens webbaserade grundutbildning. Fördjupning ges till fältassistenter och fritidsledare.</p>',
    uppfoljning: '<p>Planen följs upp i tertialrapporterna och i verksamhetsberättelsen. Status på föregående års insatser redovisas vid revideringen.</p>',
    bilaga_rutin: '<p>Stadens rutin vid oro eller händelse rörande våldsbejakande extremism gäller.</p>',
  };
}

interface DemoPlan {
  board: string;
  year: number;
  activities: (string | [string, Partial<TCreateActivityRequest>])[];
  /** Section keys left empty. */
  skipSections?: string[];
  /** Sequence of moves after writing. */
  to: PlanState;
  decided?: [string, string];
  review?: { items: [string, 'pass' | 'partly' | 'fail', string | null][]; comment: string };
  returnComment?: string;
  dates: string[];
  createdOn: string;
}

const DEMO_2026: DemoPlan[] = [
  {
    board: 'Rinkeby-Kista',
    year: 2026,
    activities: ['demokrati', 'grundutbildning', 'lagesbild', 'falt', 'avhoppare', 'anhorig'],
    to: 'approved',
    decided: ['2026-02-19', '§ 14'],
    review: {
      items: [
        ['lagesbild', 'pass', null],
        ['insatsomraden', 'pass', null],
        ['ansvar', 'pass', null],
        ['civilsamhalle', 'partly', 'Beskriv vilka organisationer dialogen ska omfatta.'],
        ['kompetens', 'pass', null],
        ['uppfoljning', 'pass', null],
      ],
      comment: 'En tydlig plan med insatser inom alla tre insatsområden och effektindikatorer.',
    },
    dates: ['2026-02-19', '2026-02-24', '2026-03-02', '2026-04-07'],
    createdOn: '2026-01-15',
  },
  {
    board: 'Skärholmen',
    year: 2026,
    activities: ['demokrati', 'grundutbildning', 'foraldrastod', 'lagesbild', 'civilsamhalle'],
    to: 'submitted',
    decided: ['2026-10-22', '§ 11'],
    dates: ['2026-10-22', '2026-11-02'],
    createdOn: '2026-08-20',
  },
  {
    board: 'Spånga-Tensta',
    year: 2026,
    activities: ['demokrati', 'foreningsbidrag', 'falt', ['avhoppare', { indicators: [] }]],
    skipSections: ['kompetens'],
    to: 'returned',
    decided: ['2026-03-26', '§ 21'],
    review: {
      items: [
        ['lagesbild', 'pass', null],
        ['insatsomraden', 'pass', null],
        ['ansvar', 'pass', null],
        ['civilsamhalle', 'fail', 'Planen saknar en beskrivning av hur samverkan med civilsamhället ska utvecklas (revisionens rekommendation).'],
        ['kompetens', 'fail', 'Avsnittet om kompetenshöjande åtgärder saknas; ange mål för grundutbildningen.'],
        ['uppfoljning', 'partly', null],
      ],
      comment: 'Komplettera med samverkan med civilsamhället och kompetenshöjande åtgärder innan planen kan godkännas.',
    },
    returnComment: 'Återremitteras för komplettering enligt granskningen.',
    dates: ['2026-03-26', '2026-04-02', '2026-04-14', '2026-05-05'],
    createdOn: '2026-02-01',
  },
  {
    board: 'Hässelby-Vällingby',
    year: 2026,
    activities: ['grundutbildning', 'foraldrastod', 'lagesbild', 'civilsamhalle', 'drabbade'],
    to: 'in_review',
    decided: ['2026-04-16', '§ 8'],
    dates: ['2026-04-16', '2026-04-27', '2026-05-04'],
    createdOn: '2026-02-10',
  },
  {
    board: 'Södermalm',
    year: 2026,
    activities: ['demokrati', 'grundutbildning', 'falt', 'anhorig'],
    to: 'board_decided',
    decided: ['2026-09-24', '§ 16'],
    dates: ['2026-09-24'],
    createdOn: '2026-03-05',
  },
  {
    board: 'Norrmalm',
    year: 2026,
    activities: ['foreningsbidrag', ['lagesbild', { measureArea: null, indicators: [] }]],
    skipSections: ['forhindrande', 'kompetens', 'uppfoljning', 'bilaga_rutin'],
    to: 'draft',
    dates: [],
    createdOn: '2026-10-01',
  },
  {
    board: 'Socialnämnden',
    year: 2026,
    activities: ['grundutbildning', 'avhoppare', 'anhorig', 'drabbade', 'lagesbild'],
    to: 'approved',
    decided: ['2026-03-17', '§ 5'],
    review: {
      items: [
        ['lagesbild', 'pass', null],
        ['insatsomraden', 'pass', null],
        ['ansvar', 'pass', null],
        ['civilsamhalle', 'pass', null],
        ['kompetens', 'pass', null],
        ['uppfoljning', 'pass', null],
      ],
      comment: 'Godkänd.',
    },
    dates: ['2026-03-17', '2026-03-20', '2026-03-30', '2026-04-21'],
    createdOn: '2026-01-20',
  },
];

async function seedPlan(db: Database, d: DemoPlan, boardId: string, lc: ServiceActor, central: ServiceActor, refs: ElementRefs) {
  const plan = await plans.createPlan({ db, actor: lc, input: { boardId, year: d.year } });
  for (const [key, bodyHtml] of Object.entries(sectionsFor(d.board, d.year))) {
    if (d.skipSections?.includes(key)) continue;
    await plans.updateSection({ db, actor: lc, planId: plan.id, key, input: { bodyHtml, datedOn: `${d.year}-01-28` } });
  }
  await plans.addActivities({
    db,
    actor: lc,
    planId: plan.id,
    activities: d.activities.map((a) => (typeof a === 'string' ? activity(a, d.year, refs) : activity(a[0], d.year, refs, a[1]))),
  });
  await movePlan(db, plan.id, d, lc, central);
  await backdate(db, plan.id, d.createdOn, d.dates);
  return plan.id;
}

async function movePlan(db: Database, planId: string, d: DemoPlan, lc: ServiceActor, central: ServiceActor) {
  const order: PlanState[] = ['board_decided', 'submitted', 'in_review'];
  const target = d.to === 'approved' || d.to === 'returned' ? 'in_review' : d.to;
  for (const to of order) {
    if (order.indexOf(to) > order.indexOf(target as PlanState) || d.to === 'draft') break;
    const actor = to === 'in_review' ? central : lc;
    await plans.transitionPlan({
      db,
      actor,
      planId,
      input: to === 'board_decided' ? { to, decidedOn: d.decided![0], paragraph: d.decided![1] } : { to },
      // The decision date is checked against the day it was registered, not the day of seeding.
      now: new Date(`${d.decided![0]}T12:00:00Z`),
    });
  }
  if (d.review) {
    await plans.saveReview({
      db,
      actor: central,
      planId,
      input: { items: d.review.items.map(([criterionId, result, comment]) => ({ criterionId, result, comment })), comment: d.review.comment },
    });
  }
  if (d.to === 'approved' || d.to === 'returned') {
    await plans.transitionPlan({ db, actor: central, planId, input: { to: d.to, comment: d.returnComment ?? null } });
  }
}

/** Farsta: last year's approved plan, and this year's draft started as a copy of it. */
async function seedFarsta(db: Database, boardId: string, lc: ServiceActor, central: ServiceActor, refs: ElementRefs) {
  const d: DemoPlan = {
    board: 'Farsta',
    year: 2025,
    activities: ['demokrati', 'grundutbildning', 'lagesbild', 'avhoppare'],
    to: 'approved',
    decided: ['2025-03-20', '§ 12'],
    review: {
      items: [
        ['lagesbild', 'pass', null],
        ['insatsomraden', 'pass', null],
        ['ansvar', 'pass', null],
        ['civilsamhalle', 'partly', 'Utveckla samverkan med civilsamhället till nästa år.'],
        ['kompetens', 'pass', null],
        ['uppfoljning', 'pass', null],
      ],
      comment: 'Godkänd. Utveckla samverkan med civilsamhället i revideringen.',
    },
    dates: ['2025-03-20', '2025-03-27', '2025-04-03', '2025-05-06'],
    createdOn: '2025-01-22',
  };
  const id2025 = await seedPlan(db, d, boardId, lc, central, refs);
  const copy = await plans.copyToNextYear({ db, actor: lc, planId: id2025 });
  const statuses: (FinalStatus | null)[] = ['done', 'ongoing', 'done', null];
  for (const [i, a] of copy.activities.entries()) {
    await plans.updateActivity({
      db,
      actor: lc,
      planId: copy.id,
      activityId: a.id,
      input: { previousYearFinalStatus: statuses[i] ?? null, timeline: a.timeline.replace('2025', '2026') },
    });
  }
  await plans.createActivity({ db, actor: lc, planId: copy.id, input: activity('civilsamhalle', 2026, refs) });
  await backdate(db, copy.id, '2026-09-15', []);
}

/** Seeds the plans capability's demo data (called from src/demo/seed.ts after the organisation). */
export async function seedPlans(db: Database): Promise<void> {
  const central = await accountActor(db, 'central@stockholm.example');
  const boards = new Map(
    (await db.selectFrom('board').select(['id', 'name']).where('municipality_id', '=', central.municipalityId).execute()).map((b) => [b.name, b.id]),
  );
  const refs = await seedGuidelines(db, central);
  await seedInstructions(db, central);
  await seedEav2018(db, boards.get('Enskede-Årsta-Vantör')!, await accountActor(db, 'eav@stockholm.example'), central);
  const skarholmen = await accountActor(db, 'skarholmen@stockholm.example');
  for (const d of DEMO_2026) {
    const boardId = boards.get(d.board);
    if (!boardId) continue;
    const lc = d.board === 'Skärholmen' ? skarholmen : localCoordinator(central.municipalityId, boardId, d.board);
    await seedPlan(db, d, boardId, lc, central, refs);
  }
  const farsta = boards.get('Farsta');
  if (farsta) await seedFarsta(db, farsta, localCoordinator(central.municipalityId, farsta, 'Farsta'), central, refs);
}
