import type { TBoard, TUnit } from './schema.js';

export const presentBoard = (b: { id: string; name: string; kind: TBoard['kind']; code: string | null }): TBoard => ({
  id: b.id,
  name: b.name,
  kind: b.kind,
  code: b.code,
});

export const presentUnit = (u: {
  id: string;
  board_id: string;
  parent_id: string | null;
  name: string;
  kind: TUnit['kind'];
  code: string | null;
}): TUnit => ({ id: u.id, boardId: u.board_id, parentId: u.parent_id, name: u.name, kind: u.kind, code: u.code });
