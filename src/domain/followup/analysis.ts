/**
 * The board's consolidated analysis (samlad analys) per period, under guided headings: what was
 * done per measure area, the effects seen, training coverage, the situation picture,
 * collaboration and what changes next year. Pure.
 */

export const ANALYSIS_HEADINGS = ['general', 'targeted', 'individual', 'effects', 'training', 'situation', 'collaboration', 'next_year'] as const;
export type AnalysisHeading = (typeof ANALYSIS_HEADINGS)[number];

export const ANALYSIS_HEADING_LABELS_SV: Readonly<Record<AnalysisHeading, string>> = {
  general: 'Allmänna insatser – vad har genomförts',
  targeted: 'Riktade insatser – vad har genomförts',
  individual: 'Individinsatser – vad har genomförts',
  effects: 'Effekter som har märkts',
  training: 'Kompetenshöjning och utbildningstäckning',
  situation: 'Lokal lägesbild',
  collaboration: 'Samverkan',
  next_year: 'Vad ändras till nästa år',
};

export const MAX_ANALYSIS_TEXT = 10_000;

export type AnalysisSections = Partial<Record<AnalysisHeading, string>>;

/** Headings left empty: a period can only be marked reported when every heading has a text. */
export function missingHeadings(sections: AnalysisSections): AnalysisHeading[] {
  return ANALYSIS_HEADINGS.filter((h) => !(sections[h] ?? '').trim());
}

/** The stored shape: every heading present, trimmed, empty ones as "". */
export function normaliseSections(sections: AnalysisSections): Record<AnalysisHeading, string> {
  return Object.fromEntries(ANALYSIS_HEADINGS.map((h) => [h, (sections[h] ?? '').trim()])) as Record<AnalysisHeading, string>;
}
