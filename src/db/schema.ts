import type { ColumnType, Generated } from 'kysely';

/** Table types. Keep in step with src/db/migrations (one interface per table). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MunicipalityTable {
  id: Generated<string>;
  name: string;
  suppression_threshold: Generated<number>;
  created_at: Generated<Date>;
}
export interface BoardTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: 'city_board' | 'district_board' | 'specialist_board';
  code: string | null;
  created_at: Generated<Date>;
}
export interface UnitTable {
  id: Generated<string>;
  board_id: string;
  parent_id: string | null;
  name: string;
  kind: 'administration' | 'department' | 'unit';
  code: string | null;
  created_at: Generated<Date>;
}
export interface AppUserTable {
  id: Generated<string>;
  municipality_id: string;
  email: string;
  name: string;
  unit_id: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  language: Generated<string>;
  created_at: Generated<Date>;
}
export interface UserRoleTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  board_id: string | null;
}
export interface SessionTable {
  id: Generated<string>;
  token_hash: string;
  csrf_token: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}
export interface AuditLogTable {
  seq: Generated<number>;
  at: Timestamp;
  municipality_id: string | null;
  board_id: string | null;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: ColumnType<unknown, string, string>;
  prev_hash: string;
  hash: string;
}

export interface DB {
  municipality: MunicipalityTable;
  board: BoardTable;
  unit: UnitTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_log: AuditLogTable;
}
