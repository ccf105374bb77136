import type { TFunction } from 'i18next';

/** GET /api/audit/verify's answer (src/modules/audit/routes.ts). */
export interface Verdict {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  reason?: 'prev_hash_mismatch' | 'hash_mismatch' | 'gap' | 'anchor_mismatch' | 'truncated' | 'anchor_missing' | 'anchor_unreadable';
  anchoredTo?: number | null;
}

/** What the check found, in words: what is wrong and where, or how far the log could be vouched for. */
export function verdictText(v: Verdict, t: TFunction): string {
  if (v.ok) {
    const end = v.anchoredTo ? t('audit.intactAnchored', { seq: v.anchoredTo }) : t('audit.noAnchor');
    return `${t('audit.intact', { count: v.checked })} ${end}`;
  }
  switch (v.reason) {
    case 'gap':
      return t('audit.gap', { seq: v.brokenAt });
    case 'truncated':
      return t('audit.truncated', { seq: v.brokenAt });
    case 'anchor_mismatch':
      return t('audit.anchorMismatch', { seq: v.brokenAt });
    case 'anchor_missing':
    case 'anchor_unreadable':
      return t('audit.anchorMissing');
    default:
      return t('audit.broken', { seq: v.brokenAt });
  }
}
