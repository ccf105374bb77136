import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import './hub.css';

type TDirectoryBoard = { id: string | null; name: string; coordinators: { name: string; email: string; role: 'local_coordinator' | 'central_coordinator' }[] };

/** Every board's coordinators, for all staff: whom to ask. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const q = useApiQuery<TDirectoryBoard[]>('/api/directory');
  return (
    <>
      <p>
        <Link to="/stod-och-kunskap">{t('hub.title')}</Link>
      </p>
      <PageHeading title={t('hub.directory.title')}>{t('hub.directory.title')}</PageHeading>
      <p className="lead">{t('hub.directory.lead')}</p>
      <QueryState query={q}>
        {(boards) => (
          <dl className="summary-list">
            {boards.map((b) => (
              <div key={b.id ?? 'central'}>
                <dt>{b.id ? b.name : t('hub.directory.central')}</dt>
                <dd>
                  {b.coordinators.length === 0 ? (
                    t('hub.directory.none')
                  ) : (
                    <ul className="plain-list">
                      {b.coordinators.map((c) => (
                        <li key={c.email}>
                          {c.name}, {t(`hub.directory.roles.${c.role}`)}: <a href={`mailto:${c.email}`}>{c.email}</a>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </QueryState>
    </>
  );
}
