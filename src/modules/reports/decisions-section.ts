/**
 * The board decisions section of the report documents (DOCX, PDF, XLSX): each meeting's handling
 * of the year's plan, with who proposed what and who reserved themselves. Pure, from the report's
 * JSON, which carries the texts whole.
 */
import type { ExternalSection } from '../../documents/report/model.js';
import { OUTCOME_LABELS_SV, RESERVATION_KIND_LABELS_SV } from '../../domain/plans/decisions.js';
import type { TReport } from './schema.js';

export function decisionsExternalSection(r: TReport): ExternalSection {
  const d = r.decisions;
  const city = r.scope === 'city';
  return {
    key: 'decisions',
    title: 'Nämndens beslut om planen',
    available: d.available,
    intro: d.available
      ? d.items.length === 0
        ? `Inga beslut om ${city ? 'nämndernas planer' : 'planen'} för ${r.year} är registrerade.`
        : `${d.items.length} ${d.items.length === 1 ? 'sammanträde' : 'sammanträden'} har behandlat ${city ? 'nämndernas planer' : 'planen'} för ${r.year}.`
      : undefined,
    tables: [
      {
        caption: 'Sammanträden',
        columns: [
          ...(city ? [{ key: 'board', label: 'Nämnd', weight: 2.4 }] : []),
          { key: 'meeting', label: 'Sammanträde', weight: 1.4 },
          { key: 'paragraph', label: 'Paragraf', weight: 1 },
          { key: 'outcome', label: 'Beslut', weight: 1.8 },
          { key: 'proposals', label: 'Förslag', weight: 3 },
          { key: 'reservations', label: 'Reservationer och särskilda uttalanden', weight: 3 },
        ],
        rows: d.items.map((x) => [
          ...(city ? [x.boardName] : []),
          x.meetingOn,
          x.paragraph,
          `${OUTCOME_LABELS_SV[x.outcome]}${x.revision ? ' (reviderad plan)' : ''}`,
          x.proposals.map((p) => `${p.by} (${p.result === 'adopted' ? 'bifallet' : 'avslaget'})`).join('; '),
          x.reservations.map((s) => `${RESERVATION_KIND_LABELS_SV[s.kind]}: ${s.party}`).join('; '),
        ]),
      },
    ],
    notes: d.items.some((x) => x.proposals.length || x.reservations.length)
      ? ['Förslagens och reservationernas fullständiga texter finns i planens beslutshistorik i Värna och i planen som Word- och PDF-fil.']
      : undefined,
  };
}
