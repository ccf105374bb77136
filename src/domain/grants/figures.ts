/**
 * A board's grant and premises vetting in a year (modules/grants/figures.ts counts it), as the
 * reports show it. Pure.
 */
export interface GrantActivity {
  applications: number;
  approved: number;
  rejected: number;
}

/** Did the board handle any application in the year? The reports list only the boards that did. */
export const hasGrantActivity = (g: GrantActivity | null | undefined): boolean => !!g && (g.applications > 0 || g.approved > 0 || g.rejected > 0);
