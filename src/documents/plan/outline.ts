/**
 * The structure of an exported plan, worked out once for both renderers (DOCX and PDF): the
 * title page's lines, the chapters in order with their blocks, and the activity tables grouped by
 * measure area. The renderers only lay this out; every word the reader sees is decided here.
 */
import { htmlToBlocks, type Block } from '../html-blocks.js';
import type { DocumentMeasureArea, PlanDocumentActivity, PlanDocumentDecision, PlanDocumentIndicator, PlanDocumentModel } from './model.js';

export const DOCUMENT_TITLE = 'Lokal handlingsplan mot våldsbejakande extremism';
export const TOC_TITLE = 'Innehåll';
export const ACTIVITIES_CHAPTER_TITLE = 'Insatser';
export const ACTIVITY_COLUMNS = ['Insats', 'Ansvarig aktör', 'Samverkan', 'Tidsplan', 'Uppföljning'] as const;
/**
 * Relative widths of the five columns (sum 100). The activity column is the widest: the first
 * line of a title should hold its first 40-odd characters, so a title stays findable in the text
 * a PDF reader extracts.
 */
export const ACTIVITY_COLUMN_WIDTHS = [38, 17, 17, 11, 17] as const;

export const MEASURE_AREA_GROUP_LABELS: Readonly<Record<DocumentMeasureArea | 'none', string>> = {
  general: 'Allmänna insatser',
  targeted: 'Riktade insatser',
  individual: 'Individinsatser',
  none: 'Ej klassificerade',
};
const SHORT_GROUP_LABELS: Readonly<Record<DocumentMeasureArea | 'none', string>> = {
  general: 'allmänna',
  targeted: 'riktade',
  individual: 'individinsatser',
  none: 'ej klassificerade',
};
const GROUP_ORDER: (DocumentMeasureArea | 'none')[] = ['general', 'targeted', 'individual', 'none'];

const GROUP_INTRO: Readonly<Record<DocumentMeasureArea | 'none', string>> = {
  general: 'Insatser som riktar sig till alla, till exempel kunskapshöjande och demokratistärkande arbete.',
  targeted: 'Insatser som riktar sig till grupper eller miljöer där det finns en förhöjd risk.',
  individual: 'Insatser som riktar sig till enskilda personer som riskerar att radikaliseras eller vill lämna en våldsbejakande miljö, och till deras anhöriga.',
  none: 'Insatser som ännu inte är klassificerade efter riktlinjernas tre insatsområden.',
};

const INDICATOR_KIND_LABELS: Readonly<Record<PlanDocumentIndicator['kind'], string>> = {
  output: 'Prestationsindikator',
  effect: 'Effektindikator',
};

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "2018-04-20" → "20 april 2018"; anything else is returned as it is. */
export function swedishDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** Lower case ASCII words joined by hyphens: "Enskede-Årsta-Vantör" → "enskede-arsta-vantor". */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `handlingsplan-enskede-arsta-vantor-2018.docx` */
export function planFileName(model: Pick<PlanDocumentModel, 'boardName' | 'year'>, extension: 'docx' | 'pdf'): string {
  const board = slug(model.boardName).slice(0, 80) || 'namnd';
  return `handlingsplan-${board}-${model.year}.${extension}`;
}

export interface TitlePage {
  municipality: string;
  boardName: string;
  title: string;
  /** Label/value lines under the title. */
  facts: { label: string; value: string }[];
}

export interface ActivityCell {
  /** The first line, bold in the Insats column. */
  heading?: string;
  lines: string[];
}

export interface ActivityTable {
  caption: string;
  intro: string;
  group: DocumentMeasureArea | 'none';
  rows: ActivityCell[][];
}

export type Chapter =
  | { kind: 'section'; title: string; blocks: Block[] }
  | { kind: 'activities'; title: string; intro: string; tables: ActivityTable[] };

export interface PlanOutline {
  documentTitle: string;
  titlePage: TitlePage;
  /** "Planen i korthet": a small label/value table under the table of contents. */
  summary: { title: string; facts: { label: string; value: string }[] };
  chapters: Chapter[];
  /** Running footer text (the page number is added by the renderer). */
  footer: string;
}

function indicatorLine(i: PlanDocumentIndicator): string {
  const extra = [i.baseline ? `utgångsläge ${i.baseline}` : '', i.target ? `mål ${i.target}` : ''].filter(Boolean).join(', ');
  return `${INDICATOR_KIND_LABELS[i.kind]}: ${i.name}${extra ? ` (${extra})` : ''}`;
}

function activityRow(a: PlanDocumentActivity): ActivityCell[] {
  const text = (s: string | null | undefined) => (s ?? '').trim();
  return [
    { heading: text(a.title), lines: text(a.description) ? [text(a.description)] : [] },
    { lines: [text(a.responsible)].filter(Boolean) },
    { lines: [text(a.partners)].filter(Boolean) },
    { lines: [text(a.timeline)].filter(Boolean) },
    { lines: [text(a.followUp), ...(a.indicators ?? []).map(indicatorLine)].filter(Boolean) },
  ];
}

export function groupActivities(activities: PlanDocumentActivity[]): ActivityTable[] {
  const tables: ActivityTable[] = [];
  for (const group of GROUP_ORDER) {
    const inGroup = activities.filter((a) => (a.measureArea ?? 'none') === group);
    if (inGroup.length === 0) continue;
    tables.push({
      caption: `Tabell ${tables.length + 1}. ${MEASURE_AREA_GROUP_LABELS[group]}`,
      intro: GROUP_INTRO[group],
      group,
      rows: inGroup.map(activityRow),
    });
  }
  return tables;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Plain text as paragraphs: blank lines separate them, single line breaks stay. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** The board's handling of the plan, meeting by meeting, with every proposal and reservation whole. */
export function decisionsHtml(decisions: PlanDocumentDecision[]): string {
  return decisions
    .map((d) => {
      const head = `<h3>${escapeHtml(`Sammanträde ${swedishDate(d.meetingOn)}, ${d.paragraph} – ${d.outcome}`)}</h3>`;
      const facts = [d.caseNumber ? `Diarienummer: ${d.caseNumber}` : '', d.attachments.length ? `Bilagor: ${d.attachments.join(', ')}` : '']
        .filter(Boolean)
        .map((f) => `<p>${escapeHtml(f)}</p>`)
        .join('');
      const proposals = d.proposals
        .map((p) => `<p><strong>${escapeHtml(`Förslag av ${p.by} (${p.adopted ? 'bifallet' : 'avslaget'})`)}</strong></p>${paragraphs(p.text)}`)
        .join('');
      const reservations = d.reservations.map((r) => `<p><strong>${escapeHtml(`${r.label}: ${r.party}`)}</strong></p>${paragraphs(r.text)}`).join('');
      return head + facts + proposals + reservations;
    })
    .join('');
}

/** Sections that close a plan: the activity tables go before the first of them. */
const CLOSING_SECTION = /^(uppföljning|bilaga|bilagor|referenser|källor)\b/i;

/** The chapter with the board's decisions, after the plan itself. */
export const DECISIONS_CHAPTER_TITLE = 'Nämndens behandling av planen';

export function planOutline(model: PlanDocumentModel): PlanOutline {
  const title = `${DOCUMENT_TITLE} ${model.year}`;
  const decision = model.decidedOn
    ? [swedishDate(model.decidedOn), model.paragraph?.trim()].filter(Boolean).join(', ')
    : 'Ännu inte beslutad av nämnden';
  const approval = model.approvedOn ? [swedishDate(model.approvedOn), model.approvedParagraph?.trim()].filter(Boolean).join(', ') : null;
  const facts = [
    { label: 'Status', value: model.statusLabel },
    { label: 'Nämndens beslut', value: decision },
    ...(approval ? [{ label: 'Kommunstyrelsens godkännande', value: approval }] : []),
    ...(model.revisionReason ? [{ label: 'Reviderad plan', value: model.revisionReason }] : []),
    { label: 'Utskriven', value: swedishDate(model.generatedOn) },
  ];

  const tables = groupActivities(model.activities);
  const counts = tables.map((t) => `${MEASURE_AREA_GROUP_LABELS[t.group].toLowerCase()}: ${t.rows.length}`).join(', ');
  const activities: Chapter = {
    kind: 'activities',
    title: ACTIVITIES_CHAPTER_TITLE,
    intro:
      model.activities.length === 0
        ? 'Planen har inga insatser ännu.'
        : `Planen har ${model.activities.length} ${model.activities.length === 1 ? 'insats' : 'insatser'} (${counts}). ` +
          'De redovisas nedan efter riktlinjernas tre insatsområden: allmänna insatser, riktade insatser och individinsatser.',
    tables,
  };

  const sections: Chapter[] = model.sections.map((s) => ({ kind: 'section', title: s.title.trim(), blocks: htmlToBlocks(s.html) }));
  const at = sections.findIndex((c) => CLOSING_SECTION.test(c.title));
  const chapters = at === -1 ? [...sections, activities] : [...sections.slice(0, at), activities, ...sections.slice(at)];
  if (model.decisions?.length) {
    chapters.push({ kind: 'section', title: DECISIONS_CHAPTER_TITLE, blocks: htmlToBlocks(decisionsHtml(model.decisions)) });
  }

  const perArea = GROUP_ORDER.map((g) => {
    const n = model.activities.filter((a) => (a.measureArea ?? 'none') === g).length;
    return `${SHORT_GROUP_LABELS[g]} ${n}`;
  });
  const summary = {
    title: 'Planen i korthet',
    facts: [
      { label: 'Nämnd', value: model.boardName },
      { label: 'Planår', value: String(model.year) },
      { label: 'Status', value: model.statusLabel },
      { label: 'Nämndens beslut', value: decision },
      { label: 'Insatser', value: `${model.activities.length} – ${perArea.join(', ')}` },
    ],
  };

  return {
    documentTitle: title,
    titlePage: { municipality: model.municipality, boardName: model.boardName, title, facts },
    summary,
    chapters,
    footer: `${model.boardName} – ${title}`,
  };
}
