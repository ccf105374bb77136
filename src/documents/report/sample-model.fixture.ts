/** A small city report model for renderer tests: two boards, a delayed activity, an analysis. */
import type { ReportModel } from './model.js';

const statusColumns = [
  { key: 'board', label: 'Nämnd', weight: 3 },
  { key: 'plan', label: 'Planens status', weight: 2 },
  { key: 'total', label: 'Insatser', numeric: true },
  { key: 'done', label: 'Genomförd', numeric: true },
  { key: 'delayed', label: 'Försenad', numeric: true },
];

export function sampleReportModel(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    scope: 'city',
    municipality: 'Stockholms stad',
    title: 'Samlad rapport: arbetet mot våldsbejakande extremism 2026',
    subtitle: 'Stockholms stad – underlag till kommunstyrelsen',
    year: 2026,
    basis: 'Senast rapporterade status per insats 2026 (T1, T2 och verksamhetsberättelse)',
    generatedOn: '2026-11-23',
    keyFigures: [
      { label: 'Nämnder med godkänd plan', value: '1 av 2' },
      { label: 'Insatser', value: '7' },
    ],
    boards: {
      caption: 'Tabell 1. Nämndernas planer och insatser 2026',
      columns: statusColumns,
      rows: [
        ['Enskede-Årsta-Vantör', 'Godkänd', 5, 3, 2],
        ['Skärholmen', 'Återremitterad', 2, 0, 0],
      ],
      totals: ['Totalt', '', 7, 3, 2],
    },
    measureAreas: {
      caption: 'Tabell 2. Insatser per insatsområde och status',
      columns: [{ key: 'area', label: 'Insatsområde', weight: 3 }, { key: 'done', label: 'Genomförd', numeric: true }],
      rows: [['Allmänna insatser', 3]],
    },
    charts: [
      {
        key: 'status_by_board',
        title: 'Insatser per nämnd och status',
        categories: ['Enskede-Årsta-Vantör', 'Skärholmen'],
        stacked: true,
        summary: 'Enskede-Årsta-Vantör har flest insatser, varav 2 försenade.',
        series: [
          { key: 'done', name: 'Genomförd', values: [3, 0], color: '2E7D32' },
          { key: 'delayed', name: 'Försenad', values: [2, 0], color: 'C62828' },
        ],
        table: { caption: 'Tabell 1', columns: [], rows: [] },
      },
    ],
    yearOverYear: null,
    delayed: {
      caption: 'Tabell 3. Försenade insatser',
      columns: [{ key: 'board', label: 'Nämnd', weight: 2 }, { key: 'title', label: 'Insats', weight: 3 }, { key: 'comment', label: 'Kommentar', weight: 4 }],
      rows: [['Enskede-Årsta-Vantör', 'Grundutbildning för all personal', 'Försenad på grund av personalbrist; ny plan i höst.']],
    },
    indicators: { caption: 'Tabell 4. Indikatorer', columns: [{ key: 'n', label: 'Indikator' }], rows: [] },
    indicatorSummary: { caption: 'Tabell 5. Indikatorernas utfall', columns: [{ key: 'n', label: 'Utfall' }], rows: [] },
    contextIndicators: null,
    analyses: [
      {
        boardName: 'Enskede-Årsta-Vantör',
        periodLabel: 'Tertial 2 (maj–augusti) 2026',
        stateLabel: 'Markerad som rapporterad 2026-09-10',
        sections: [{ title: 'Effekter som har märkts', text: 'Fler medarbetare vet vart de ska vända sig.\n\nSamverkan med polisen har fördjupats.' }],
      },
    ],
    external: [{ key: 'training', title: 'Utbildningstäckning', available: false, tables: [] }],
    fileName: 'samlad-rapport-2026',
    ...overrides,
  };
}
