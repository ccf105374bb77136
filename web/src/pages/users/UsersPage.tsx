import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoard, TUser } from '../../api/types';
import { useApiQuery } from '../../api/use-query';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useApiQuery<TUser[]>('/api/users');
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const boardName = (id: string | null) => (id ? (boards.data?.find((b) => b.id === id)?.name ?? '') : t('users.wholeMunicipality'));
  const status = (u: TUser) => (u.active ? t('users.active') : t('users.inactive'));

  return (
    <>
      <PageHeading title={t('users.title')}>{t('users.title')}</PageHeading>
      <p>
        <Link className="button" to="/admin/anvandare/ny">
          {t('users.create')}
        </Link>
      </p>
      <QueryState query={users}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('users.empty')}</EmptyState>
          ) : (
            <DataTable
              caption={t('users.caption', { count: list.length })}
              rows={list}
              rowKey={(u) => u.id}
              columns={[
                { key: 'name', header: t('users.name'), rowHeader: true, sort: (u) => u.name, cell: (u) => <Link to={`/admin/anvandare/${u.id}`}>{u.name}</Link> },
                { key: 'email', header: t('users.email'), sort: (u) => u.email, cell: (u) => u.email },
                {
                  key: 'roles',
                  header: t('users.roles'),
                  cell: (u) =>
                    u.roles.map((r) => (
                      <div key={`${r.role}-${r.boardId}`}>
                        {t(`roles.${r.role}`)} – {boardName(r.boardId)}
                      </div>
                    )),
                },
                { key: 'status', header: t('users.status'), sort: status, cell: (u) => <StatusTag tone={u.active ? 'ok' : 'off'}>{status(u)}</StatusTag> },
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}
