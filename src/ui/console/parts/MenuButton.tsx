import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  disabled?: boolean;
  /** A submenu (one level), as "Actions › Security › Modify IAM role". */
  items?: MenuItem[];
  onSelect?: () => void;
}

interface MenuButtonProps {
  label: string;
  items: readonly MenuItem[];
  disabled?: boolean;
  testId: string;
  className?: string;
}

/**
 * A menu button with the WAI-ARIA menu keys: ↓/Enter/Space open on the first item, ↑ on the last;
 * ↓/↑/Home/End move; → or Enter opens a submenu, ← or Esc closes it; Esc closes the menu and
 * returns to the button; Tab closes it and moves on. Disabled items stay visible but are skipped.
 */
export function MenuButton({ label, items, disabled = false, testId, className = 'button' }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [sub, setSub] = useState<string | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current?.contains(e.target as Node)) return;
      setOpen(false);
      setSub(undefined);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (focusButton: boolean) => {
    setOpen(false);
    setSub(undefined);
    if (focusButton) button.current?.focus();
  };

  const itemsIn = (menu: Element | null | undefined) =>
    [...(menu?.querySelectorAll<HTMLButtonElement>(':scope > li > [role="menuitem"]:not([aria-disabled="true"])') ?? [])];

  const focusIn = (menu: Element | null | undefined, which: 'first' | 'last' | 1 | -1) => {
    const all = itemsIn(menu);
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const index = which === 'first' ? 0 : which === 'last' ? all.length - 1 : (at + which + all.length) % all.length;
    all[index]?.focus();
  };

  const menuOf = (id: string) => root.current?.querySelector(`[data-menu="${CSS.escape(id)}"]`);

  const openMenu = (which: 'first' | 'last') => {
    setOpen(true);
    requestAnimationFrame(() => focusIn(menuOf(menuId), which));
  };

  const openSub = (id: string) => {
    setSub(id);
    requestAnimationFrame(() => focusIn(menuOf(`${menuId}-${id}`), 'first'));
  };

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    if (item.items) {
      openSub(item.id);
      return;
    }
    close(true);
    item.onSelect?.();
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openMenu('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu('last');
    }
  };

  const onMenuKey = (e: KeyboardEvent, parent?: string) => {
    const menu = e.currentTarget;
    const moves: Record<string, 'first' | 'last' | 1 | -1> = { ArrowDown: 1, ArrowUp: -1, Home: 'first', End: 'last' };
    const move = moves[e.key];
    if (move !== undefined) {
      e.preventDefault();
      e.stopPropagation();
      focusIn(menu, move);
    } else if (e.key === 'Escape' || (e.key === 'ArrowLeft' && parent)) {
      e.preventDefault();
      e.stopPropagation();
      if (parent) {
        setSub(undefined);
        root.current?.querySelector<HTMLButtonElement>(`[data-item="${CSS.escape(parent)}"]`)?.focus();
      } else {
        close(true);
      }
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  const renderItems = (list: readonly MenuItem[], id: string, name: string, parent?: string) => (
    <ul role="menu" id={id} data-menu={id} className={parent ? 'c-menu c-submenu' : 'c-menu'} aria-label={name} onKeyDown={(e) => onMenuKey(e, parent)}>
      {list.map((item) => (
        <li key={item.id} role="none" className="c-menu-entry">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            data-item={item.id}
            aria-disabled={item.disabled ? true : undefined}
            aria-haspopup={item.items ? 'menu' : undefined}
            aria-expanded={item.items ? sub === item.id : undefined}
            onClick={() => choose(item)}
            onKeyDown={(e) => {
              if (item.items && e.key === 'ArrowRight') {
                e.preventDefault();
                e.stopPropagation();
                openSub(item.id);
              }
            }}
            data-testid={`${testId}.${item.id}`}
          >
            <span>{item.label}</span>
            {item.items && <span aria-hidden="true" className="c-menu-more">▸</span>}
          </button>
          {item.items && sub === item.id && renderItems(item.items, `${menuId}-${item.id}`, item.label, item.id)}
        </li>
      ))}
    </ul>
  );

  return (
    <div className="c-menu-root" ref={root}>
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKey}
        data-testid={testId}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && renderItems(items, menuId, label)}
    </div>
  );
}
