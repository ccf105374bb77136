import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TPublicBoard } from '@shared/modules/hub/schema';
import { useApiQuery } from '../../api/use-query';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { formatDay } from '../../format/dates';
import { EmergencyNumbers, PublicFrame } from './PublicFrame';

/** A board's "where to turn" page without login: its text, function contacts and decided plans as PDF. */
export function PublicBoardPage() {
  const { boardId } = useParams();
  const q = useApiQuery<TPublicBoard>(`/api/public/boards/${boardId}`);
  return (
    <PublicFrame municipality={q.data?.municipality}>
      <QueryState query={q}>{(b) => <PublicBoard board={b} />}</QueryState>
    </PublicFrame>
  );
}

function PublicBoard({ board: b }: { board: TPublicBoard }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/stod">{t('hub.public.back')}</Link>
      </p>
      <PageHeading title={b.name}>{b.name}</PageHeading>
      <EmergencyNumbers numbers={b.alwaysShown} />
      {b.text ? <p className="hub-text">{b.text}</p> : <p>{t('hub.public.noText')}</p>}
      {b.contacts.length > 0 && (
        <section aria-labelledby="hub-contacts">
          <h2 id="hub-contacts">{t('hub.public.contactsHeading')}</h2>
          <ul className="plain-list">
            {b.contacts.map((c) => (
              <li key={c.label + (c.email ?? '') + (c.phone ?? '')} className="hub-contact">
                <strong>{c.label}</strong>
                {c.email && (
                  <>
                    <br />
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </>
                )}
                {c.phone && (
                  <>
                    <br />
                    <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="hub-plans">
        <h2 id="hub-plans">{t('hub.public.plansHeading')}</h2>
        <p>{t('hub.public.plansLead')}</p>
        {b.plans.length === 0 ? (
          <p>{t('hub.public.noPlans')}</p>
        ) : (
          <ul>
            {b.plans.map((p) => (
              <li key={p.id}>
                <a href={p.url}>{t('hub.public.plan', { year: p.year })}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {b.updatedAt && <p className="hub-meta">{t('hub.public.updated', { date: formatDay(b.updatedAt) })}</p>}
    </>
  );
}
