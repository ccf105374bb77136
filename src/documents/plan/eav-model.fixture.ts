/**
 * The EÅV 2018 plan as a document model: the 13 activities of src/demo/data, and section texts
 * abridged from the seed plan. Only imported by tests and the screenshot script.
 */
import eav from '../../demo/data/eav-handlingsplan-2018.json' with { type: 'json' };
import type { PlanDocumentModel } from './model.js';

interface FixtureActivity {
  title: string;
  responsible: string;
  partners: string;
  timeline: string;
  followUp: string;
  measureArea: 'general' | 'targeted' | 'individual' | null;
}

export const EAV_ACTIVITIES = (eav.activities as FixtureActivity[]).map((a) => ({
  measureArea: a.measureArea,
  title: a.title,
  responsible: a.responsible,
  partners: a.partners || null,
  timeline: a.timeline,
  followUp: a.followUp,
}));

const SECTIONS: Record<string, string> = {
  Inledning:
    '<p>Våldsbejakande extremism är ett samlingsbegrepp för rörelser, ideologier eller miljöer som inte accepterar en demokratisk samhällsordning och som främjar våld för att uppnå ett ideologiskt mål.</p>' +
    '<p>För att säkerställa Stockholms stads förmåga att förebygga och försvåra våldsbejakande extremism beslutade kommunfullmäktige i maj 2016 <strong>stadsövergripande riktlinjer</strong> mot våldsbejakande extremism. Syftet med handlingsplanerna är att säkerställa en tydlig ansvarsfördelning och struktur för arbetet på lokal nivå.</p>' +
    '<h3>Definitioner</h3>' +
    '<ul><li><strong>Våldsbejakande</strong> – handlingar såsom att stödja, uppmana till eller delta i ideologiskt motiverade våldshandlingar för att främja en sak.</li>' +
    '<li><strong>Extremism</strong> – rörelser, ideologier eller individer som inte accepterar en demokratisk samhällsordning.</li>' +
    '<li><strong>Radikalisering</strong> – den process som leder till att en person eller en grupp stödjer eller utövar ideologiskt motiverat våld.</li></ul>',
  'Lokal lägesbild':
    '<p>Lägesbilden kring våldsbejakande extremism har tagits fram tillsammans med lokalpolisen och andra berörda aktörer. Från lokalpolisen har förvaltningen fått information om att förekomst av de tre extremistiska miljöerna fortsatt finns inom Enskede-Årsta-Vantör.</p>' +
    '<p>En förnyad enkätundersökning har gjorts 2018. Enkäten har skickats till förskola, fritid, socialtjänst och äldreomsorg, samt till fastighetsägare och trossamfund. Totalt har svar från 32 verksamheter kommit in.</p>',
  'Förebyggande arbete':
    '<p>Förebyggande arbete handlar bland annat om att öka medvetenheten i demokratifrågor, samt att bedriva ett förebyggande arbete mot utanförskap, våld och annan kriminalitet. Exempel på sådana åtgärder är:</p>' +
    '<ul><li>Arbetet med jämställdhet och normkritik i förskolan</li><li>Machofabriken – arbete med maskulinitetsnormer inom fritidens verksamhet</li><li>Föräldrastödskurser såsom ABC – Alla barn i centrum</li><li>Feriearbete för ungdomar</li></ul>',
  'Förhindrande arbete':
    '<p>Det förhindrande arbetet är de insatser och åtgärder som riktas mot personer som håller på att hamna i, eller befinner sig i våldsbejakande extremistmiljöer.</p>' +
    '<h3>Avhopparverksamhet</h3><p>I förvaltningen finns sociala insatsgrupper för åldrarna 13–29 år. Inom ramen för detta arbete finns även möjlighet att ta emot personer som vill lämna extremistmiljöer.</p>' +
    '<h3>Stöd till anhöriga</h3><p>Stödet ges på Föräldramottagningen på Familjens hus.</p>',
  Samverkan:
    '<p>Samverkan avseende våldsbejakande extremism infogas i den befintliga samverkan kring barn och ungdomar mellan skola, socialtjänst, polis, fritid, fält och förskola, så kallad <em>SSPF</em>.</p>',
  'Kompetenshöjande åtgärder/insatser':
    '<p>Det finns en stadsövergripande utbildningsplan för området. Läs mer på <a href="https://start.stockholm/">stadens webbplats</a>.</p>' +
    '<ol><li>Grundutbildning hösten 2018</li><li>Fördjupningsutbildningar från april 2018</li></ol>',
  Uppföljning:
    '<p>Uppföljning av vidtagna åtgärder görs i samband med årets verksamhetsberättelse. Handlingsplanen revideras årligen utifrån aktuell lägesbild. I revideringen ska status på föregående års vidtagna åtgärder framgå.</p>',
  'Bilaga 1 Rutin': 'Rutin för Stockholms stad vid oro/händelse rörande våldsbejakande extremism.',
};

export function eavDocumentModel(overrides: Partial<PlanDocumentModel> = {}): PlanDocumentModel {
  return {
    municipality: 'Stockholms stad',
    boardName: 'Enskede-Årsta-Vantör',
    year: 2018,
    status: 'approved',
    statusLabel: 'Godkänd av kommunstyrelsen',
    decidedOn: '2018-04-20',
    paragraph: '§ 12',
    generatedOn: '2018-05-02',
    sections: (eav.sections as string[]).map((title) => ({ title, html: SECTIONS[title] ?? '' })),
    activities: EAV_ACTIVITIES,
    ...overrides,
  };
}
