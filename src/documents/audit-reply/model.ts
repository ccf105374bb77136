/**
 * The board's reply to an audit report as the city writes it: a tjänsteutlåtande (officer's
 * memo) to the board, with the header block (administration, date, case number, handläggare), the
 * proposed decision, a summary, and the matter itself — per recommendation the answer and a table
 * of the measures. Pure: every word is decided here; docx.ts only lays it out.
 */
import { MEASURE_STATUS_LABELS_SV, type MeasureStatus } from '../../domain/audit-tracking/status.js';
import { slug, swedishDate } from '../plan/outline.js';

export interface ReplyMeasureInput {
  title: string;
  responsible: string | null;
  dueOn: string;
  status: MeasureStatus;
  waiting: boolean;
  waitingFor: string | null;
  /** "Handlingsplan 2020: Grundutbildning för förskolans personal" */
  activity: string | null;
}

export interface ReplyDocumentInput {
  municipality: string;
  boardName: string;
  /** The board's administration (förvaltning), written at the top; the board's name when unknown. */
  administration: string;
  /** The memo's date (YYYY-MM-DD). */
  date: string;
  caseNumber: string | null;
  handler: string | null;
  report: { title: string; number: string | null; issuedOn: string; replyDue: string; scope: string | null; attachments: string[] };
  decision: { decidedOn: string; paragraph: string | null } | null;
  recommendations: { position: number; text: string; reply: string | null; measures: ReplyMeasureInput[] }[];
}

export interface ReplyTable {
  columns: string[];
  /** Relative widths, summing to 100. */
  widths: number[];
  rows: string[][];
}

export type ReplyBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  | { kind: 'numbered'; items: string[] }
  | { kind: 'table'; caption: string; table: ReplyTable };

export interface ReplyOutline {
  documentTitle: string;
  fileName: string;
  header: { administration: string; kind: string; rows: { label: string; value: string }[] };
  recipient: string;
  title: string;
  blocks: ReplyBlock[];
  footer: string;
}

export const MEASURE_COLUMNS = ['Åtgärd', 'Ansvarig', 'Klart senast', 'Koppling', 'Status'];
const MEASURE_WIDTHS = [30, 20, 14, 23, 13];

const reportName = (r: ReplyDocumentInput['report']) => (r.number ? `revisionsrapport nr ${r.number}, ”${r.title}”` : `revisionsrapporten ”${r.title}”`);
const count = (n: number, one: string, many: string) => `${n === 1 ? 'en' : n} ${n === 1 ? one : many}`;

function link(m: ReplyMeasureInput): string {
  if (m.activity) return `Insats i ${m.activity}`;
  if (m.waitingFor) return `Väntar på: ${m.waitingFor}`;
  return 'Fristående åtgärd';
}

function statusText(m: ReplyMeasureInput): string {
  return m.waiting ? `Väntar (${MEASURE_STATUS_LABELS_SV[m.status].toLowerCase()})` : MEASURE_STATUS_LABELS_SV[m.status];
}

export function replyOutline(d: ReplyDocumentInput): ReplyOutline {
  const measures = d.recommendations.flatMap((r) => r.measures);
  const linked = measures.filter((m) => m.activity).length;
  const waiting = measures.filter((m) => m.waitingFor).length;
  const blocks: ReplyBlock[] = [];

  blocks.push({ kind: 'heading', text: 'Förslag till beslut' });
  blocks.push({
    kind: 'numbered',
    items: [
      `${d.boardName} godkänner förvaltningens tjänsteutlåtande som svar på ${reportName(d.report)}.`,
      'Paragrafen förklaras omedelbart justerad.',
    ],
  });
  if (d.decision) {
    blocks.push({ kind: 'paragraph', text: `Nämnden beslutade ${swedishDate(d.decision.decidedOn)}${d.decision.paragraph ? `, ${d.decision.paragraph}` : ''}${d.caseNumber ? ` (dnr ${d.caseNumber})` : ''}.`, italic: true });
  }

  blocks.push({ kind: 'heading', text: 'Sammanfattning' });
  blocks.push({
    kind: 'paragraph',
    text:
      `Revisionskontoret har i ${reportName(d.report)} (${swedishDate(d.report.issuedOn)}) lämnat ${count(d.recommendations.length, 'rekommendation', 'rekommendationer')} till ${d.boardName}. ` +
      `Nämnden ska yttra sig senast ${swedishDate(d.report.replyDue)}.`,
  });
  blocks.push({
    kind: 'paragraph',
    text: measures.length
      ? `Förvaltningen föreslår ${count(measures.length, 'åtgärd', 'åtgärder')}` +
        (linked ? `, varav ${linked} genomförs som insatser i nämndens handlingsplan mot våldsbejakande extremism` : '') +
        (waiting ? `${linked ? ' och' : ', varav'} ${waiting} väntar på beslut eller underlag från andra` : '') +
        '. Åtgärderna följs upp varje tertial tillsammans med handlingsplanen.'
      : 'Förvaltningen föreslår inga nya åtgärder utöver det arbete som beskrivs nedan.',
  });

  blocks.push({ kind: 'heading', text: 'Ärendet' });
  blocks.push({
    kind: 'paragraph',
    text: `Revisionskontoret har granskat ${d.report.title.charAt(0).toLowerCase()}${d.report.title.slice(1)}.${d.report.scope ? ` ${d.report.scope}` : ''}`,
  });
  for (const r of d.recommendations) {
    blocks.push({ kind: 'subheading', text: `Rekommendation ${r.position}` });
    blocks.push({ kind: 'paragraph', text: r.text, italic: true });
    blocks.push({ kind: 'paragraph', text: r.reply ?? 'Svar på rekommendationen är inte skrivet ännu.' });
    if (r.measures.length) {
      blocks.push({
        kind: 'table',
        caption: `Åtgärder med anledning av rekommendation ${r.position}`,
        table: {
          columns: MEASURE_COLUMNS,
          widths: MEASURE_WIDTHS,
          rows: r.measures.map((m) => [m.title, m.responsible ?? '', swedishDate(m.dueOn), link(m), statusText(m)]),
        },
      });
    }
  }
  if (d.report.attachments.length) {
    blocks.push({ kind: 'heading', text: 'Bilagor' });
    blocks.push({ kind: 'numbered', items: d.report.attachments });
  }

  const title = `Yttrande över ${reportName(d.report)}`;
  return {
    documentTitle: title,
    fileName: `yttrande-${slug(d.report.number ?? d.report.title)}-${slug(d.boardName)}`,
    header: {
      administration: d.administration,
      kind: 'Tjänsteutlåtande',
      rows: [
        { label: 'Dnr', value: d.caseNumber ?? '' },
        { label: 'Datum', value: swedishDate(d.date) },
        { label: 'Handläggare', value: d.handler ?? '' },
      ],
    },
    recipient: `Till ${d.boardName}`,
    title,
    blocks,
    footer: `${d.municipality} · ${d.administration}`,
  };
}
