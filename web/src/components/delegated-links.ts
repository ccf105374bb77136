import { useCallback, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/**
 * One click handler for the plain `<a href="/…">` links inside an element, for a table of many
 * links where a `<Link>` per cell (each with its own hooks) costs more than the table itself.
 * A plain left click navigates in the app as `<Link>` does; a click with a modifier key (new tab,
 * new window, download), a middle click or a link with a target is left to the browser.
 *
 *   const onLinkClick = useDelegatedLinks();
 *   <section onClick={onLinkClick}>… <a href={`/planer/${id}`}>…</a> …</section>
 */
export function useDelegatedLinks(): (event: MouseEvent<HTMLElement>) => void {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const a = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!a || !event.currentTarget.contains(a) || a.hasAttribute('download') || (a.getAttribute('target') ?? '_self') !== '_self') return;
      const href = a.getAttribute('href')!;
      if (!href.startsWith('/') || href.startsWith('//')) return;
      event.preventDefault();
      // As <Link>: a link to the page already shown replaces it in the history instead of adding it again.
      const here = window.location.pathname + window.location.search + window.location.hash;
      navigate(href, { replace: href === here });
    },
    [navigate],
  );
}
