/**
 * The terminal is plain DOM, not xterm.js. A canvas-style emulator draws cells, while learners
 * here need what the browser gives text for free:
 * - Japanese input: the IME composes in a real textarea, with its candidate window where the caret is;
 * - screen readers: every command's output lands in a `role="log"` region announced politely;
 * - clickable resource ids and ARNs that select their node in the graph;
 * - output that selects and copies as the exact text AWS printed, with no padding or soft wraps;
 * - JSON highlighted from our own lexer, as text nodes;
 * - and a far smaller bundle, with no emulator for escape sequences that the lab never prints.
 */
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab, useLabActions, useLabStore } from '../app/LabContext';
import { appMessage } from '../store/messages';
import { CommandLine } from './CommandLine';
import { Entry, ID_SELECTOR } from './Entry';
import { focusTerminal } from './focus';
import { nodeIdFor, type IdRef } from './ids';
import './terminal.css';

export function Terminal() {
  const { t } = useTranslation(['terminal', 'app']);
  const store = useLabStore();
  const scrollback = useLab((s) => s.scrollback);
  const status = useLab((s) => s.status);
  const running = useLab((s) => s.running > 0);
  const { selectNode, notify } = useLabActions();
  const scroller = useRef<HTMLDivElement>(null);
  const log = useRef<HTMLDivElement>(null);

  /** Whether the view follows the newest output: until the learner scrolls up to read. */
  const following = useRef(true);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [scrollback]);

  // Larger type (presentation mode), a resized panel or a wider layout must not hide the command line.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (following.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    if (el) following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  const onLogClick = (e: MouseEvent) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>(ID_SELECTOR);
    if (!button?.dataset.ref) return;
    const nodeId = nodeIdFor(JSON.parse(button.dataset.ref) as IdRef, store.getState().published?.sim);
    if (nodeId) selectNode(nodeId);
    else notify('info', appMessage('notices.notInLab', { id: button.textContent ?? '' }));
  };

  // Roving focus: from the log, the arrow keys walk its ids (newest first with ↑), Enter selects.
  const onLogKeyDown = (e: KeyboardEvent) => {
    const ids = [...(log.current?.querySelectorAll<HTMLButtonElement>(ID_SELECTOR) ?? [])];
    const at = ids.indexOf(document.activeElement as HTMLButtonElement);
    const last = ids.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: at < 0 ? 0 : Math.min(last, at + 1),
      ArrowRight: at < 0 ? 0 : Math.min(last, at + 1),
      ArrowUp: at < 0 ? last : Math.max(0, at - 1),
      ArrowLeft: at < 0 ? last : Math.max(0, at - 1),
      Home: 0,
      End: last,
    };
    if (e.key === 'Escape' && at >= 0) {
      log.current?.focus();
      return;
    }
    const next = moves[e.key];
    if (next === undefined || ids.length === 0) return;
    e.preventDefault();
    ids[next]?.focus();
  };

  // A click in the terminal that selects no text puts the caret in the command line.
  const onMouseUp = (e: MouseEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('button, textarea, a') || !getSelection()?.isCollapsed) return;
    focusTerminal();
  };

  return (
    <div className="terminal" data-testid="terminal" onMouseUp={onMouseUp}>
      <div className="terminal-scroll" ref={scroller} onScroll={onScroll}>
        {status.phase === 'starting' && <p className="term-note">{t('app:status.loading')}</p>}
        {status.phase === 'failed' && (
          <p className="term-note term-failed" role="alert">
            {t('app:status.failed', { problem: status.detail })}
          </p>
        )}
        <div
          ref={log}
          role="log"
          aria-live="polite"
          aria-busy={running}
          aria-label={t('output')}
          aria-describedby="terminal-output-help"
          tabIndex={0}
          className="terminal-log"
          onClick={onLogClick}
          onKeyDown={onLogKeyDown}
          data-testid="terminal.output"
        >
          {scrollback.map((entry) => (
            <Entry key={entry.key} entry={entry} />
          ))}
        </div>
        <p id="terminal-output-help" hidden>
          {t('outputHelp')}
        </p>
        <CommandLine />
      </div>
    </div>
  );
}
