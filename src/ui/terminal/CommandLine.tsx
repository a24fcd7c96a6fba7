import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab, useLabActions } from '../app/LabContext';
import { TERMINAL_INPUT_ID } from './focus';
import { applyCompletion, FRESH_HISTORY, onFirstLine, onLastLine, planSubmit, stepHistory, type HistoryCursor } from './input';

/** Shown until the worker has said where the shell is. */
const DEFAULT_PROMPT = 'learner@iam-lab:~$ ';
const NO_HISTORY: readonly string[] = [];
const MAX_LISTED = 60;

// Where CSS sizes the textarea to its text, script need not measure it (a forced layout per keystroke).
const sizedByCss = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

function fitHeight(el: HTMLTextAreaElement): void {
  if (sizedByCss) return;
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight}px`;
}

/**
 * The command line: a textarea that grows, so a pasted block stays editable before Enter runs it.
 * The keys follow bash: Enter runs (or continues an unfinished command with `> `), ↑/↓ history,
 * Tab completes, Ctrl+C drops the line, Ctrl+L clears. Keys pressed while an input method
 * (Japanese IME) is composing belong to the IME.
 */
export function CommandLine() {
  const { t } = useTranslation('terminal');
  const prompt = useLab((s) => s.published?.shell.prompt ?? DEFAULT_PROMPT);
  const history = useLab((s) => s.published?.shell.history ?? NO_HISTORY);
  const { runCommands, echo, clearTerminal, complete } = useLabActions();
  const [value, setValue] = useState('');
  const [pending, setPending] = useState<string[]>([]);
  const [cursor, setCursor] = useState<HistoryCursor>(FRESH_HISTORY);
  const [listed, setListed] = useState<string[]>([]);
  const input = useRef<HTMLTextAreaElement>(null);
  const row = useRef<HTMLDivElement>(null);
  const caretAfter = useRef<number | undefined>(undefined);
  /** After Escape, Tab leaves the command line instead of completing (no keyboard trap). */
  const tabLeaves = useRef(false);

  // A command pasted from the details panel replaces the line (not run), and the caret goes there.
  const draft = useLab((s) => s.commandDraft);
  const [draftShown, setDraftShown] = useState(draft?.id);
  if (draft && draft.id !== draftShown) {
    setDraftShown(draft.id);
    setValue(draft.text);
    setPending([]);
    setCursor(FRESH_HISTORY);
    setListed([]);
  }
  useEffect(() => {
    if (draft) input.current?.focus();
  }, [draft]);

  // The textarea is as tall as its text: after every edit, and when the width or the type size changes.
  useEffect(() => {
    const el = input.current;
    if (!el || sizedByCss) return;
    const observer = new ResizeObserver(() => fitHeight(el));
    observer.observe(el);
    // The prompt beside it grows with the type size even when the textarea's box does not.
    if (row.current) observer.observe(row.current);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    fitHeight(el);
    if (caretAfter.current !== undefined) {
      el.setSelectionRange(caretAfter.current, caretAfter.current);
      caretAfter.current = undefined;
    }
    row.current?.scrollIntoView({ block: 'nearest' });
  }, [value, pending]);

  const replace = (text: string, caret = text.length) => {
    setValue(text);
    caretAfter.current = caret;
  };

  const startOver = (nextPending: string[] = []) => {
    setPending(nextPending);
    replace('');
    setCursor(FRESH_HISTORY);
    setListed([]);
  };

  const submit = () => {
    const plan = planSubmit(pending, value);
    if (plan.run.length === 0 && plan.pending.length === 0) echo(prompt, [...pending, value], false);
    if (plan.run.length > 0) void runCommands(plan.run);
    startOver(plan.pending);
  };

  const completeAt = async (line: string, caret: number) => {
    const completion = await complete(line, caret);
    if (input.current?.value !== line) return;
    const result = applyCompletion(line, caret, completion);
    replace(result.text, result.caret);
    setListed(result.list);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const el = e.currentTarget;
    const caret = el.selectionStart;
    const noSelection = el.selectionStart === el.selectionEnd;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    const leaving = tabLeaves.current;
    tabLeaves.current = e.key === 'Escape';

    if (e.key === 'Tab' && plain && !e.shiftKey) {
      if (!value.trim() || leaving) return;
      e.preventDefault();
      void completeAt(value, caret);
    } else if (e.key === 'Enter' && plain && !e.shiftKey) {
      e.preventDefault();
      submit();
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && plain && noSelection) {
      const up = e.key === 'ArrowUp';
      if (up ? !onFirstLine(value, caret) : !onLastLine(value, caret)) return;
      const step = stepHistory(history, cursor, value, up ? 'up' : 'down');
      if (!step) return;
      e.preventDefault();
      setCursor(step.cursor);
      replace(step.text);
      setListed([]);
    } else if (e.key.toLowerCase() === 'c' && e.ctrlKey && !e.metaKey && !e.altKey && noSelection) {
      e.preventDefault();
      echo(prompt, [...pending, value], true);
      startOver();
    } else if (e.key.toLowerCase() === 'l' && e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      clearTerminal();
    } else if (e.key === 'Escape') {
      setListed([]);
    }
  };

  return (
    <div className="term-commandline">
      {pending.length > 0 && (
        <div className="term-typed term-pending" data-testid="terminal.pending">
          {pending.map((line, i) => (
            <div key={i} className="term-line">
              <span className="term-prompt">{i === 0 ? prompt : '> '}</span>
              <span className="term-command-text">{line}</span>
            </div>
          ))}
        </div>
      )}
      <div className="term-completions" role="status" aria-label={t('completions')}>
        {listed.length > 0 && (
          <ul className="term-completion-list" data-testid="terminal.completions">
            {listed.slice(0, MAX_LISTED).map((candidate) => (
              <li key={candidate}>{candidate}</li>
            ))}
            {listed.length > MAX_LISTED && <li className="quiet">{t('moreCompletions', { count: listed.length - MAX_LISTED })}</li>}
          </ul>
        )}
      </div>
      <div className="term-input-row" ref={row}>
        <span className="term-prompt" aria-hidden="true" data-testid="terminal.prompt">
          {pending.length > 0 ? '> ' : prompt}
        </span>
        <textarea
          ref={input}
          id={TERMINAL_INPUT_ID}
          className="term-input"
          rows={1}
          value={value}
          aria-label={t('input')}
          aria-describedby="terminal-input-help"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          onChange={(e) => {
            setValue(e.target.value);
            setListed([]);
          }}
          onKeyDown={onKeyDown}
          data-testid="terminal.input"
        />
      </div>
      <p id="terminal-input-help" hidden>
        {t('inputHelp')}
      </p>
    </div>
  );
}
