/**
 * The collaboration section of the report documents (DOCX, PDF, XLSX): per board, the year's
 * grant and premises vetting. Pure, from the report's JSON.
 */
import type { ExternalSection } from '../../documents/report/model.js';
import type { TReport } from './schema.js';

export function collaborationExternalSection(r: TReport): ExternalSection {
  const c = r.collaboration;
  const withGrants = c.rows.filter((x) => x.grants && (x.grants.applications > 0 || x.grants.approved > 0 || x.grants.rejected > 0));
  const sum = (pick: (g: NonNullable<(typeof c.rows)[number]['grants']>) => number) => withGrants.reduce((n, x) => n + pick(x.grants!), 0);
  return {
    key: 'collaboration',
    title: 'Samverkan och bidrag',
    available: c.available,
    intro: c.available
      ? `Bidrag och lån av lokaler ${r.year}: ${sum((g) => g.applications)} ansökningar; av årets beslut ${sum((g) => g.approved)} beviljade och ${sum((g) => g.rejected)} avslagna, varav ${sum((g) => g.refusedForFailedCriterion)} för att organisationen inte uppfyllde ett demokrativillkor.`
      : undefined,
    tables: withGrants.length
      ? [
          {
            caption: `Bidrag och lokaler ${r.year} per nämnd`,
            columns: [
              { key: 'board', label: 'Nämnd', weight: 3 },
              { key: 'applications', label: 'Ansökningar', numeric: true },
              { key: 'approved', label: 'Beviljade', numeric: true },
              { key: 'rejected', label: 'Avslagna', numeric: true },
              { key: 'failed', label: 'Varav underkänt villkor', numeric: true, weight: 1.6 },
            ],
            rows: withGrants.map((x) => [x.boardName, x.grants!.applications, x.grants!.approved, x.grants!.rejected, x.grants!.refusedForFailedCriterion]),
          },
        ]
      : [],
    notes: c.available && withGrants.length === 0 ? ['Inga ansökningar om bidrag eller lokaler under året.'] : undefined,
  };
}
