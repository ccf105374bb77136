import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from './feedback';

/**
 * A page whose code loads when it is first opened, so the login page's bundle stays small: the
 * form layer (react-hook-form, zod and the server's schemas) comes with the pages that use it.
 * Shows "Laddar …" inside the layout while the code arrives.
 */
export function lazyPage<M>(load: () => Promise<M>, name: keyof M): ComponentType {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}
