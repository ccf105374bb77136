import { lazy, Suspense, type ComponentType } from 'react';
import { useLocation } from 'react-router';
import { Loading } from './feedback';
import { loadTexts } from '../i18n';
import { PageErrorBoundary } from '../pages/NotFoundPage';

/**
 * A page whose code loads when it is first opened, so the login page's bundle stays small: the
 * form layer (react-hook-form, zod and the server's schemas) comes with the pages that use it.
 * The page's code and the texts of the pages (i18n/index.ts) load together. Shows "Laddar …"
 * inside the layout while they arrive.
 */
export function lazyPage<M>(load: () => Promise<M>, name: keyof M): ComponentType {
  const Page = lazy(async () => {
    const [page] = await Promise.all([load(), loadTexts()]);
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
