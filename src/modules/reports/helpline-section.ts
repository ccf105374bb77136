/**
 * The helpline section of the report documents (DOCX, PDF, XLSX): the year's calls per board, by
 * who got in touch and by environment, with the hub's suppression already applied. Pure, from the
 * report's JSON.
 */
import type { ExternalSection } from '../../documents/report/model.js';
import { CALLER_TYPE_LABELS_SV, CALLER_TYPES } from '../../domain/hub/helpline.js';
import { LABELS as SITUATION_LABELS, ENVIRONMENTS } from '../../domain/situation/categories.js';
import type { TReport } from './schema.js';

export function helplineExternalSection(r: TReport): ExternalSection {
  const h = r.helpline;
  const board = { key: 'board', label: 'Nämnd', weight: 3 };
  return {
    key: 'helpline',
    title: 'Lotsfunktionen: samtal',
    available: h.available,
    intro: h.available ? `Samtal till lotsfunktionen ${r.year}, registrerade anonymt, per nämnd.` : undefined,
    tables: [
      {
        caption: `Samtal ${r.year} efter vem som hörde av sig`,
        columns: [board, { key: 'total', label: 'Totalt', numeric: true }, ...CALLER_TYPES.map((c) => ({ key: c, label: CALLER_TYPE_LABELS_SV[c], numeric: true, weight: 1.3 }))],
        rows: h.rows.map((row) => [row.boardName, row.total, ...CALLER_TYPES.map((c) => row.byCallerType[c] ?? null)]),
      },
      {
        caption: `Samtal ${r.year} efter miljö`,
        columns: [board, { key: 'total', label: 'Totalt', numeric: true }, ...ENVIRONMENTS.map((e) => ({ key: e, label: SITUATION_LABELS.sv.environment[e], numeric: true, weight: 1.3 }))],
        rows: h.rows.map((row) => [row.boardName, row.total, ...ENVIRONMENTS.map((e) => row.byEnvironment[e] ?? null)]),
      },
    ],
    notes: h.legend ? [h.legend] : undefined,
  };
}
