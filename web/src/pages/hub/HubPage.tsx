import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { useBoardsFor } from '../../components/use-boards';
import './hub.css';

/** Support and knowledge: the library, the helpline, the coordinators, news and the boards' public pages. */
export function HubPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const editable = useBoardsFor('public_info.update');
  const card = (to: string, name: string, text: string) => (
    <li className="card" key={to}>
      <Link to={to}>{name}</Link>
      <p>{text}</p>
    </li>
  );
  return (
    <>
      <PageHeading title={t('hub.title')}>{t('hub.title')}</PageHeading>
      <p className="lead">{t('hub.lead')}</p>
      <ul className="card-list">
        {card('/kunskapsbank', t('hub.cards.library'), t('hub.cards.libraryText'))}
        {can('helpline.create') || can('helpline.summary') ? card('/lotsfunktion', t('hub.cards.helpline'), t('hub.cards.helplineText')) : null}
        {card('/samordnare', t('hub.cards.directory'), t('hub.cards.directoryText'))}
        {card('/namndernas-planer', t('hub.cards.plans'), t('hub.cards.plansText'))}
        {can('news.list') ? card('/nyheter', t('hub.cards.news'), t('hub.cards.newsText')) : null}
        {card('/stod', t('hub.cards.public'), t('hub.cards.publicText'))}
      </ul>
      {editable.length > 0 && (
        <section aria-labelledby="hub-public-edit">
          <h2 id="hub-public-edit">{t('hub.publicInfo.choose')}</h2>
          <ul>
            {editable.map((b) => (
              <li key={b.id}>
                <Link to={`/offentlig-sida/${b.id}`}>
                  {t('hub.publicInfo.edit')}: {b.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
