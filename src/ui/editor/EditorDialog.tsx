import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../app/Dialog';
import { useLab, useLabActions } from '../app/LabContext';
import { displayName, fileUrlFor, schemaKindFor } from './files';
import type { EditorHandle, Problem } from './monaco';
import { policyText } from './policyText';
import './editor.css';

/** How many problems the list under the editor shows; the count covers them all. */
const LISTED_PROBLEMS = 5;

type Phase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; problem: string };

/**
 * One file in Monaco, in a modal dialog. Opening reads the text through the worker; saving
 * (Ctrl+S or the button) writes it back as an undoable change, after which `file://NAME` in the
 * terminal reads the new text. Closing with unsaved changes asks first. Focus returns to where it
 * was (the command line after `edit FILE`, the file list's button after Open).
 */
export default function EditorDialog({ path }: { path: string }) {
  const { t } = useTranslation('editor');
  const dialog = useRef<HTMLDialogElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const handle = useRef<EditorHandle | undefined>(undefined);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const { readFile, saveFile, closeEditor } = useLabActions();
  const cwd = useLab((s) => s.published?.shell.cwd ?? '/');
  const theme = useLab((s) => s.prefs.theme);
  const presentation = useLab((s) => s.prefs.presentation);
  const language = useLab((s) => s.prefs.language);

  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [dirty, setDirty] = useState(false);
  const [isNew, setIsNew] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [guard, setGuard] = useState(false);
  const [closing, setClosing] = useState(false);

  const name = displayName(path);
  const kind = schemaKindFor(path);
  const schemaText = useMemo(() => policyText(language), [language]);
  const ariaLabel = t('editor.ariaLabel', { name });

  /** The save under way, if any: closing waits for it before it decides whether to ask. */
  const pendingSave = useRef<Promise<boolean> | undefined>(undefined);
  const save = useCallback((): Promise<boolean> => {
    const editor = handle.current;
    if (!editor) return Promise.resolve(false);
    const text = editor.getText();
    setSaving(true);
    const saving = saveFile(path, text).then((saved) => {
      setSaving(false);
      if (saved) {
        editor.markSaved(text);
        setIsNew(false);
      }
      return saved;
    });
    pendingSave.current = saving;
    return saving;
  }, [path, saveFile]);
  // The latest values for the editor, which is made once, when Monaco and the text are in.
  const latest = useRef({ save, schemaText, theme, presentation, ariaLabel });
  useLayoutEffect(() => {
    latest.current = { save, schemaText, theme, presentation, ariaLabel };
  });

  // Show the dialog at once; Monaco and the file's text arrive together.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    opener.current = document.activeElement;
    if (!element.open) element.showModal();
    return () => {
      if (element.open) element.close();
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    const container = surface.current;
    Promise.all([import('./monaco'), readFile(path)])
      .then(([monaco, text]) => {
        if (cancelled || !container) return;
        const look = latest.current;
        setIsNew(text === undefined);
        handle.current = monaco.createEditor({
          container,
          path,
          text: text ?? '',
          look: { theme: look.theme, presentation: look.presentation },
          ariaLabel: look.ariaLabel,
          schemaText: look.schemaText,
          onDirtyChange: setDirty,
          onProblems: setProblems,
          onSave: () => void latest.current.save(),
        });
        setPhase({ kind: 'ready' });
        handle.current.focus();
      })
      .catch((e: unknown) => {
        if (!cancelled) setPhase({ kind: 'failed', problem: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
      handle.current?.dispose();
      handle.current = undefined;
    };
  }, [path, readFile]);

  useEffect(() => handle.current?.setLook({ theme, presentation }), [theme, presentation, phase]);
  useEffect(() => {
    handle.current?.setSchemaText(schemaText);
    handle.current?.setAriaLabel(ariaLabel);
  }, [schemaText, ariaLabel, phase]);

  // Leaving the page would lose unsaved text: let the browser ask.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', onBeforeUnload);
    return () => removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  // Closing waits for the question to close first (its effect runs before this component's), so the
  // page is no longer inert when focus goes back where it was.
  const close = () => {
    setGuard(false);
    setClosing(true);
  };
  useEffect(() => {
    if (!closing) return;
    dialog.current?.close();
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected && document.activeElement !== back) back.focus();
    closeEditor();
  }, [closing, closeEditor]);

  const requestClose = () => {
    void Promise.resolve(pendingSave.current).then(() => {
      if (handle.current?.isDirty()) setGuard(true);
      else close();
    });
  };

  const keepEditing = () => {
    setGuard(false);
    handle.current?.focus();
  };

  // Escape closes (or asks first; in the question, the browser's Escape means "keep editing").
  // Handled here rather than left to the browser, which lets a page refuse a dialog's Escape only
  // once without a click in between. Monaco keeps the Escapes it uses itself (closing its
  // suggestions or search) and stops them before they get here.
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    requestClose();
  };

  const state = isNew ? 'new' : dirty ? 'unsaved' : 'saved';
  const errors = problems.filter((p) => p.severity === 'error').length;

  // The question is a sibling, not a child: React passes dialog events on to the dialogs around
  // it in its tree.
  return (
    <>
      <dialog
        ref={dialog}
        className="dialog editor-dialog"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        onCancel={(e) => {
          // An Escape that reached the browser anyway: decide here, never close with unsaved text.
          e.preventDefault();
          requestClose();
        }}
        data-testid="editor.dialog"
        data-path={path}
      >
        <div className="editor-head">
          <h2 id={titleId} className="dialog-title editor-title">
            {t('editor.title', { name })}
          </h2>
          <span className="editor-state" data-state={state} data-testid="editor.state">
            {t(`editor.state.${state}`)}
          </span>
          <span className="editor-kind" data-testid="editor.kind" data-kind={kind ?? 'none'}>
            {t(`editor.checkedAs.${kind ?? 'none'}`)}
          </span>
        </div>
        <div className="editor-surface" ref={surface} data-testid="editor.surface" aria-busy={phase.kind === 'loading'}>
          {phase.kind === 'loading' && <p className="editor-note">{t('editor.loading')}</p>}
          {phase.kind === 'failed' && (
            <p className="editor-note editor-failed" role="alert">
              {t('editor.loadFailed', { problem: phase.problem })}
            </p>
          )}
        </div>
        <div className="editor-problems" data-testid="editor.problems" data-errors={errors} data-warnings={problems.length - errors}>
          <p className="editor-problem-count" role="status">
            {phase.kind === 'ready' && (problems.length === 0 ? t('editor.problems.none') : t('editor.problems.count', { errors, warnings: problems.length - errors }))}
          </p>
          {problems.length > 0 && (
            <ul className="editor-problem-list" aria-label={t('editor.problems.label')}>
              {problems.slice(0, LISTED_PROBLEMS).map((p, i) => (
                <li key={i} data-severity={p.severity}>
                  <button type="button" className="editor-problem" onClick={() => handle.current?.revealLine(p.line)} data-testid="editor.problem">
                    {t('editor.problems.at', { line: p.line, message: p.message })}
                  </button>
                </li>
              ))}
              {problems.length > LISTED_PROBLEMS && <li className="editor-note">{t('editor.problems.more', { count: problems.length - LISTED_PROBLEMS })}</li>}
            </ul>
          )}
        </div>
        <p className="editor-keys">{t('editor.keys')}</p>
        <div className="dialog-actions editor-actions">
          <span className="editor-use" data-testid="editor.use">
            {t('editor.use', { url: fileUrlFor(path, cwd) })}
          </span>
          <button type="button" className="button" onClick={requestClose} data-testid="editor.close">
            {t('editor.close')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void save()} disabled={phase.kind !== 'ready' || saving || (!dirty && !isNew)} data-testid="editor.save">
            {t('editor.save')}
          </button>
        </div>
      </dialog>
      <Dialog open={guard} title={t('editor.guard.title', { name })} onClose={keepEditing} testId="editor.guard">
        <p className="dialog-body">{t('editor.guard.body')}</p>
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            onClick={keepEditing}
            data-autofocus=""
            data-testid="editor.guard.cancel"
          >
            {t('editor.guard.cancel')}
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              setGuard(false);
              close();
            }}
            data-testid="editor.guard.discard"
          >
            {t('editor.guard.discard')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              void save().then((saved) => {
                setGuard(false);
                if (saved) close();
              });
            }}
            data-testid="editor.guard.save"
          >
            {t('editor.guard.save')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
