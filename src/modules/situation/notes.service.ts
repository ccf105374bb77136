import type { Database } from '../../db/database.js';
import { can, type Actor } from '../../domain/policy/index.js';
import { isIsoDate, todayInSweden } from '../../domain/situation/categories.js';
import { forbidden, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { boardInMunicipality, requireBoard } from './access.js';
import { confirmationSummary, guardFreeText } from './guard.js';
import * as repo from './notes.repo.js';
import { presentSituationNote } from './presenters.js';

/** Police input and other sources: dated notes on the board's situation picture. */
export async function listNotes(opts: { db: Database; actor: Actor; boardId: string; year?: number }) {
  await requireBoard(opts.db, opts.actor, 'situation_notes.list', opts.boardId);
  return (await repo.listNotes(opts.db, opts.boardId, opts.year)).map(presentSituationNote);
}

export async function createNote(opts: {
  db: Database;
  actor: Actor;
  boardId: string;
  input: { notedOn: string; source: string; body: string; confirmNoPersonalData?: boolean };
}) {
  const board = await boardInMunicipality(opts.db, opts.actor, opts.boardId);
  if (!can(opts.actor, 'situation_notes.create', { boardId: board.id })) throw forbidden();
  const guarded = await guardFreeText({ body: opts.input.body }, { subject: 'anteckningen', confirmNoPersonalData: opts.input.confirmNoPersonalData });
  const { notedOn } = opts.input;
  const problem = !isIsoDate(notedOn) ? 'Ange ett datum som finns, som ÅÅÅÅ-MM-DD.' : notedOn > todayInSweden() ? 'Datumet kan inte vara i framtiden.' : null;
  if (problem) throw unprocessable('invalid_date', problem, [{ field: 'notedOn', message: problem }]);
  return opts.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertNote(trx, { board_id: board.id, noted_on: notedOn, source: opts.input.source, body: opts.input.body, created_by: opts.actor.userId });
    await recordAudit(trx, opts.actor, { action: 'situation_notes.create', entity: 'situation_note', entityId: id, boardId: board.id, summary: { notedOn, source: opts.input.source, ...confirmationSummary(guarded) } });
    const [row] = (await repo.listNotes(trx, board.id)).filter((n) => n.id === id);
    return presentSituationNote(row);
  });
}

export async function deleteNote(opts: { db: Database; actor: Actor; id: string }) {
  await opts.db.transaction().execute(async (trx) => {
    const note = await repo.findNote(trx, opts.id);
    if (!note) throw notFound('Anteckningen');
    await boardInMunicipality(trx, opts.actor, note.board_id);
    if (!can(opts.actor, 'situation_notes.delete', { boardId: note.board_id })) throw forbidden();
    await repo.deleteNote(trx, note.id);
    await recordAudit(trx, opts.actor, {
      action: 'situation_notes.delete',
      entity: 'situation_note',
      entityId: note.id,
      boardId: note.board_id,
      summary: { notedOn: note.noted_on, source: note.source },
    });
  });
}
