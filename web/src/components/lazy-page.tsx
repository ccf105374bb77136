import { lazy, Suspense, type ComponentType } from 'react';
import { useLocation } from 'react-router';
import { Loading } from './feedback';
import { loadTexts } from '../i18n';
import { PageErrorBoundary } from '../pages/NotFoundPage';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Resolves once the frame being drawn is painted (or after 100 ms, as in a background tab, which
 * draws no frames). Asking for a page's code adds a modulepreload link per module it needs, a task
 * of its own on a phone: the layout and the loading line paint first.
 */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });

/**
 * A page whose code loads when it is first opened, so the login page's bundle stays small: the
 * form layer (react-hook-form, zod and the server's schemas) comes with the pages that use it.
 * The page's code and the texts of the pages (i18n/index.ts) load together. Shows "Laddar …"
 * inside the layout while they arrive. `texts` loads fewer texts for a page that needs only its own
 * (i18n's loadOwnTexts).
 */
export function lazyPage<M>(load: () => Promise<M>, name: keyof M, texts: () => Promise<void> = loadTexts): ComponentType {
  const Page = lazy(async () => {
    await afterPaint();
    const [page] = await Promise.all([load(), texts()]);
    // The page's modules have just run (a form's schemas take a while on a phone): it renders in a task of its own.
    await nextTask();
    return { default: page[name] as ComponentType };
  });
  return function LazyPage() {
    // A page that fails (or whose code cannot be fetched) shows the error page; a new address tries afresh.
    const { pathname } = useLocation();
    return (
      <PageErrorBoundary resetKey={pathname}>
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </PageErrorBoundary>
    );
  };
}
