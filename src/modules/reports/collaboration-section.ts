/**
 * The collaboration section of the report documents (DOCX, PDF, XLSX): per board, its forums and
 * meetings ("LBR met 9 times, VBE on the agenda 4"), partners, police agreements, civil-society
 * strategy, and the year's grant and premises vetting. Pure, from the report's JSON.
 */
import { partnerTypeLabel } from '../../domain/collaboration/model.js';
import { hasGrantActivity } from '../../domain/grants/figures.js';
import type { ExternalSection, ReportTable } from '../../documents/report/model.js';
import type { TReport } from './schema.js';

type Row = TReport['collaboration']['rows'][number];
type Grants = NonNullable<Row['grants']>;

const meetingsText = (n: number) => (n === 1 ? '1 gång' : `${n} gånger`);

function forumsTable(r: TReport, rows: Row[]): ReportTable | null {
  const lines = rows.flatMap((x) => (x.collaboration?.forums ?? []).map((f) => [x.boardName, f.name, f.meetings, f.vbeOnAgenda] as (string | number)[]));
  const city = r.collaboration.cityForums.map((f) => ['Staden', f.name, f.meetings, f.vbeOnAgenda] as (string | number)[]);
  const all = [...city, ...lines];
  if (!all.length) return null;
  return {
    caption: `Forum och nätverk: möten ${r.year}`,
    columns: [
      { key: 'board', label: 'Nämnd', weight: 2 },
      { key: 'forum', label: 'Forum', weight: 4 },
      { key: 'meetings', label: 'Möten', numeric: true },
      { key: 'vbe', label: 'Varav VBE på dagordningen', numeric: true, weight: 1.6 },
    ],
    rows: all,
  };
}

function boardsTable(rows: Row[]): ReportTable | null {
  const withData = rows.filter((x) => x.collaboration);
  if (!withData.length) return null;
  return {
    caption: 'Samverkansparter, överenskommelser med polisen och strategi för civilsamhället',
    columns: [
      { key: 'board', label: 'Nämnd', weight: 2 },
      { key: 'partners', label: 'Samverkansparter per typ', weight: 4 },
      { key: 'agreements', label: 'Överenskommelser', numeric: true },
      { key: 'due', label: 'Att revidera', numeric: true },
      { key: 'strategy', label: 'Strategi för civilsamhället', weight: 1.6 },
    ],
    rows: withData.map((x) => {
      const c = x.collaboration!;
      const partners = Object.entries(c.partnersByType)
        .sort(([a, x], [b, y]) => y - x || partnerTypeLabel(a).localeCompare(partnerTypeLabel(b), 'sv'))
        .map(([type, n]) => `${partnerTypeLabel(type)} ${n}`)
        .join(', ');
      return [x.boardName, partners || 'Inga', c.agreements.inForce, c.agreements.dueForReview, c.strategyGoals === null ? 'Saknas' : `${c.strategyGoals} mål`];
    }),
  };
}

function grantsTable(r: TReport, withGrants: Row[]): ReportTable | null {
  if (!withGrants.length) return null;
  return {
    caption: `Bidrag och lokaler ${r.year} per nämnd`,
    columns: [
      { key: 'board', label: 'Nämnd', weight: 3 },
      { key: 'applications', label: 'Ansökningar', numeric: true },
      { key: 'approved', label: 'Beviljade', numeric: true },
      { key: 'rejected', label: 'Avslagna', numeric: true },
      { key: 'failed', label: 'Varav underkänt villkor', numeric: true, weight: 1.6 },
    ],
    rows: withGrants.map((x) => [x.boardName, x.grants!.applications, x.grants!.approved, x.grants!.rejected, x.grants!.refusedForFailedCriterion]),
  };
}

export function collaborationExternalSection(r: TReport): ExternalSection {
  const c = r.collaboration;
  const withGrants = c.rows.filter((x) => hasGrantActivity(x.grants));
  const sum = (pick: (g: Grants) => number) => withGrants.reduce((n, x) => n + pick(x.grants!), 0);
  const withoutStrategy = c.rows.filter((x) => x.collaboration && x.collaboration.strategyGoals === null).length;
  const forums = [...c.cityForums, ...c.rows.flatMap((x) => x.collaboration?.forums ?? [])];
  const meetings = forums.reduce((n, f) => n + f.meetings, 0);
  const vbe = forums.reduce((n, f) => n + f.vbeOnAgenda, 0);
  const strategyText =
    r.scope === 'board'
      ? withoutStrategy
        ? 'Nämnden saknar strategi för samverkan med civilsamhället.'
        : 'Nämnden har en strategi för samverkan med civilsamhället.'
      : `${withoutStrategy} av ${c.rows.length} nämnder saknar strategi för samverkan med civilsamhället.`;
  const forumsText = forums.length
    ? `${r.scope === 'board' ? 'Nämndens' : 'Stadens och nämndernas'} ${forums.length === 1 ? 'forum' : `${forums.length} forum`} möttes ${meetingsText(meetings)} under ${r.year}, varav ${meetingsText(vbe)} med våldsbejakande extremism på dagordningen.`
    : r.scope === 'board'
      ? 'Nämnden har inga forum registrerade.'
      : 'Inga forum är registrerade.';
  const grantsText = withGrants.length
    ? `Bidrag och lån av lokaler ${r.year}: ${sum((g) => g.applications)} ansökningar; av årets beslut ${sum((g) => g.approved)} beviljade och ${sum((g) => g.rejected)} avslagna, varav ${sum((g) => g.refusedForFailedCriterion)} för att organisationen inte uppfyllde ett demokrativillkor.`
    : 'Inga ansökningar om bidrag eller lokaler under året.';
  return {
    key: 'collaboration',
    title: 'Samverkan och bidrag',
    available: c.available,
    intro: c.available ? [strategyText, forumsText, grantsText].join(' ') : undefined,
    tables: [forumsTable(r, c.rows), boardsTable(c.rows), grantsTable(r, withGrants)].filter((t): t is ReportTable => t !== null),
  };
}
