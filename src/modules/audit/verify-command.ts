import type { Database } from '../../db/database.js';
import { verifyAudit, type AuditVerdict } from './service.js';

/** What `npm run varna -- audit verify` prints for a verdict (English, like the rest of the CLI). */
export function describeVerdict(v: AuditVerdict, anchor: string | undefined): string[] {
  if (v.ok) {
    const lines = [`Audit log intact: ${v.checked} entries verified, numbered 1 to ${v.checked} without gaps.`];
    if (v.anchoredTo === null) {
      lines.push('No anchor configured (VARNA_AUDIT_ANCHOR): that the end of the log has not been cut off cannot be shown.');
    } else {
      lines.push(`The log reaches the head recorded in the anchor ${anchor} (entry ${v.anchoredTo}) with the same hashes.`);
    }
    return lines;
  }
  switch (v.reason) {
    case 'anchor_missing':
      return [
        `Audit log cannot be vouched for: the anchor ${anchor} is missing or holds no head while the log has entries.`,
        'Restore the anchor file. If VARNA_AUDIT_ANCHOR was only just configured, start Värna once so it records the head.',
      ];
    case 'anchor_unreadable':
      return [`Audit log cannot be vouched for: line ${v.anchorLine} of the anchor ${anchor} is not a head ("seq hash"); the anchor is damaged.`];
    case 'gap':
      return [`Audit log BROKEN at entry ${v.brokenAt} (gap): the entry is missing, the sequence jumps past it; ${v.checked} entries before it are intact.`];
    case 'truncated':
      return [
        `Audit log BROKEN at entry ${v.brokenAt} (truncated): the log ends at entry ${v.checked}, but the anchor ${anchor} recorded entries up to ${v.anchoredTo}; the end of the log was cut off.`,
      ];
    case 'anchor_mismatch':
      return [
        `Audit log BROKEN at entry ${v.brokenAt} (anchor_mismatch): the anchor ${anchor} recorded another hash for this entry, so the log was rewritten up to here; ${v.checked} entries before it agree.`,
      ];
    default:
      return [`Audit log BROKEN at entry ${v.brokenAt} (${v.reason}); ${v.checked} entries before it are intact.`];
  }
}

/** `audit verify`: prints the verdict and returns the exit code (0 intact, 1 anything else). */
export async function auditVerifyCommand(opts: { db: Database; anchor: string | undefined; print?: (line: string) => void }): Promise<number> {
  const verdict = await verifyAudit({ db: opts.db, anchor: opts.anchor });
  for (const line of describeVerdict(verdict, opts.anchor)) (opts.print ?? console.log)(line);
  return verdict.ok ? 0 : 1;
}
