import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';

interface ConfirmTextDialogProps {
  open: boolean;
  title: string;
  body: string;
  /** The instruction above the field ("To confirm deletion, enter the role name…"). */
  prompt: string;
  /** What must be typed, exactly, before the action button works. */
  word: string;
  inputLabel: string;
  confirm: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}

/**
 * The console's "type it to confirm" dialog (delete a role, detach a role). The field has focus
 * when it opens; Enter confirms once the text matches; Esc cancels. The page behind is inert.
 */
export function ConfirmTextDialog({ open, title, body, prompt, word, inputLabel, confirm, busy, onConfirm, onCancel, testId }: ConfirmTextDialogProps) {
  const { t } = useTranslation('console');
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const promptId = useId();
  const matches = typed === word;
  const cancel = () => {
    setTyped('');
    onCancel();
  };
  return (
    <Dialog open={open} title={title} onClose={cancel} testId={testId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!matches || busy) return;
          setTyped('');
          onConfirm();
        }}
      >
        <p className="dialog-body">{body}</p>
        <p id={promptId} className="c-confirm-prompt">
          {prompt}
        </p>
        <label className="visually-hidden" htmlFor={inputId}>
          {inputLabel}
        </label>
        <input
          id={inputId}
          className="c-input c-confirm-input"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={word}
          aria-describedby={promptId}
          autoComplete="off"
          spellCheck={false}
          data-autofocus=""
          data-testid={`${testId}.input`}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={cancel} data-testid={`${testId}.cancel`}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={!matches || busy} data-testid={`${testId}.confirm`}>
            {confirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
