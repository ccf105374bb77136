import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NavItem } from '../nav';

/**
 * The user's own pages (account, log, help) behind their name: a disclosure button that opens a
 * list of links, closed by Escape (focus back on the button), a click elsewhere or choosing a page.
 */
export function UserMenu({ name, items }: { name: string; items: NavItem[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent | FocusEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };
  if (!items.length) return <span className="site-header__user">{name}</span>;
  return (
    <div className="user-menu" ref={box} onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="user-menu__button" aria-expanded={open} aria-controls="user-menu-list" onClick={() => setOpen((o) => !o)}>
        {name}
        <span className="visually-hidden"> – {t('layout.userMenu')}</span> <span aria-hidden="true">▾</span>
      </button>
      <ul id="user-menu-list" className="user-menu__list" hidden={!open}>
        {items.map((n) => (
          <li key={n.path}>
            <NavLink to={n.path}>{t(n.labelKey)}</NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
