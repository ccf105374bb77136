import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/use-query';
import './demo-banner.css';

/**
 * "Demoläge" on every page while demo accounts exist (GET /api/instance, answered without login),
 * so nobody mistakes the demo for a real installation or puts real work into it. A complementary
 * landmark at the top of the page, read before the header; nothing at all on a real installation.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const { data } = useQuery<{ demo: boolean }>('/api/instance');
  // Until the answer is in, the server's word in the page itself (src/http/web-shell.ts).
  const demo = data ? data.demo : document.documentElement.hasAttribute('data-demo');
  if (!demo) return null;
  return (
    <aside className="demo-banner" aria-label={t('demo.label')}>
      <p className="demo-banner__inner">
        <strong>{t('demo.title')}</strong> {t('demo.text')}
      </p>
    </aside>
  );
}
