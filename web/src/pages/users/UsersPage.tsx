import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoard, TUser } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { EmptyState, Loading, LoadError } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery<TUser[]>('/api/users');
  const boards = useQuery<TBoard[]>('/api/boards');
  const boardName = (id: string | null) => (id ? (boards.data?.find((b) => b.id === id)?.name ?? '') : t('users.wholeMunicipality'));

  return (
    <>
      <PageHeading title={t('users.title')}>{t('users.title')}</PageHeading>
      <p>
        <Link className="button" to="/admin/anvandare/ny">
          {t('users.create')}
        </Link>
      </p>
      {users.loading && <Loading />}
      {users.error && <LoadError message={users.error.message} />}
      {users.data?.length === 0 && <EmptyState>{t('users.empty')}</EmptyState>}
      {users.data && users.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('users.caption', { count: users.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link to={`/admin/anvandare/${u.id}`}>{u.name}</Link>
                  </td>
                  <td>{u.email}</td>
                  <td>
                    {u.roles.map((r) => (
                      <div key={`${r.role}-${r.boardId}`}>
                        {t(`roles.${r.role}`)} – {boardName(r.boardId)}
                      </div>
                    ))}
                  </td>
                  <td>
                    <span className={`tag ${u.active ? 'tag--ok' : 'tag--off'}`}>{u.active ? t('users.active') : t('users.inactive')}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
