import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, TBoard } from '../../api/types';
import { SelectField } from '../../components/form';

export interface Grant {
  role: Role;
  boardId?: string | null;
}

const ROLES: Role[] = ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor', 'admin'];

/** Lists a user's roles with remove buttons, and adds a role for one board or the whole municipality. */
export function RolesEditor({ idPrefix, grants, boards, onChange }: { idPrefix: string; grants: Grant[]; boards: TBoard[]; onChange(g: Grant[]): void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('contributor');
  const [boardId, setBoardId] = useState('');
  const boardName = (id: string | null | undefined) => (id ? (boards.find((b) => b.id === id)?.name ?? id) : t('users.wholeMunicipality'));

  return (
    <fieldset className="fieldset" id={`${idPrefix}-roles`}>
      <legend>{t('users.roles')}</legend>
      {grants.length === 0 ? (
        <p className="hint">{t('users.noRoles')}</p>
      ) : (
        <ul className="role-list">
          {grants.map((g, i) => (
            <li key={`${g.role}-${g.boardId}`}>
              {t(`roles.${g.role}`)} – {boardName(g.boardId)}{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onChange(grants.filter((_, j) => j !== i))}
                aria-label={t('users.removeRole', { role: t(`roles.${g.role}`), board: boardName(g.boardId) })}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-fields">
        <SelectField id={`${idPrefix}-new-role`} label={t('users.role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${idPrefix}-new-board`} label={t('users.scope')} value={boardId} onChange={(e) => setBoardId(e.target.value)}>
          <option value="">{t('users.wholeMunicipality')}</option>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const g = { role, boardId: boardId || null };
            if (!grants.some((x) => x.role === g.role && (x.boardId ?? null) === g.boardId)) onChange([...grants, g]);
          }}
        >
          {t('users.addRole')}
        </button>
      </div>
    </fieldset>
  );
}
