/**
 * Surveys (*enkäter*) to the board's units and local actors: question kinds, answer checks and
 * aggregation with small-count suppression. Pure: used by the server and the public answer page.
 */
import { checkFields } from '../personal-data/guard.js';
import { suppressCount, suppressSeries, isSuppressed, type Cell } from '../suppression.js';

export const QUESTION_KINDS = ['yes_no', 'scale', 'choice', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Who a link goes to, as groups the results are broken down by (the EÅV 2018 survey's recipients). */
export const RECIPIENT_GROUPS = [
  'preschool',
  'school',
  'leisure',
  'social_services',
  'elderly_care',
  'other_unit',
  'property_owner',
  'faith_community',
  'association',
  'other_external',
] as const;
export type RecipientGroup = (typeof RECIPIENT_GROUPS)[number];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const DEFAULT_LINK_DAYS = 30;
export const MAX_TEXT_ANSWER = 2000;

export interface SurveyQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  /** Choice questions: the options, answered by their index. */
  options: string[];
  /** Choice questions: may several options be ticked? */
  multiple: boolean;
  required: boolean;
}

export type AnswerValue = boolean | number | number[] | string;
export type Answers = Record<string, AnswerValue>;

export interface AnswerProblem {
  field: string;
  message: string;
}

export interface CheckedAnswers {
  answers: Answers;
  /** Wrong shape, unknown question or a required question left out. */
  problems: AnswerProblem[];
  /** Free-text answers holding personal data, with the guard's message. */
  personalData: AnswerProblem[];
  /** The free-text answers by field (`answers.<questionId>`), for the server's name check. */
  texts: Record<string, string>;
}

export const answerField = (questionId: string) => `answers.${questionId}`;

/** Checks one respondent's answers against the survey's questions. Empty text counts as no answer. */
export function checkAnswers(questions: readonly SurveyQuestion[], given: readonly { questionId: string; value: AnswerValue | null }[]): CheckedAnswers {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answers: Answers = {};
  const problems: AnswerProblem[] = [];
  const seen = new Set<string>();
  for (const { questionId, value } of given) {
    const field = answerField(questionId);
    const q = byId.get(questionId);
    if (!q) {
      problems.push({ field, message: 'Frågan finns inte i enkäten.' });
      continue;
    }
    if (seen.has(questionId)) {
      problems.push({ field, message: 'Frågan är besvarad två gånger.' });
      continue;
    }
    seen.add(questionId);
    if (value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)) continue;
    const problem = checkValue(q, value);
    if (problem) problems.push({ field, message: problem });
    else answers[questionId] = typeof value === 'string' ? value.trim() : Array.isArray(value) ? [...new Set(value)].sort((a, b) => a - b) : value;
  }
  for (const q of questions) {
    if (q.required && !(q.id in answers) && !problems.some((p) => p.field === answerField(q.id))) {
      problems.push({ field: answerField(q.id), message: 'Svara på frågan.' });
    }
  }
  const texts: Record<string, string> = {};
  for (const q of questions) if (q.kind === 'text' && typeof answers[q.id] === 'string') texts[answerField(q.id)] = answers[q.id] as string;
  const personalData = checkFields(texts, { subject: 'svaret' }).map((p) => ({ field: p.field, message: p.message }));
  return { answers, problems, personalData, texts };
}

function checkValue(q: SurveyQuestion, value: AnswerValue): string | null {
  switch (q.kind) {
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'Svara ja eller nej.';
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX
        ? null
        : `Välj ett värde från ${SCALE_MIN} till ${SCALE_MAX}.`;
    case 'choice': {
      const picked = typeof value === 'number' ? [value] : value;
      if (!Array.isArray(picked) || !picked.every((i) => Number.isInteger(i) && i >= 0 && i < q.options.length)) return 'Välj bland alternativen.';
      if (!q.multiple && new Set(picked).size > 1) return 'Välj ett alternativ.';
      return null;
    }
    case 'text':
      if (typeof value !== 'string') return 'Skriv svaret som text.';
      return value.length > MAX_TEXT_ANSWER ? `Svaret får vara högst ${MAX_TEXT_ANSWER} tecken.` : null;
  }
}

export interface QuestionResult {
  questionId: string;
  kind: QuestionKind;
  text: string;
  /** How many respondents answered this question. */
  answered: Cell;
  /** yes_no: [yes, no]; scale: counts of 1..5; choice: count per option. */
  counts: { label: string; count: Cell }[];
  /** scale: the mean, when it cannot reveal a hidden count; else null. */
  mean: number | null;
  /** text: the answers themselves, only inside the board that owns the survey. */
  texts: string[];
}

export interface SurveyResults {
  responses: Cell;
  byGroup: { group: RecipientGroup; count: Cell }[];
  questions: QuestionResult[];
}

export interface ResponseForAggregation {
  group: RecipientGroup;
  answers: Answers;
}

/**
 * Aggregated answers. With `suppress` (shown outside the board that owns the survey) every count
 * below the threshold is hidden, with secondary suppression where counts add up to a shown total,
 * means only when no count of their distribution is hidden, and no free-text answers at all.
 */
export function aggregateSurvey(
  questions: readonly SurveyQuestion[],
  responses: readonly ResponseForAggregation[],
  opts: { suppress: boolean; threshold: number },
): SurveyResults {
  const t = opts.threshold;
  const series = (values: number[], total: number | null) =>
    opts.suppress ? suppressSeries(values, total, t) : { values: values as Cell[], total: total as Cell | null };
  const one = (n: number): Cell => (opts.suppress ? suppressCount(n, t) : n);

  const groups = RECIPIENT_GROUPS.filter((g) => responses.some((r) => r.group === g));
  const groupSeries = series(
    groups.map((g) => responses.filter((r) => r.group === g).length),
    responses.length,
  );

  const results = questions.map((q): QuestionResult => {
    const given = responses.map((r) => r.answers[q.id]).filter((v) => v !== undefined);
    const n = given.length;
    const base = { questionId: q.id, kind: q.kind, text: q.text, mean: null, texts: [] as string[] };
    switch (q.kind) {
      case 'yes_no': {
        const s = series([given.filter((v) => v === true).length, given.filter((v) => v === false).length], n);
        return { ...base, answered: s.total!, counts: [{ label: 'yes', count: s.values[0] }, { label: 'no', count: s.values[1] }] };
      }
      case 'scale': {
        const raw = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => given.filter((v) => v === SCALE_MIN + i).length);
        const s = series(raw, n);
        const hidden = s.values.some(isSuppressed) || isSuppressed(s.total!);
        const mean = n && !hidden ? Math.round((raw.reduce((a, c, i) => a + c * (SCALE_MIN + i), 0) / n) * 10) / 10 : null;
        return { ...base, answered: s.total!, mean, counts: s.values.map((count, i) => ({ label: String(SCALE_MIN + i), count })) };
      }
      case 'choice': {
        const raw = q.options.map((_, i) => given.filter((v) => (Array.isArray(v) ? v.includes(i) : v === i)).length);
        // Single choice: the options add up to the answered count. Multiple: they do not, so
        // each count stands alone.
        if (q.multiple) return { ...base, answered: one(n), counts: raw.map((c, i) => ({ label: q.options[i], count: one(c) })) };
        const s = series(raw, n);
        return { ...base, answered: s.total!, counts: s.values.map((count, i) => ({ label: q.options[i], count })) };
      }
      case 'text':
        return { ...base, answered: one(n), counts: [], texts: opts.suppress ? [] : (given as string[]) };
    }
  });
  return {
    responses: groupSeries.total!,
    byGroup: groups.map((group, i) => ({ group, count: groupSeries.values[i] })),
    questions: results,
  };
}

export type LinkState = 'open' | 'answered' | 'expired' | 'closed';

/** Whether a recipient's link can still be used. */
export function linkState(link: { answeredAt: Date | string | null; expiresAt: Date | string }, surveyStatus: 'draft' | 'sent' | 'closed', now: Date = new Date()): LinkState {
  if (link.answeredAt) return 'answered';
  if (surveyStatus === 'closed') return 'closed';
  if (new Date(link.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** Response rate in whole per cent, or null when nothing was sent or the count is hidden. */
export function responseRate(answered: Cell, sent: number): number | null {
  if (typeof answered !== 'number' || sent === 0) return null;
  return Math.round((answered / sent) * 100);
}
