import { useEffect, useRef, type ReactNode } from 'react';

// On the first page of a visit the browser's own focus order applies (skip link first); only
// client-side navigations move focus to the new page's heading.
let initialPage = true;

/**
 * The page's h1. It takes focus when the page opens so screen-reader users hear where they are
 * after a client-side navigation, and it sets the document title (WCAG 2.4.2).
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Värna`;
    if (initialPage) initialPage = false;
    else ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
