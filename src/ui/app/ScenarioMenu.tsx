import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appMessage } from '../store/messages';
import { ConfirmDialog, Dialog } from './Dialog';
import { downloadText, exportFileName } from './download';
import { useLab, useLabActions } from './LabContext';
import { shareUrl } from '../store/share';
import { exhaustive } from '../lib/exhaustive';
import { useUndoShortcut } from './undoShortcut';

type ItemId = 'undo' | 'reset' | 'export' | 'import' | 'share';

/**
 * Scenario ▾: undo, reset (asks first), export (a .json download), import (a file picker) and
 * share (copies a link that carries the lab). A menu button with the WAI-ARIA menu keys.
 */
export function ScenarioMenu() {
  const { t } = useTranslation();
  const canUndo = useLab((s) => s.published?.canUndo ?? false);
  const ready = useLab((s) => s.status.phase === 'ready');
  const { undo, reset, exportScenario, importScenario, shareFragment, notify } = useLabActions();
  const [open, setOpen] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [manualLink, setManualLink] = useState<string | undefined>(undefined);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const menuId = useId();

  useUndoShortcut(undo, ready);

  const items: { id: ItemId; label: string; disabled?: boolean; shortcut?: { keys: string; shown: string } }[] = [
    { id: 'undo', label: t('scenario.undo'), disabled: !canUndo, shortcut: { keys: 'Control+Z Meta+Z', shown: t('scenario.undoShortcut') } },
    { id: 'reset', label: t('scenario.reset') },
    { id: 'export', label: t('scenario.export') },
    { id: 'import', label: t('scenario.import') },
    { id: 'share', label: t('scenario.share') },
  ];

  const copyShareLink = async () => {
    const result = await shareFragment();
    if (!result.ok) {
      notify('error', appMessage('scenario.shareFailed', { problem: { source: 'lab', message: result.problem } }));
      return;
    }
    const link = shareUrl(location, result.fragment);
    try {
      await navigator.clipboard.writeText(link);
      notify('info', appMessage('scenario.shareCopied'));
    } catch {
      setManualLink(link);
    }
  };

  const run = async (id: ItemId) => {
    switch (id) {
      case 'undo':
        return undo();
      case 'reset':
        return setConfirmReset(true);
      case 'export': {
        const file = exportFileName(new Date());
        downloadText(file, await exportScenario());
        return notify('info', appMessage('scenario.exported', { file }));
      }
      case 'import':
        return fileInput.current?.click();
      case 'share':
        return copyShareLink();
      default:
        return exhaustive(id);
    }
  };

  const menuItems = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
  const focusItem = (which: 'first' | 'last' | 1 | -1) => {
    const all = menuItems();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const index = which === 'first' ? 0 : which === 'last' ? all.length - 1 : (at + which + all.length) % all.length;
    all[index]?.focus();
  };

  const openMenu = (focus: 'first' | 'last') => {
    setOpen(true);
    requestAnimationFrame(() => focusItem(focus));
  };
  const closeMenu = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  // A click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onMenuKey = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusItem(1),
      ArrowUp: () => focusItem(-1),
      Home: () => focusItem('first'),
      End: () => focusItem('last'),
      Escape: () => closeMenu(true),
      Tab: () => setOpen(false),
    };
    const action = keys[e.key];
    if (!action) return;
    if (e.key !== 'Tab') e.preventDefault();
    action();
  };

  const choose = (id: ItemId, disabled = false) => {
    if (disabled) return;
    closeMenu(true);
    void run(id);
  };

  return (
    <div className="menu">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={!ready}
        onClick={() => (open ? closeMenu(false) : openMenu('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            openMenu(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
        data-testid="scenario.menu"
      >
        {t('scenario.menu')} <span aria-hidden="true">▾</span>
      </button>
      <ul ref={menu} id={menuId} role="menu" aria-label={t('scenario.menu')} className="menu-list" hidden={!open} onKeyDown={onMenuKey}>
        {items.map((item) => (
          <li key={item.id} role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-disabled={item.disabled || undefined}
              aria-keyshortcuts={item.shortcut?.keys}
              onClick={() => choose(item.id, item.disabled)}
              data-testid={`scenario.${item.id}`}
            >
              {item.label}
              {item.shortcut && (
                <kbd className="menu-shortcut" aria-hidden="true">
                  {item.shortcut.shown}
                </kbd>
              )}
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="scenario.file"
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) await importScenario(file.name, await file.text());
        }}
      />
      <ConfirmDialog
        open={confirmReset}
        title={t('scenario.resetDialog.title')}
        body={t('scenario.resetDialog.body')}
        confirm={t('scenario.resetDialog.confirm')}
        cancel={t('scenario.resetDialog.cancel')}
        focus="cancel"
        danger
        testId="dialog.reset"
        onCancel={() => setConfirmReset(false)}
        onConfirm={() => {
          setConfirmReset(false);
          void reset();
        }}
      />
      <Dialog open={manualLink !== undefined} title={t('scenario.shareDialog.title')} onClose={() => setManualLink(undefined)} testId="dialog.share">
        <p className="dialog-body">{t('scenario.shareDialog.body')}</p>
        <input className="dialog-link" readOnly value={manualLink ?? ''} onFocus={(e) => e.currentTarget.select()} data-autofocus="" aria-label={t('scenario.shareDialog.title')} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setManualLink(undefined)}>
            {t('scenario.shareDialog.close')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
