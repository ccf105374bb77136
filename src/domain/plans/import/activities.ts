/**
 * Activity rows of a local action plan from an XLSX or CSV table shaped like the plans' own
 * tables: Insats / Ansvarig aktör / Samverkan / Tidsplan / Uppföljning, optionally Insatsområde
 * (Allmän / Riktad / Individ) and Beskrivning; Swedish or English headers in any order. The file
 * is read by the shared table reader (encodings, separators, quotes, line numbers); formulas are
 * never evaluated (an XLSX cell gives its saved value, a CSV cell starting with = + - @ stays the
 * text it is). Every row gets a line number, and every problem names its line.
 */
import { isTableError, readTable, type Table } from '../../training/tabular.js';
import { cellOf, headerKey, mapHeaders, type Requirement } from '../../training/headers.js';
import { MEASURE_AREAS, type MeasureArea } from '../model.js';

/** The most activity rows one file may hold. */
export const MAX_ACTIVITY_ROWS = 2000;
/** The longest text a cell may hold. */
export const MAX_FIELD_LENGTH = 2000;

/** Shaped like the plans API's create-activity request (POST /api/plans/:id/activities). */
export interface ImportedActivity {
  title: string;
  description?: string;
  measureArea?: MeasureArea;
  responsible: string;
  partners?: string;
  timeline: string;
  followUp: string;
}

export interface ImportRow {
  line: number;
  activity: ImportedActivity;
}

export interface ImportError {
  /** The line in the file (XLSX: the row number); 0 when the problem concerns the whole file. */
  line: number;
  message: string;
}

export interface ActivityImport {
  rows: ImportRow[];
  errors: ImportError[];
  /** Headers that were not recognised and therefore not read. */
  ignoredColumns: string[];
  /** Set when the file as a whole cannot be read (then it is also the only entry of `errors`). */
  fileError?: ImportError;
}

export type ActivityField = 'title' | 'description' | 'measureArea' | 'responsible' | 'partners' | 'timeline' | 'followUp';

export const ACTIVITY_COLUMNS: { field: ActivityField; label: string; aliases: string[] }[] = [
  {
    field: 'title',
    label: 'Insats',
    aliases: [
      'insats', 'insatser', 'förebyggande insats', 'förhindrande insats', 'förebyggande arbete', 'förhindrande arbete',
      'åtgärd', 'åtgärder', 'aktivitet', 'aktiviteter', 'insatsens namn', 'rubrik',
      'activity', 'activities', 'title', 'measure', 'action', 'initiative',
    ],
  },
  { field: 'description', label: 'Beskrivning', aliases: ['beskrivning', 'insatsbeskrivning', 'syfte', 'description', 'details'] },
  {
    field: 'measureArea',
    label: 'Insatsområde',
    aliases: ['insatsområde', 'insatsnivå', 'åtgärdsområde', 'område', 'nivå', 'measure area', 'area', 'level', 'prevention level'],
  },
  {
    field: 'responsible',
    label: 'Ansvarig aktör',
    aliases: ['ansvarig aktör', 'ansvarig', 'ansvariga', 'ansvar', 'ansvarig enhet', 'ansvarig roll', 'responsible', 'responsible party', 'responsibility', 'owner'],
  },
  {
    field: 'partners',
    label: 'Samverkan',
    aliases: ['samverkan', 'samverkanspartner', 'samverkanspartners', 'samverkansparter', 'i samverkan med', 'partners', 'partner', 'collaboration', 'cooperation'],
  },
  {
    field: 'timeline',
    label: 'Tidsplan',
    // "Tidspan" is how the EÅV plan's first table spells it.
    aliases: ['tidsplan', 'tidspan', 'tidsperiod', 'tid', 'period', 'när', 'timeline', 'time frame', 'timeframe', 'schedule', 'time plan'],
  },
  {
    field: 'followUp',
    label: 'Uppföljning',
    aliases: ['uppföljning', 'uppföljningsmetod', 'följs upp', 'hur följs insatsen upp', 'follow-up', 'follow up', 'followup', 'monitoring'],
  },
];

const REQUIREMENTS: Requirement<ActivityField>[] = [
  { oneOf: ['title'], label: 'insats', examples: ['Insats', 'Activity'] },
  { oneOf: ['responsible'], label: 'ansvarig aktör', examples: ['Ansvarig aktör', 'Responsible'] },
  { oneOf: ['timeline'], label: 'tidsplan', examples: ['Tidsplan', 'Timeline'] },
  { oneOf: ['followUp'], label: 'uppföljning', examples: ['Uppföljning', 'Follow-up'] },
];

const MEASURE_AREA_WORDS: Record<string, MeasureArea> = {};
for (const [area, words] of Object.entries({
  general: ['allmän', 'allmänna', 'allmänt', 'allmän insats', 'allmänna insatser', 'allmänförebyggande', 'universell', 'general', 'universal'],
  targeted: ['riktad', 'riktade', 'riktat', 'riktad insats', 'riktade insatser', 'selektiv', 'targeted', 'selective'],
  individual: ['individ', 'individinsats', 'individinsatser', 'individuell', 'individuella', 'indikerad', 'individual', 'indicated'],
} satisfies Record<MeasureArea, string[]>)) {
  for (const w of words) MEASURE_AREA_WORDS[headerKey(w)] = area as MeasureArea;
}

/** "Allmän", "Riktade insatser", "individual", … → the measure area; '' → undefined; unknown → null. */
export function parseMeasureArea(raw: string): MeasureArea | undefined | null {
  const key = headerKey(raw);
  if (key === '') return undefined;
  if ((MEASURE_AREAS as readonly string[]).includes(raw.trim().toLowerCase())) return raw.trim().toLowerCase() as MeasureArea;
  return MEASURE_AREA_WORDS[key] ?? null;
}

/** Control characters out (except line breaks and tabs in descriptions), spaces collapsed. */
function clean(raw: string, multiline: boolean): string {
  // eslint-disable-next-line no-control-regex
  const s = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  if (!multiline) return s.replace(/\s+/g, ' ').trim();
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function tooManyRowsMessage(): string {
  return `Filen har fler än ${MAX_ACTIVITY_ROWS.toLocaleString('sv-SE')} rader. En plan importeras med högst ${MAX_ACTIVITY_ROWS.toLocaleString('sv-SE')} insatser per fil – dela upp den i flera filer.`;
}

/**
 * The EÅV plan's third table is headed Samverkan | Ansvarig aktör | Samverkan | …: the activity
 * column carries the table's name. When no activity column is found and "Samverkan" occurs twice,
 * the first one is the activity.
 */
function headerWithActivityColumn(header: string[]): string[] {
  const keys = header.map(headerKey);
  const titleKeys = new Set(ACTIVITY_COLUMNS[0].aliases.map(headerKey));
  if (keys.some((k) => titleKeys.has(k))) return header;
  const partnerKeys = new Set(ACTIVITY_COLUMNS.find((c) => c.field === 'partners')!.aliases.map(headerKey));
  const partnerColumns = keys.flatMap((k, i) => (partnerKeys.has(k) ? [i] : []));
  if (partnerColumns.length < 2) return header;
  return header.map((h, i) => (i === partnerColumns[0] ? 'Insats' : h));
}

export function parseActivityTable(table: Table): ActivityImport {
  const header = headerWithActivityColumn(table.header);
  const mapped = mapHeaders(header, ACTIVITY_COLUMNS, REQUIREMENTS, table.headerLine);
  if ('error' in mapped) return { rows: [], errors: [mapped.error], ignoredColumns: [], fileError: mapped.error };
  const { columns, ignored } = mapped;

  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  for (const { line, cells } of table.rows) {
    const value = (f: ActivityField) => clean(cellOf(cells, columns, f), f === 'description');
    const v = {
      title: value('title'),
      description: value('description'),
      measureArea: value('measureArea'),
      responsible: value('responsible'),
      partners: value('partners'),
      timeline: value('timeline'),
      followUp: value('followUp'),
    };
    // A row whose recognised cells are all empty (notes in other columns, a sub-heading row
    // without anything else) is not an activity.
    if (Object.values(v).every((x) => x === '')) continue;

    const problems: string[] = [];
    if (!v.title) problems.push('Insatsen saknar namn (kolumnen Insats är tom).');
    if (!v.responsible) problems.push('Ansvarig aktör saknas.');
    if (!v.timeline) problems.push('Tidsplan saknas.');
    if (!v.followUp) problems.push('Uppföljning saknas.');
    for (const c of ACTIVITY_COLUMNS) {
      const length = v[c.field].length;
      if (length > MAX_FIELD_LENGTH) {
        problems.push(
          `${c.label} är för lång: ${length.toLocaleString('sv-SE')} tecken, högst ${MAX_FIELD_LENGTH.toLocaleString('sv-SE')}.`,
        );
      }
    }
    const area = parseMeasureArea(v.measureArea);
    if (area === null) {
      problems.push(`Okänt insatsområde ”${v.measureArea.slice(0, 60)}”. Skriv Allmän, Riktad eller Individ, eller lämna rutan tom.`);
    }
    if (problems.length > 0) {
      errors.push({ line, message: problems.join(' ') });
      continue;
    }
    rows.push({
      line,
      activity: {
        title: v.title,
        ...(v.description ? { description: v.description } : {}),
        ...(area ? { measureArea: area } : {}),
        responsible: v.responsible,
        ...(v.partners ? { partners: v.partners } : {}),
        timeline: v.timeline,
        followUp: v.followUp,
      },
    });
  }
  if (rows.length === 0 && errors.length === 0) {
    const fileError = { line: 0, message: 'Filen innehåller rubriker men inga insatser.' };
    return { rows, errors: [fileError], ignoredColumns: ignored, fileError };
  }
  return { rows, errors, ignoredColumns: ignored };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  // UTF-16 text has NULs too; it starts with a byte order mark, which the table reader handles.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.includes(0);
}

/** Reads the uploaded file and parses its activity table. */
export async function parseActivityFile(bytes: Uint8Array, filename: string): Promise<ActivityImport> {
  const fail = (message: string, line = 0): ActivityImport => ({ rows: [], errors: [{ line, message }], ignoredColumns: [], fileError: { line, message } });
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const isCfb = CFB_MAGIC.every((b, i) => bytes[i] === b);
  const ext = /\.([a-z0-9]+)$/i.exec(filename.trim())?.[1]?.toLowerCase() ?? '';

  if (!isZip && !isCfb && (ext === 'xlsx' || ext === 'xlsm') && bytes.length > 0 && looksBinary(bytes)) {
    return fail(
      `Filen heter ”.${ext}” men är ingen Excel-arbetsbok – den har bytts namn på eller är en annan sorts fil. Öppna tabellen i Excel och spara den som ”Excel-arbetsbok (.xlsx)” eller som CSV, och försök igen.`,
    );
  }
  // An .xlsx passes the archive guard inside readTable before anything parses it.
  const table = await readTable(bytes, filename, { maxRows: MAX_ACTIVITY_ROWS });
  if (isTableError(table)) {
    const tooMany = table.error.message.startsWith('Filen har fler än');
    return fail(tooMany ? tooManyRowsMessage() : table.error.message, tooMany ? 0 : table.error.line);
  }
  return parseActivityTable(table);
}
