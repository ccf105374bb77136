import { useEffect } from 'react';

/**
 * Wide tables sit in `.table-wrap` boxes that scroll sideways on narrow screens. A box that
 * actually overflows must be reachable by keyboard to be scrolled (WCAG 2.1.1), so it becomes a
 * focusable region named by its table's caption; a box that fits gets no extra tab stop. One
 * observer for the whole page keeps this true as tables load, grow or the window resizes.
 */
export function useScrollableRegions(root: () => HTMLElement | null): void {
  useEffect(() => {
    const el = root();
    if (!el) return;
    const sizes = new ResizeObserver((entries) => {
      for (const entry of entries) update(entry.target.closest('.table-wrap'));
    });
    const watched = new WeakSet<Element>();
    // Only starts watching new boxes and tables. The resize observer reports each one once it has
    // a size (and again on every change), after layout: measuring here, on every change of the
    // page's DOM, forced a layout per rendered batch (issue 11: the start page's blocking time).
    const scan = () => {
      for (const box of el.querySelectorAll<HTMLElement>('.table-wrap')) {
        for (const target of [box, box.firstElementChild]) {
          if (target && !watched.has(target)) {
            watched.add(target);
            sizes.observe(target);
          }
        }
      }
    };
    const mutations = new MutationObserver(scan);
    mutations.observe(el, { childList: true, subtree: true });
    scan();
    return () => {
      mutations.disconnect();
      sizes.disconnect();
    };
  }, [root]);
}

function update(box: Element | null): void {
  if (!(box instanceof HTMLElement)) return;
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  if (scrolls && box.tabIndex !== 0) {
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    if (!box.hasAttribute('aria-label') && !box.hasAttribute('aria-labelledby')) {
      box.setAttribute('aria-label', box.dataset.label || box.querySelector('caption')?.textContent?.trim() || 'Tabell');
    }
  } else if (!scrolls && box.hasAttribute('tabindex') && box.dataset.keepFocusable === undefined) {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
  }
}
