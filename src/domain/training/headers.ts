/**
 * Finds the columns of an import by their headers: Swedish or English, in any order, regardless
 * of case, spaces, punctuation and diacritics ("Anst.nr", "ANSTÄLLNINGSNUMMER", "Employee ID").
 * Columns that are not recognised (names, e-mail addresses, …) are ignored and never read.
 */

/** Lower case, no diacritics, no punctuation or spaces: "Anst. nr" → "anstnr", "E-post" → "epost". */
export function headerKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface ColumnSpec<F extends string> {
  field: F;
  /** Swedish name used in messages, e.g. "nämnd/förvaltning". */
  label: string;
  /** Examples of accepted headers for the message when the column is missing. */
  examples: string[];
  /** Accepted headers in order of preference (the first alias that occurs wins). */
  aliases: string[];
  required: boolean;
}

/**
 * A required column may be satisfied by one of several fields (e.g. the board by its name or its
 * code): `oneOf` lists them.
 */
export interface Requirement<F extends string> {
  oneOf: F[];
  label: string;
  examples: string[];
}

export type ColumnMap<F extends string> = Partial<Record<F, number>>;

export type HeaderResult<F extends string> =
  | { columns: ColumnMap<F>; ignored: string[] }
  | { error: { line: number; message: string } };

export function mapHeaders<F extends string>(
  header: string[],
  specs: { field: F; aliases: string[] }[],
  requirements: Requirement<F>[],
  headerLine = 1,
): HeaderResult<F> {
  const keys = header.map(headerKey);
  const columns: ColumnMap<F> = {};
  const used = new Set<number>();
  for (const spec of specs) {
    for (const alias of spec.aliases) {
      const index = keys.findIndex((k, i) => k === headerKey(alias) && !used.has(i));
      if (index !== -1) {
        columns[spec.field] = index;
        used.add(index);
        break;
      }
    }
  }
  const missing = requirements.filter((r) => r.oneOf.every((f) => columns[f] === undefined));
  if (missing.length > 0) {
    const parts = missing.map((r) => `${r.label} (till exempel ${r.examples.map((e) => `”${e}”`).join(' eller ')})`);
    const found = header.filter((h) => h.trim() !== '').map((h) => `”${h}”`).join(', ');
    return {
      error: {
        line: headerLine,
        message:
          (missing.length === 1 ? `Kolumnen för ${parts[0]} saknas.` : `Kolumnerna för ${parts.join(', ')} saknas.`) +
          ` Filens rubriker är: ${found || '(inga)'}.`,
      },
    };
  }
  const ignored = header.filter((h, i) => !used.has(i) && h.trim() !== '');
  return { columns, ignored };
}

// ---------------------------------------------------------------- headcounts (HR)

export type HeadcountField = 'board' | 'boardCode' | 'unit' | 'unitCode' | 'employees' | 'asOf';

export const HEADCOUNT_COLUMNS: { field: HeadcountField; aliases: string[] }[] = [
  { field: 'boardCode', aliases: ['nämndkod', 'nämnd-id', 'förvaltningskod', 'förvaltnings-id', 'board code', 'board id'] },
  { field: 'board', aliases: ['nämnd', 'förvaltning', 'nämnd/förvaltning', 'förvaltning/nämnd', 'stadsdelsförvaltning', 'stadsdelsnämnd', 'board', 'administration'] },
  { field: 'unitCode', aliases: ['enhetskod', 'enhets-id', 'enhetsid', 'unit code', 'unit id', 'kostnadsställe', 'ansvarsenhet'] },
  { field: 'unit', aliases: ['enhet', 'enhetsnamn', 'unit', 'unit name', 'avdelning', 'department', 'arbetsplats'] },
  { field: 'employees', aliases: ['antal anställda', 'anställda', 'employees', 'number of employees', 'headcount', 'antal medarbetare', 'medarbetare', 'antal'] },
  { field: 'asOf', aliases: ['per datum', 'datum', 'as of', 'as-of date', 'as of date', 'date', 'avser datum', 'mätdatum'] },
];

export function headcountRequirements(needAsOf: boolean): Requirement<HeadcountField>[] {
  const r: Requirement<HeadcountField>[] = [
    { oneOf: ['board', 'boardCode'], label: 'nämnd/förvaltning', examples: ['Nämnd', 'Förvaltning'] },
    { oneOf: ['unit', 'unitCode'], label: 'enhet', examples: ['Enhet', 'Avdelning'] },
    { oneOf: ['employees'], label: 'antal anställda', examples: ['Antal anställda', 'Anställda'] },
  ];
  if (needAsOf) r.push({ oneOf: ['asOf'], label: 'datum', examples: ['Per datum', 'Datum'] });
  return r;
}

// ---------------------------------------------------------------- participants (learning platform)

export type ParticipantField =
  | 'employeeKey'
  | 'board'
  | 'boardCode'
  | 'unit'
  | 'unitCode'
  | 'course'
  | 'completedOn'
  | 'status';

export const PARTICIPANT_COLUMNS: { field: ParticipantField; aliases: string[] }[] = [
  {
    field: 'employeeKey',
    // Employee numbers first; e-mail and personnummer only when there is nothing better (they are hashed).
    aliases: [
      'anställningsnummer', 'anst.nr', 'anstnr', 'anst nr', 'anställningsnr', 'personalnummer', 'personalnr',
      'employee id', 'employee number', 'employee no', 'användar-id', 'användarid', 'user id',
      'e-post', 'epost', 'e-postadress', 'mejl', 'mail', 'email', 'e-mail', 'email address',
      'personnummer', 'personnr',
    ],
  },
  { field: 'boardCode', aliases: ['nämndkod', 'nämnd-id', 'förvaltningskod', 'förvaltnings-id', 'board code', 'board id'] },
  { field: 'board', aliases: ['nämnd', 'förvaltning', 'nämnd/förvaltning', 'förvaltning/nämnd', 'stadsdelsförvaltning', 'stadsdelsnämnd', 'board', 'administration', 'organisation', 'organization'] },
  { field: 'unitCode', aliases: ['enhetskod', 'enhets-id', 'enhetsid', 'unit code', 'unit id', 'kostnadsställe', 'ansvarsenhet'] },
  { field: 'unit', aliases: ['enhet', 'enhetsnamn', 'unit', 'unit name', 'avdelning', 'department', 'arbetsplats'] },
  { field: 'course', aliases: ['kurs', 'kursnamn', 'utbildning', 'course', 'course name', 'course title', 'training'] },
  {
    field: 'completedOn',
    aliases: [
      'slutförd', 'slutfört', 'slutförd datum', 'slutdatum', 'genomförd', 'genomfört', 'genomförd datum', 'avklarad',
      'completed', 'completed on', 'completion date', 'date completed', 'datum', 'date',
    ],
  },
  { field: 'status', aliases: ['status', 'kursstatus', 'completion status', 'resultat'] },
];

export const PARTICIPANT_REQUIREMENTS: Requirement<ParticipantField>[] = [
  { oneOf: ['employeeKey'], label: 'anställningsnummer', examples: ['Anställningsnummer', 'Anst.nr', 'Employee ID'] },
  { oneOf: ['board', 'boardCode'], label: 'nämnd/förvaltning', examples: ['Nämnd', 'Förvaltning'] },
  // No unit column is required: a row without a unit that matches counts for the board alone (API.md).
  { oneOf: ['completedOn'], label: 'slutdatum', examples: ['Slutförd', 'Completion date'] },
];

/** The cell of a field, or '' when the column is absent or the row is short. */
export function cellOf<F extends string>(cells: string[], columns: ColumnMap<F>, field: F): string {
  const i = columns[field];
  return i === undefined ? '' : (cells[i] ?? '').trim();
}
