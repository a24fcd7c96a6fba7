import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  /** Called when the dialog closes by itself (Escape). */
  onClose: () => void;
  testId: string;
  children: ReactNode;
}

/**
 * A modal on the native `<dialog>`: the browser traps focus, closes on Escape, makes the page
 * behind it inert and returns focus where it was. The element marked `data-autofocus` gets focus.
 */
export function Dialog({ open, title, onClose, testId, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={() => open && onClose()} data-testid={testId}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
  /** Which button has focus when the dialog opens: the safe one for destructive actions. */
  focus: 'confirm' | 'cancel';
  danger?: boolean;
}

export function ConfirmDialog({ open, title, body, confirm, cancel, onConfirm, onCancel, testId, focus, danger = false }: ConfirmProps) {
  return (
    <Dialog open={open} title={title} onClose={onCancel} testId={testId}>
      <p className="dialog-body">{body}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus={focus === 'cancel' ? '' : undefined} data-testid={`${testId}.cancel`}>
          {cancel}
        </button>
        <button type="button" className={danger ? 'button button-danger' : 'button button-primary'} onClick={onConfirm} data-autofocus={focus === 'confirm' ? '' : undefined} data-testid={`${testId}.confirm`}>
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
