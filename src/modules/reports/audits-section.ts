/**
 * The audits section of the report documents (DOCX, PDF, XLSX): each board's reply to the audit
 * recommendations with its status, and the measures promised. Pure, from the report's JSON.
 */
import type { ExternalSection } from '../../documents/report/model.js';
import { ASSESSMENT_LABELS_SV, MEASURE_STATUS_LABELS_SV, REPLY_STATUS_LABELS_SV } from '../../domain/audit-tracking/status.js';
import type { TReport } from './schema.js';

const yes = (b: boolean) => (b ? 'Ja' : '');

export function auditsExternalSection(r: TReport): ExternalSection {
  const a = r.audits;
  const city = r.scope === 'city';
  return {
    key: 'audits',
    title: 'Revision',
    available: a.available,
    intro: a.available
      ? `Revisionens rekommendationer och ${city ? 'nämndernas' : 'nämndens'} svar: ${a.tally.replies} svar, varav ${a.tally.awaiting_reply} inväntas, ${a.tally.in_progress} med åtgärder som pågår och ${a.tally.done} klara; ${a.tally.overdue} försenade. ${a.tally.measures} åtgärder, varav ${a.tally.measuresOverdue} försenade och ${a.tally.measuresWaiting} som väntar på andra.`
      : undefined,
    tables: [
      {
        caption: 'Rekommendationer och svar',
        columns: [
          { key: 'report', label: 'Rapport', weight: 2 },
          { key: 'recommendation', label: 'Rekommendation', weight: 4 },
          ...(city ? [{ key: 'board', label: 'Nämnd', weight: 2 }] : []),
          { key: 'status', label: 'Status', weight: 1.5 },
          { key: 'overdue', label: 'Försenat', weight: 1 },
          { key: 'decided', label: 'Nämndens beslut', weight: 1.4 },
          { key: 'measures', label: 'Åtgärder klara', weight: 1.2 },
          { key: 'assessment', label: 'Revisionens bedömning', weight: 1.6 },
        ],
        rows: a.replies.map((x) => [
          x.reportNumber ? `${x.reportNumber} ${x.reportTitle}` : x.reportTitle,
          x.recommendation,
          ...(city ? [x.boardName] : []),
          REPLY_STATUS_LABELS_SV[x.status],
          yes(x.overdue),
          x.decidedOn ?? '',
          `${x.measuresDone} av ${x.measures}`,
          x.assessment ? ASSESSMENT_LABELS_SV[x.assessment] : '',
        ]),
      },
      {
        caption: 'Åtgärder',
        columns: [
          ...(city ? [{ key: 'board', label: 'Nämnd', weight: 2 }] : []),
          { key: 'title', label: 'Åtgärd', weight: 4 },
          { key: 'responsible', label: 'Ansvarig', weight: 2 },
          { key: 'due', label: 'Klart senast', weight: 1.3 },
          { key: 'status', label: 'Status', weight: 1.3 },
          { key: 'link', label: 'Insats eller väntar på', weight: 3 },
          { key: 'overdue', label: 'Försenad', weight: 1 },
        ],
        rows: a.measures.map((m) => [
          ...(city ? [m.boardName] : []),
          m.title,
          m.responsible ?? '',
          m.dueOn,
          m.waiting ? `Väntar (${MEASURE_STATUS_LABELS_SV[m.status].toLowerCase()})` : MEASURE_STATUS_LABELS_SV[m.status],
          m.activity ? `Insats ${m.activity}` : m.waitingFor ? `Väntar på: ${m.waitingFor}` : '',
          yes(m.overdue),
        ]),
      },
    ],
  };
}
