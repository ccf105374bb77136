import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TNews } from '@shared/modules/hub/schema';
import { useApiQuery } from '../../api/use-query';
import { formatDay } from '../../format/dates';
import './hub.css';

/**
 * The three newest news items on a coordinator's start page. A file apart from the news page
 * (NewsPage.tsx), so the start page loads none of the news form's code (zod and the schemas).
 */
export function NewsPanel() {
  const { t } = useTranslation();
  const news = useApiQuery<TNews[]>('/api/news');
  const latest = (news.data ?? []).slice(0, 3);
  if (!latest.length) return null;
  return (
    <section className="panel hub-news" aria-labelledby="news-panel">
      <h2 id="news-panel">{t('hub.news.panel')}</h2>
      {latest.map((n) => (
        <article key={n.id}>
          <h3>{n.title}</h3>
          <p className="hub-meta">{formatDay(n.publishedOn)}</p>
          <p className="hub-text">{n.body.length > 300 ? `${n.body.slice(0, 300)} …` : n.body}</p>
        </article>
      ))}
      <p>
        <Link to="/nyheter">{t('hub.news.all')}</Link>
      </p>
    </section>
  );
}
