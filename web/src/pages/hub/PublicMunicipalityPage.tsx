import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ALWAYS_SHOWN_CONTACTS } from '@shared/domain/hub/public-info';
import { useApiQuery } from '../../api/use-query';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { EmergencyNumbers, PublicFrame } from './PublicFrame';

type TInstance = { municipality: { id: string; name: string } | null };
type TPublicMunicipality = { municipality: string; boards: { id: string; name: string; hasInfo: boolean }[] };

/** "Worried about someone?" without login: the emergency numbers and the municipality's districts and boards. */
export function PublicMunicipalityPage() {
  const { t } = useTranslation();
  const instance = useApiQuery<TInstance>('/api/instance');
  const id = instance.data?.municipality?.id;
  const list = useApiQuery<TPublicMunicipality>(id ? `/api/public/municipalities/${id}/boards` : null);
  const name = instance.data?.municipality?.name ?? '';
  return (
    <PublicFrame municipality={name}>
      <PageHeading title={t('hub.public.title')}>{t('hub.public.title')}</PageHeading>
      <p className="lead">{t('hub.public.lead', { municipality: name })}</p>
      <EmergencyNumbers numbers={[...ALWAYS_SHOWN_CONTACTS]} />
      <QueryState query={instance}>{() => null}</QueryState>
      {id && (
      <QueryState query={list}>
        {(data) => (
          <section aria-labelledby="hub-boards">
            <h2 id="hub-boards">{t('hub.public.boardsHeading')}</h2>
            <ul>
              {data.boards.map((b) => (
                <li key={b.id}>
                  <Link to={`/stod/${b.id}`}>{b.name}</Link>
                  {!b.hasInfo && <span className="hub-meta"> {t('hub.public.noInfo')}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </QueryState>
      )}
    </PublicFrame>
  );
}
