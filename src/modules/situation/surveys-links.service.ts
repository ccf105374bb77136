import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../domain/policy/index.js';
import { DEFAULT_LINK_DAYS, RECIPIENT_GROUPS, type RecipientGroup } from '../../domain/situation/survey.js';
import { conflict, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/repo.js';
import { refusePersonalData } from './guard.js';
import { iso } from './presenters.js';
import type { TIssuedLink } from './schema.js';
import { getSurveyFor } from './surveys.service.js';
import * as repo from './surveys.repo.js';

/** Sending a survey: one link per recipient, and a new link for one who lost theirs. */

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');
export const surveyPath = (token: string) => `/enkat/${token}`;
const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);

/**
 * Makes one link per recipient. The tokens are returned here and only here (the database keeps
 * their hashes), so the coordinator copies or mails them out now.
 */
export async function sendSurvey(opts: {
  db: Database;
  actor: Actor;
  id: string;
  input: { recipients: { label: string; group: RecipientGroup; unitId?: string | null }[]; expiresInDays?: number };
}): Promise<{ links: TIssuedLink[] }> {
  return opts.db.transaction().execute(async (trx) => {
    const s = await getSurveyFor(trx, opts.actor, opts.id, 'surveys.send');
    if (s.status === 'closed') throw conflict('Enkäten är stängd. Öppna en ny enkät för att skicka fler länkar.', 'closed');
    refusePersonalData(Object.fromEntries(opts.input.recipients.map((r, i) => [`recipients.${i}.label`, r.label])), {
      subject: 'mottagarlistan',
      message: 'Ange mottagare som verksamheter eller grupper, utan personuppgifter.',
    });
    const unitIds = [...new Set(opts.input.recipients.map((r) => r.unitId).filter((u): u is string => !!u))];
    for (const unitId of unitIds) {
      const unit = await orgs.findUnit(trx, unitId);
      if (!unit || unit.board_id !== s.board_id) {
        const i = opts.input.recipients.findIndex((r) => r.unitId === unitId);
        throw unprocessable('unknown_unit', 'En enhet hör inte till nämnden.', [{ field: `recipients.${i}.unitId`, message: 'Välj en enhet i nämnden.' }]);
      }
    }
    const days = opts.input.expiresInDays ?? DEFAULT_LINK_DAYS;
    const tokens = opts.input.recipients.map(() => newToken());
    const rows = await repo.insertRecipients(
      trx,
      opts.input.recipients.map((r, i) => ({
        survey_id: s.id,
        label: r.label,
        recipient_group: r.group,
        unit_id: r.unitId ?? null,
        token_hash: hashToken(tokens[i]),
        expires_at: daysFromNow(days),
      })),
    );
    await repo.setStatus(trx, s.id, 'sent');
    await recordAudit(trx, opts.actor, {
      action: 'surveys.send',
      entity: 'survey',
      entityId: s.id,
      boardId: s.board_id,
      summary: { links: rows.length, expiresInDays: days, groups: RECIPIENT_GROUPS.filter((g) => opts.input.recipients.some((r) => r.group === g)) },
    });
    return { links: rows.map((r, i) => issuedLink(r, tokens[i])) };
  });
}

/** A new link for an unanswered recipient (lost or expired); the old one stops working. */
export async function renewLink(opts: { db: Database; actor: Actor; id: string; recipientId: string; expiresInDays?: number }): Promise<TIssuedLink> {
  return opts.db.transaction().execute(async (trx) => {
    const s = await getSurveyFor(trx, opts.actor, opts.id, 'surveys.send');
    const r = await repo.findRecipient(trx, opts.recipientId);
    if (!r || r.survey_id !== s.id) throw notFound('Mottagaren');
    if (s.status === 'closed') throw conflict('Enkäten är stängd.', 'closed');
    if (r.answered_at) throw conflict('Mottagaren har redan svarat.', 'already_answered');
    const token = newToken();
    const row = await repo.renewRecipient(trx, r.id, hashToken(token), daysFromNow(opts.expiresInDays ?? DEFAULT_LINK_DAYS));
    await recordAudit(trx, opts.actor, { action: 'surveys.renew_link', entity: 'survey', entityId: s.id, boardId: s.board_id, summary: { recipientId: r.id } });
    return issuedLink(row, token);
  });
}

/** A link just made: the token is shown this once (only its hash is kept). */
function issuedLink(row: { id: string; label: string; recipient_group: string; unit_id: string | null; expires_at: Date | string }, token: string): TIssuedLink {
  return {
    id: row.id,
    label: row.label,
    group: row.recipient_group as RecipientGroup,
    unitId: row.unit_id,
    expiresAt: iso(row.expires_at)!,
    state: 'open',
    token,
    path: surveyPath(token),
  };
}
