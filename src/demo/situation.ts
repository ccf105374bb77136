import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { LABELS, ENVIRONMENTS, todayInSweden, type ConcernType, type Environment, type NoteSource } from '../domain/situation/categories.js';
import { countReports } from '../domain/situation/counts.js';
import type { AnswerValue, RecipientGroup, SurveyQuestion } from '../domain/situation/survey.js';
import { recordAudit, type AuditActor } from '../modules/audit/service.js';
import { insertConcerns } from '../modules/situation/concerns.repo.js';
import { insertNotes } from '../modules/situation/notes.repo.js';
import { upsertPicture } from '../modules/situation/pictures.repo.js';
import { insertRecipients, insertResponses, insertSurvey } from '../modules/situation/surveys.repo.js';
import eav from './data/eav-handlingsplan-2018.json' with { type: 'json' };

/**
 * Demo data for the situation picture: de-identified concern reports 2024–2026 for several boards
 * (Enskede-Årsta-Vantör about twenty a year, others fewer, so small counts show suppression),
 * police notes, the EÅV 2018 survey with its 32 responses (recipients and environments from the
 * plan's situation picture) and one published annual picture for EÅV. Deterministic: the same
 * data on every fresh database (dates after today are left out).
 */

const EAV = 'Enskede-Årsta-Vantör';

/** Reports per year by board; the rest of the boards have none. */
const VOLUME: Record<string, { perYear: number; areas: string[]; env: Partial<Record<Environment, number>> }> = {
  'Enskede-Årsta-Vantör': {
    perYear: 20,
    areas: ['Rågsved', 'Hagsätra', 'Högdalen', 'Bandhagen', 'Årsta', 'Enskede gård', 'Stureby', 'Svedmyra'],
    env: { white_power: 9, autonomous: 4, violent_islamist: 3, unclear: 4 },
  },
  'Rinkeby-Kista': { perYear: 11, areas: ['Rinkeby', 'Kista', 'Husby', 'Akalla'], env: { violent_islamist: 5, white_power: 2, unclear: 3, autonomous: 1 } },
  Skärholmen: { perYear: 8, areas: ['Skärholmen', 'Bredäng', 'Sätra', 'Vårberg'], env: { white_power: 3, violent_islamist: 3, unclear: 2 } },
  Södermalm: { perYear: 7, areas: ['Hornstull', 'Skanstull', 'Katarina', 'Sofia'], env: { autonomous: 4, white_power: 2, unclear: 1 } },
  'Spånga-Tensta': { perYear: 5, areas: ['Tensta', 'Spånga', 'Hjulsta'], env: { violent_islamist: 3, unclear: 2 } },
  Farsta: { perYear: 3, areas: ['Farsta', 'Hökarängen', 'Sköndal'], env: { white_power: 2, unclear: 1 } },
  'Hässelby-Vällingby': { perYear: 2, areas: ['Vällingby', 'Hässelby gård'], env: { white_power: 1, autonomous: 1 } },
  Norrmalm: { perYear: 1, areas: ['Vasastan'], env: { unclear: 1 } },
};

interface Template {
  type: ConcernType;
  env: Environment;
  text: string;
  action: string;
  social?: boolean;
  police?: boolean;
}

// De-identified by design: no one can be identified from any of these (tested with the guard).
const TEMPLATES: Template[] = [
  { type: 'graffiti', env: 'white_power', text: 'Klistermärken med vit makt-budskap på lyktstolpar och busskurer i {area}.', action: 'Fastighetsägaren och trafikförvaltningen kontaktade för sanering.' },
  { type: 'graffiti', env: 'white_power', text: 'Klotter med nazistisk symbolik i en gångtunnel i {area}.', action: 'Sanerat av stadsdelens klotterjour och polisanmält.', police: true },
  { type: 'propaganda', env: 'white_power', text: 'Flygblad från en nazistisk organisation utdelade i brevlådor i {area}.', action: 'Information till lokalpolisen.', police: true },
  { type: 'threat', env: 'white_power', text: 'Ett trossamfund i {area} har fått hatiska kommentarer och hot efter ett uttalande om mottagande av nyanlända.', action: 'Polisanmält av trossamfundet. Samordnaren har erbjudit stöd.', police: true },
  { type: 'recruitment', env: 'white_power', text: 'Uppgifter om att en vit makt-grupp bjuder in unga till kampsportsträning i {area}.', action: 'Lokalpolisen och fältassistenterna informerade.', police: true },
  { type: 'graffiti', env: 'autonomous', text: 'Klotter från den autonoma miljön riktat mot politiska meningsmotståndare i {area}.', action: 'Sanerat.' },
  { type: 'propaganda', env: 'autonomous', text: 'Affischer som uppmanar till våldsamma aktioner mot en politisk demonstration i {area}.', action: 'Information till lokalpolisen.', police: true },
  { type: 'threat', env: 'autonomous', text: 'Hot mot en politisk företrädare i samband med ett möte i {area}.', action: 'Polisanmält.', police: true },
  { type: 'propaganda', env: 'violent_islamist', text: 'Personal har uppmärksammat att propaganda från en våldsbejakande islamistisk grupp sprids i sociala medier bland unga i {area}.', action: 'Diskuterat i den lokala SSPF-gruppen.' },
  { type: 'recruitment', env: 'violent_islamist', text: 'Fältassistenter har sett att unga i {area} kontaktas av personer som uppges rekrytera till en våldsbejakande islamistisk miljö.', action: 'Information till socialtjänsten och lokalpolisen.', social: true, police: true },
  { type: 'concern_for_person', env: 'violent_islamist', text: 'Skolpersonal oroar sig för en elev som visat material med våldsbejakande islamistiskt innehåll.', action: 'Orosanmälan till socialtjänsten; samråd med elevhälsan.', social: true },
  { type: 'returnee', env: 'violent_islamist', text: 'Uppgift från lokalpolisen om en återvändare från ett konfliktområde som bosatt sig i stadsdelsområdet.', action: 'Hanteras i samverkan mellan polisen och socialtjänsten.', social: true, police: true },
  { type: 'concern_for_person', env: 'unclear', text: 'Personal på en fritidsgård har hört en ungdom uttrycka stöd för våld mot meningsmotståndare.', action: 'Orosanmälan till socialtjänsten enligt rutinen.', social: true },
  { type: 'violence', env: 'unclear', text: 'Slagsmål vid ett politiskt möte i {area} där symboler från extrema miljöer förekom.', action: 'Polisen var på plats.', police: true },
  { type: 'other', env: 'unclear', text: 'Anslag med konspirationsteorier och uppmaningar till våld i en trappuppgång i {area}.', action: 'Fastighetsägaren informerad och anslagen borttagna.' },
];

/** Deterministic pseudo-random numbers (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface DemoReport {
  board: string;
  occurredOn: string;
  type: ConcernType;
  environment: Environment;
  area: string;
  description: string;
  actionTaken: string;
  social: boolean;
  police: boolean;
}

/** The demo reports, before dates after `today` are dropped. Exported for the demo-data test. */
export function demoReports(years: number[] = [2024, 2025, 2026]): DemoReport[] {
  const rnd = prng(20181122);
  const out: DemoReport[] = [];
  for (const [board, v] of Object.entries(VOLUME)) {
    for (const year of years) {
      // ±2 around the yearly volume, at least one.
      const n = Math.max(1, v.perYear + Math.round(rnd() * 4) - 2);
      const envWeights = Object.entries(v.env) as [Environment, number][];
      const weightSum = envWeights.reduce((a, [, w]) => a + w, 0);
      for (let i = 0; i < n; i++) {
        let r = rnd() * weightSum;
        const env = envWeights.find(([, w]) => (r -= w) < 0)?.[0] ?? envWeights[0][0];
        const candidates = TEMPLATES.filter((t) => t.env === env);
        // Graffiti and propaganda are the common case (the plan: "klotter och klistermärken").
        const weighted = candidates.flatMap((t) => (t.type === 'graffiti' || t.type === 'propaganda' ? [t, t, t] : [t]));
        const tpl = weighted[Math.floor(rnd() * weighted.length)];
        const area = v.areas[Math.floor(rnd() * v.areas.length)];
        const month = 1 + Math.floor(rnd() * 12);
        const day = 1 + Math.floor(rnd() * 28);
        out.push({
          board,
          occurredOn: `${year}-${pad(month)}-${pad(day)}`,
          type: tpl.type,
          environment: tpl.env,
          area,
          description: tpl.text.replace('{area}', area),
          actionTaken: tpl.action,
          social: !!tpl.social,
          police: !!tpl.police,
        });
      }
    }
  }
  return out;
}

interface DemoNote {
  board: string;
  notedOn: string;
  source: NoteSource;
  body: string;
}

export const DEMO_NOTES: DemoNote[] = [
  {
    board: 'Enskede-Årsta-Vantör',
    notedOn: '2018-02-15',
    source: 'police',
    body: 'Från lokalpolisen: förekomst av de tre extremistiska miljöerna finns fortsatt inom Enskede-Årsta-Vantör. Polisanmälningar avseende hets mot folkgrupp och ofredande finns där högerextrema grupper är misstänkta. Från våren fram till valet väntas ökad politisk aktivitet av grupper på den extrema högerkanten, med motreaktioner från den autonoma vänstermiljön.',
  },
  { board: 'Enskede-Årsta-Vantör', notedOn: '2024-03-12', source: 'police', body: 'Lokalpolisen: de tre extremistiska miljöerna finns fortsatt representerade i stadsdelsområdet. Ökad spridning av klistermärken från vit makt-miljön kring tunnelbanestationerna.' },
  { board: 'Enskede-Årsta-Vantör', notedOn: '2024-09-20', source: 'network', body: 'Lokala brottsförebyggande rådet: fältassistenterna rapporterar färre incidenter under sommaren än föregående år.' },
  { board: 'Enskede-Årsta-Vantör', notedOn: '2025-02-18', source: 'police', body: 'Lokalpolisen bedömer att aktiviteten från vit makt-miljön är oförändrad. Det finns polisanmälningar om hets mot folkgrupp där högerextrema grupper är misstänkta.' },
  { board: 'Enskede-Årsta-Vantör', notedOn: '2025-06-05', source: 'civil_society', body: 'Samverkansmöte med trossamfunden: två samfund beskriver hatiska kommentarer i sociala medier efter uttalanden om invandring.' },
  { board: 'Enskede-Årsta-Vantör', notedOn: '2025-10-14', source: 'police', body: 'Lokalpolisen: inför valåret 2026 väntas ökad politisk aktivitet från grupper på den extrema högerkanten och motreaktioner från den autonoma vänstermiljön.' },
  { board: 'Enskede-Årsta-Vantör', notedOn: '2026-03-10', source: 'police', body: 'Lokalpolisen: ökad politisk aktivitet inför valet; flygbladsutdelning från en nazistisk organisation i Rågsved och Högdalen.' },
  { board: 'Enskede-Årsta-Vantör', notedOn: '2026-09-22', source: 'police', body: 'Efter valet har aktiviteten minskat något. Klotter och klistermärken förekommer fortsatt, företrädesvis med högerextrem inriktning.' },
  { board: 'Skärholmen', notedOn: '2025-04-08', source: 'police', body: 'Lokalpolisen: enstaka uppgifter om rekryteringsförsök till våldsbejakande islamistisk miljö bland unga vuxna i området.' },
  { board: 'Skärholmen', notedOn: '2026-05-19', source: 'network', body: 'SSPF-gruppen: skolorna efterfrågar stöd i hur oro ska hanteras enligt stadens rutin.' },
  { board: 'Rinkeby-Kista', notedOn: '2025-11-03', source: 'police', body: 'Lokalpolisen: propaganda sprids främst digitalt; få fysiska händelser under hösten.' },
];

// ---- The 2018 survey -----------------------------------------------------------------------

const SURVEY_QUESTIONS: Omit<SurveyQuestion, 'id'>[] = [
  { kind: 'yes_no', text: 'Har ni under det senaste året kommit i kontakt med personer som uttryckt våldsbejakande extremistiska åsikter?', options: [], multiple: false, required: true },
  { kind: 'yes_no', text: 'Har ni sett klotter, klistermärken eller annan propaganda med extremistiskt budskap i området?', options: [], multiple: false, required: true },
  { kind: 'choice', text: 'Om ja: vilka miljöer gällde det?', options: ['Vit makt-miljön', 'Autonoma miljön', 'Våldsbejakande islamism', 'Vet inte'], multiple: true, required: false },
  { kind: 'scale', text: 'Hur väl känner personalen till tecken på våldsbejakande extremism? (1 = inte alls, 5 = mycket väl)', options: [], multiple: false, required: true },
  { kind: 'yes_no', text: 'Vet personalen vart de ska vända sig vid oro?', options: [], multiple: false, required: true },
  { kind: 'choice', text: 'Behöver er verksamhet mer kunskap eller stöd?', options: ['Ja, utbildning', 'Ja, stöd i enskilda situationer', 'Nej'], multiple: false, required: false },
  { kind: 'text', text: 'Beskriv gärna vad ni har sett eller vilket stöd ni behöver. Skriv inga namn eller adresser.', options: [], multiple: false, required: false },
];

/** Sent / answered per recipient group (32 answers, as in the plan). */
const SURVEY_GROUPS: { group: RecipientGroup; label: string; sent: number; answered: number }[] = [
  { group: 'preschool', label: 'Förskola', sent: 12, answered: 9 },
  { group: 'leisure', label: 'Fritid', sent: 8, answered: 6 },
  { group: 'social_services', label: 'Socialtjänst', sent: 7, answered: 5 },
  { group: 'elderly_care', label: 'Äldreomsorg', sent: 9, answered: 6 },
  { group: 'property_owner', label: 'Fastighetsägare', sent: 6, answered: 3 },
  { group: 'faith_community', label: 'Trossamfund', sent: 4, answered: 3 },
];

const FREE_TEXTS = [
  'Klistermärken med högerextremt budskap vid tunnelbanestationen.',
  'Vi har fått hatiska kommentarer efter att vi uttalat oss positivt om invandring.',
  'Personalen efterfrågar kunskap om tecken på radikalisering.',
  'Klotter med hakkors i en gångtunnel, anmält till fastighetsägaren.',
  'Vi vet inte vart vi ska vända oss om vi känner oro för en ungdom.',
  'Inga tecken hos oss, men vi vill gärna ha information.',
  'Affischer från en autonom grupp vid en skolgård.',
  'Önskar en kontaktperson på förvaltningen.',
];

/** The 32 responses, built so that the totals are plausible and consistent with the plan's text. */
export function demoSurveyResponses(questions: SurveyQuestion[]): { group: RecipientGroup; answers: Record<string, AnswerValue> }[] {
  const rnd = prng(2018);
  const groups = SURVEY_GROUPS.flatMap((g) => Array.from({ length: g.answered }, () => g.group));
  // Shuffle, then put a faith community first: "ett trossamfund vittnar om" hatred.
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [groups[i], groups[j]] = [groups[j], groups[i]];
  }
  const f = groups.indexOf('faith_community');
  [groups[0], groups[f]] = [groups[f], groups[0]];
  const [q1, q2, q3, q4, q5, q6, q7] = questions.map((q) => q.id);
  const scale = [...Array(4).fill(1), ...Array(9).fill(2), ...Array(11).fill(3), ...Array(6).fill(4), ...Array(2).fill(5)];
  const support = [...Array(15).fill(0), ...Array(6).fill(1), ...Array(11).fill(2)];
  const environments = [[0, 2], [0], [0, 1], [0], [0], [1], [0, 3], [0], [0], [2], [0], [1, 0], [3]];
  return groups.map((group, i) => {
    const answers: Record<string, AnswerValue> = {
      [q1]: i < 5, // a few have met people expressing extremist views
      [q2]: i >= 2 && i < 13, // some have seen graffiti and stickers
      [q4]: scale[(i * 7) % 32],
      [q5]: i % 16 < 11, // 22 of 32
      [q6]: support[(i * 5) % 32],
    };
    if (i < 13) answers[q3] = environments[i];
    if (i < FREE_TEXTS.length) answers[q7] = FREE_TEXTS[i];
    return { group, answers };
  });
}

// ---- Seeding -------------------------------------------------------------------------------

const fakeHash = () => createHash('sha256').update(randomUUID()).digest('hex');

export async function seedSituation(db: Database, actor: AuditActor & { municipalityId: string }, boardIds: Map<string, string>, today = todayInSweden()): Promise<void> {
  const units = await db.selectFrom('unit').select(['id', 'board_id']).where('kind', '=', 'unit').execute();
  const eavId = boardIds.get(EAV)!;
  const rnd = prng(7);
  const reports = demoReports().filter((r) => r.occurredOn <= today && boardIds.has(r.board));
  const recentFrom = `${Number(today.slice(0, 4))}-${today.slice(5, 7) === '01' ? '01' : pad(Number(today.slice(5, 7)) - 1)}-01`;

  await db.transaction().execute(async (trx) => {
    await insertConcerns(
      trx,
      reports.map((r, i) => {
        const boardId = boardIds.get(r.board)!;
        const boardUnits = units.filter((u) => u.board_id === boardId);
        const open = r.occurredOn >= recentFrom;
        const created = new Date(`${r.occurredOn}T09:00:00Z`);
        created.setUTCDate(created.getUTCDate() + 1 + Math.floor(rnd() * 3));
        return {
          board_id: boardId,
          occurred_on: r.occurredOn,
          type: r.type,
          environment: r.environment,
          area: r.area,
          reporting_unit_id: boardUnits.length ? boardUnits[i % boardUnits.length].id : null,
          description: r.description,
          action_taken: r.actionTaken,
          forwarded_to_social_services: r.social,
          forwarded_to_police: r.police,
          filed_by: null,
          status: open ? 'open' : 'closed',
          // One in fifteen handled reports was judged unrelated; concern for a person often stays unclear.
          relevance: open ? null : i % 15 === 7 ? 'not_vbe' : r.type === 'concern_for_person' ? 'unclear' : 'vbe',
          created_at: created.getTime() > Date.now() ? new Date() : created,
        };
      }),
    );

    await insertNotes(
      trx,
      DEMO_NOTES.filter((n) => n.notedOn <= today && boardIds.has(n.board)).map((n) => ({
        board_id: boardIds.get(n.board)!,
        noted_on: n.notedOn,
        source: n.source,
        body: n.body,
        created_by: null,
      })),
    );

    // The EÅV 2018 survey: sent to the units and to property owners and faith communities.
    const questions: SurveyQuestion[] = SURVEY_QUESTIONS.map((q) => ({ ...q, id: randomUUID() }));
    const survey = await insertSurvey(trx, {
      board_id: eavId,
      year: eav.situationPictureFacts.surveyYear,
      title: 'Enkät om tecken på våldsbejakande extremism 2018',
      intro:
        'Enskede-Årsta-Vantörs stadsdelsförvaltning tar fram en lokal lägesbild om våldsbejakande extremism. Svara utifrån er verksamhet. Skriv inga namn eller andra uppgifter som kan peka ut någon.',
      questions: JSON.stringify(questions),
      created_by: null,
      status: 'closed',
      created_at: new Date('2018-01-15T09:00:00Z'),
      sent_at: new Date('2018-01-22T08:00:00Z'),
      closed_at: new Date('2018-03-01T16:00:00Z'),
    });
    await insertRecipients(
      trx,
      SURVEY_GROUPS.flatMap((g) =>
        Array.from({ length: g.sent }, (_, i) => ({
          survey_id: survey.id,
          label: `${g.label} ${i + 1}`,
          recipient_group: g.group,
          unit_id: null,
          token_hash: fakeHash(),
          expires_at: new Date('2018-02-21T23:00:00Z'),
          answered_at: i < g.answered ? new Date(Date.UTC(2018, 0, 23 + ((i * 3) % 28), 10)) : null,
        })),
      ),
    );
    const responses = demoSurveyResponses(questions);
    if (responses.length !== eav.situationPictureFacts.surveyResponses) throw new Error('demo survey must have the plan’s number of responses');
    await insertResponses(
      trx,
      responses.map((r, i) => ({ survey_id: survey.id, recipient_group: r.group, answers: JSON.stringify(r.answers), submitted_on: `2018-02-${pad(1 + (i % 20))}` })),
    );

    // One published annual picture for EÅV: last year's, compiled in the autumn of that year.
    const pictureYear = Number(today.slice(0, 4)) - 1;
    const counts = countReports(
      reports
        .filter((r) => r.board === EAV && r.occurredOn.startsWith(String(pictureYear)))
        .map((r) => ({ boardId: eavId, occurredOn: r.occurredOn, type: r.type, environment: r.environment })),
    );
    const L = LABELS.sv;
    const envText = ENVIRONMENTS.map((e) => `${L.environment[e].toLowerCase()} ${counts.byEnvironment[e]}`).join(', ');
    await upsertPicture(trx, {
      board_id: eavId,
      year: pictureYear,
      status: 'published',
      published_at: new Date(`${pictureYear}-11-28T10:00:00Z`),
      compiled_on: `${pictureYear}-11-28`,
      updated_by: null,
      body: [
        `Lägesbild ${pictureYear} – Enskede-Årsta-Vantör`,
        '',
        'Lägesbilden har tagits fram tillsammans med lokalpolisen och andra berörda aktörer, utifrån de avidentifierade rapporterna om oro och händelser, nätverkens iakttagelser och tidigare enkäter till verksamheterna.',
        '',
        'Rapporter om oro och händelser',
        `Under ${pictureYear} kom ${counts.total} rapporter in till förvaltningen. Per miljö: ${envText}. Klotter och klistermärken, företrädesvis med högerextrem inriktning, är fortsatt den vanligaste typen av händelse.`,
        '',
        'Polisens bild',
        'Lokalpolisen bedömer att de tre extremistiska miljöerna fortsatt finns i stadsdelsområdet. Inför valåret väntas ökad politisk aktivitet från grupper på den extrema högerkanten och motreaktioner från den autonoma vänstermiljön.',
        '',
        'Bedömning',
        'De flesta verksamheter har inte kommit i kontakt med tecken på våldsbejakande extremism, men personal efterfrågar mer kunskap om tecken och om vart man vänder sig vid oro. Handlingsplanen bör därför prioritera kompetenshöjande insatser och samverkan med trossamfund och fastighetsägare.',
      ].join('\n'),
    });

    await recordAudit(trx, actor, {
      action: 'situation.demo_seed',
      entity: 'situation',
      summary: { concernReports: reports.length, notes: DEMO_NOTES.length, surveys: 1, surveyResponses: responses.length, pictures: 1 },
    });
  });
}
