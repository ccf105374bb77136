const MONTHS = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * A day (ÅÅÅÅ-MM-DD) as people write it: "15 maj 2026" (Swedish) or "15 May 2026", as
 * toLocaleDateString writes it in sv-SE and en-GB. Not through Intl: a page's first long-date
 * formatter loads the locale's calendar data, some 80 ms on a phone in the middle of a render.
 */
export function longDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[lang === 'en' ? 'en' : 'sv'][m - 1]} ${y}`;
}

/** The period's deadline when the server gives one (follow-up deadlines), else the day it closes. */
export function periodDue(period: { closesOn: string | null } & Record<string, unknown>): { date: string | null; isDeadline: boolean } {
  const deadline = typeof period.deadline === 'string' ? period.deadline : null;
  return deadline ? { date: deadline, isDeadline: true } : { date: period.closesOn, isDeadline: false };
}

/** A follow-up period's id ("2026-T2") in words. */
export function periodWords(period: string, lang: string): string {
  const [year, kind] = period.split('-');
  if (kind === 'VB') return lang === 'en' ? `annual report ${year}` : `verksamhetsberättelsen ${year}`;
  return lang === 'en' ? `tertial ${kind.slice(1)} ${year}` : `tertial ${kind.slice(1)} ${year}`;
}
