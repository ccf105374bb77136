import type { ConcernType, Environment, NoteSource, Relevance } from '../../domain/situation/categories.js';
import type { TConcern, TConcernListItem, TConcernReceipt, TSituationNote } from './schema.js';

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

interface ConcernRow {
  id: string;
  board_id: string;
  occurred_on: string;
  type: string;
  environment: string;
  status: string;
  created_at: Date | string;
}

export const presentReceipt = (c: ConcernRow): TConcernReceipt => ({
  id: c.id,
  boardId: c.board_id,
  occurredOn: c.occurred_on,
  type: c.type as ConcernType,
  environment: c.environment as Environment,
  status: c.status as 'open' | 'closed',
  createdAt: iso(c.created_at)!,
});

export const presentListItem = (
  c: ConcernRow & {
    board_name: string;
    unit_name: string | null;
    relevance: string | null;
    forwarded_to_social_services: boolean;
    forwarded_to_police: boolean;
    first_read_at: Date | string | null;
  },
): TConcernListItem => ({
  ...presentReceipt(c),
  boardName: c.board_name,
  reportingUnitName: c.unit_name,
  relevance: c.relevance as Relevance | null,
  forwardedToSocialServices: c.forwarded_to_social_services,
  forwardedToPolice: c.forwarded_to_police,
  // Closed reports are handled: only open ones wait in an inbox.
  unread: c.status === 'open' && !c.first_read_at,
});

export const presentConcern = (
  c: ConcernRow & {
    board_name: string;
    unit_name: string | null;
    relevance: string | null;
    forwarded_to_social_services: boolean;
    forwarded_to_police: boolean;
    area: string | null;
    reporting_unit_id: string | null;
    description: string;
    action_taken: string | null;
    classified_at: Date | string | null;
    closed_at: Date | string | null;
  },
  notes: { id: string; body: string; author_name: string | null; created_at: Date | string }[],
  unread: boolean,
): TConcern => ({
  ...presentListItem({ ...c, first_read_at: unread ? null : new Date() }),
  area: c.area,
  reportingUnitId: c.reporting_unit_id,
  description: c.description,
  actionTaken: c.action_taken,
  classifiedAt: iso(c.classified_at),
  closedAt: iso(c.closed_at),
  notes: notes.map((n) => ({ id: n.id, body: n.body, authorName: n.author_name, createdAt: iso(n.created_at)! })),
});

export const presentSituationNote = (n: {
  id: string;
  board_id: string;
  noted_on: string;
  source: string;
  body: string;
  author_name: string | null;
  created_at: Date | string;
}): TSituationNote => ({
  id: n.id,
  boardId: n.board_id,
  notedOn: n.noted_on,
  source: n.source as NoteSource,
  body: n.body,
  authorName: n.author_name,
  createdAt: iso(n.created_at)!,
});
