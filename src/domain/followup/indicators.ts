/**
 * Indicator values reported with a follow-up, and how a value compares with the plan's target.
 * Output indicators count what was done (genomförda aktiviteter); effect indicators measure what
 * changed. Pure.
 */

export interface ActivityIndicator {
  kind: 'output' | 'effect';
  name: string;
  baseline?: string | number | null;
  target?: string | number | null;
}

export type IndicatorValue = number | string;

export interface IndicatorValueInput {
  name: string;
  value: IndicatorValue | null;
}

export const MAX_INDICATOR_TEXT = 200;
export const MAX_INDICATOR_ABS = 1e12;

/** "12,5", "1 200", "80 %" and 12.5 → numbers; anything else → null. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.replace(/[\s\u00a0]/g, '').replace(/%$/, '').replace(',', '.');
  if (!/^[-+−]?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s.replace('−', '-'));
  return Number.isFinite(n) ? n : null;
}

export interface IndicatorProblem {
  field: string;
  message: string;
}

/**
 * Checks the values against the activity's indicators: each names an indicator of the activity
 * once; an indicator with a numeric target or baseline takes a number; text is short.
 * `field` is `indicatorValues.<i>.name|value` as the API reports it.
 */
export function checkIndicatorValues(indicators: readonly ActivityIndicator[], values: readonly IndicatorValueInput[]): IndicatorProblem[] {
  const problems: IndicatorProblem[] = [];
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const name = v.name.trim();
    const indicator = indicators.find((x) => x.name.trim() === name);
    if (!indicator) {
      problems.push({ field: `indicatorValues.${i}.name`, message: `Insatsen har ingen indikator som heter ”${name}”.` });
      return;
    }
    if (seen.has(name)) {
      problems.push({ field: `indicatorValues.${i}.name`, message: `Indikatorn ”${name}” finns två gånger.` });
      return;
    }
    seen.add(name);
    if (v.value === null) return;
    const numericIndicator = toNumber(indicator.target) !== null || toNumber(indicator.baseline) !== null;
    if (typeof v.value === 'number') {
      if (!Number.isFinite(v.value) || Math.abs(v.value) > MAX_INDICATOR_ABS) {
        problems.push({ field: `indicatorValues.${i}.value`, message: `Värdet för ”${name}” är inte ett rimligt tal.` });
      }
      return;
    }
    const text = v.value.trim();
    if (text.length > MAX_INDICATOR_TEXT) {
      problems.push({ field: `indicatorValues.${i}.value`, message: `Värdet för ”${name}” får vara högst ${MAX_INDICATOR_TEXT} tecken.` });
    } else if (numericIndicator && toNumber(text) === null) {
      problems.push({ field: `indicatorValues.${i}.value`, message: `Ange ett tal för ”${name}”, till exempel 12 eller 12,5.` });
    }
  });
  return problems;
}

/** Values as stored: numbers where the text is a number, trimmed text otherwise, nulls dropped. */
export function normaliseIndicatorValues(values: readonly IndicatorValueInput[]): { name: string; value: IndicatorValue }[] {
  return values
    .filter((v): v is { name: string; value: IndicatorValue } => v.value !== null && String(v.value).trim() !== '')
    .map((v) => ({ name: v.name.trim(), value: toNumber(v.value) ?? String(v.value).trim() }));
}

export const INDICATOR_RESULTS = ['achieved', 'not_achieved', 'no_value', 'not_comparable'] as const;
export type IndicatorResult = (typeof INDICATOR_RESULTS)[number];

export const INDICATOR_RESULT_LABELS_SV: Readonly<Record<IndicatorResult, string>> = {
  achieved: 'Målet nått',
  not_achieved: 'Målet inte nått',
  no_value: 'Inget värde rapporterat',
  not_comparable: 'Kan inte jämföras',
};

/**
 * Compares a reported value with the target. A numeric target is reached when the value is at
 * least the target, or at most the target when the target is below the baseline (a decrease is
 * the goal, e.g. fewer incidents). Text targets are reached by the same text ("Ja" = "ja").
 */
export function indicatorResult(indicator: ActivityIndicator, value: IndicatorValue | null | undefined): IndicatorResult {
  if (value === null || value === undefined || String(value).trim() === '') return 'no_value';
  const target = toNumber(indicator.target);
  const v = toNumber(value);
  if (target !== null && v !== null) {
    const baseline = toNumber(indicator.baseline);
    const decrease = baseline !== null && target < baseline;
    return (decrease ? v <= target : v >= target) ? 'achieved' : 'not_achieved';
  }
  if (typeof indicator.target === 'string' && indicator.target.trim() && typeof value === 'string') {
    return indicator.target.trim().toLowerCase() === value.trim().toLowerCase() ? 'achieved' : 'not_achieved';
  }
  return 'not_comparable';
}

/**
 * An indicator that asks for training coverage, a share of staff who have taken a training
 * ("Andel medarbetare som genomfört grundutbildningen (%)"): Värna knows that figure from the
 * training capability, so the report form fills it in.
 */
export function isTrainingCoverage(indicator: Pick<ActivityIndicator, 'name' | 'target' | 'baseline'>): boolean {
  const name = indicator.name.toLowerCase();
  const share = /andel|procent|%|täckning/.test(name) || [indicator.target, indicator.baseline].some((v) => typeof v === 'string' && v.includes('%'));
  return share && /utbild/.test(name);
}
