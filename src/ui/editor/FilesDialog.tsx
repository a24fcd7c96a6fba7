import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog, Dialog } from '../app/Dialog';
import { useLab, useLabActions } from '../app/LabContext';
import { checkNewName, homeFiles, homeFor, MAX_NAME_LENGTH, shellWord, type HomeFile, type NameProblem } from './files';
import './editor.css';

interface FilesDialogProps {
  open: boolean;
  onClose: () => void;
}

const NO_FILES: readonly string[] = [];

/**
 * The home folder's files: open one in the editor, start a new one, or delete one. Deleting runs
 * `rm` in the terminal, so the learner sees the command, and Undo brings the file back.
 */
export default function FilesDialog({ open, onClose }: FilesDialogProps) {
  const { t } = useTranslation('editor');
  const files = useLab((s) => s.published?.shell.files ?? NO_FILES);
  const location = useLab((s) => s.published?.shell.location);
  const { openEditor, runCommands } = useLabActions();
  const home = homeFor(location ?? { type: 'local' });
  const listed = homeFiles(files, home);

  const [name, setName] = useState('');
  const [problem, setProblem] = useState<NameProblem | undefined>(undefined);
  const [deleting, setDeleting] = useState<HomeFile | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();

  const create = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkNewName(name, home, files);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    setProblem(undefined);
    setName('');
    openEditor(checked.path);
  };

  const deleteCommand = (file: HomeFile) => `rm ${shellWord(file.path)}`;

  // The question is a sibling, not a child: React passes a dialog's close event on to the dialogs
  // around it in its tree, which would close the file list too.
  return (
    <>
      <Dialog open={open} title={t('files.title', { home })} onClose={onClose} testId="files.dialog">
        <div className="files-dialog">
          {listed.length === 0 ? (
            <p className="files-empty" data-testid="files.empty">
              {t('files.empty')}
            </p>
          ) : (
            <ul className="files-list" aria-label={t('files.listLabel')} data-testid="files.list">
              {listed.map((file) => (
                <li key={file.path} className="files-item" data-testid="files.item" data-name={file.name}>
                  <span className="files-name">{file.name}</span>
                  <button type="button" className="button" aria-label={t('files.openLabel', { name: file.name })} onClick={() => openEditor(file.path)} data-testid="files.item.open">
                    {t('files.open')}
                  </button>
                  <button type="button" className="button" aria-label={t('files.deleteLabel', { name: file.name })} onClick={() => setDeleting(file)} data-testid="files.item.delete">
                    {t('files.delete')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form className="files-new" onSubmit={create} noValidate>
            <label htmlFor={inputId} className="files-new-label">
              {t('files.newLabel')}
            </label>
            <div className="files-new-row">
              <input
                ref={input}
                id={inputId}
                className="files-new-input"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setProblem(undefined);
                }}
                maxLength={MAX_NAME_LENGTH + 1}
                autoComplete="off"
                spellCheck={false}
                placeholder="policy.json"
                aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
                aria-invalid={problem ? true : undefined}
                data-autofocus=""
                data-testid="files.new.name"
              />
              <button type="submit" className="button button-primary" data-testid="files.new.create">
                {t('files.create')}
              </button>
            </div>
            {problem && (
              <p id={problemId} className="files-problem" role="alert" data-testid="files.new.problem" data-problem={problem}>
                {t(`files.problem.${problem}`, { name, limit: MAX_NAME_LENGTH })}
              </p>
            )}
            <p id={hintId} className="files-hint">
              {t('files.newHint')}
            </p>
          </form>
          <p className="files-hint">{t('files.usage')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose} data-testid="files.close">
              {t('files.close')}
            </button>
          </div>
        </div>
      </Dialog>
      <ConfirmDialog
        open={deleting !== undefined}
        title={t('files.confirmDelete.title', { name: deleting?.name ?? '' })}
        body={t('files.confirmDelete.body', { command: deleting ? deleteCommand(deleting) : '' })}
        confirm={t('files.confirmDelete.confirm')}
        cancel={t('files.confirmDelete.cancel')}
        onConfirm={() => {
          // The deleted file's row goes away: the name field keeps the focus in the dialog.
          if (deleting) void runCommands([deleteCommand(deleting)]).then(() => input.current?.focus());
          setDeleting(undefined);
        }}
        onCancel={() => setDeleting(undefined)}
        testId="files.confirmDelete"
        focus="cancel"
        danger
      />
    </>
  );
}
