import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleOutput } from '../../worker/protocol';
import { useLab, useLabActions } from '../app/LabContext';
import { consoleHint, logTitle } from './model/outcomes';
import { textWith } from './parts/text';

/** Copies a command line; says so for a moment. */
function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation('console');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard (permissions, insecure context): the line is still selectable text.
    }
  };
  return (
    <button type="button" className="c-copy" onClick={() => void copy()} aria-label={t('apiLog.copy')} title={t('apiLog.copy')}>
      {copied ? (
        t('apiLog.copied')
      ) : (
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
          <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1" />
        </svg>
      )}
    </button>
  );
}

function LogEntry({ output }: { output: ConsoleOutput }) {
  const { t } = useTranslation('console');
  const title = logTitle(output.action);
  return (
    <li className="c-log-entry" data-testid="console.apiLog.entry" data-status={output.error ? 'error' : 'ok'}>
      <p className="c-log-title">{textWith(t, `apiLog.titles.${title.key}`, title.values)}</p>
      <ol className="c-log-calls">
        {output.calls.map((call, i) => {
          const hint = call.outcome.ok ? undefined : consoleHint(output.action, call.operation, call.outcome.error);
          return (
            <li key={i} className="c-log-call" data-testid="console.apiLog.call" data-ok={call.outcome.ok}>
              <span className={call.outcome.ok ? 'c-log-mark c-ok' : 'c-log-mark c-fail'} aria-hidden="true">
                {call.outcome.ok ? '✓' : '✗'}
              </span>
              <span className="visually-hidden">{call.outcome.ok ? t('apiLog.ok') : t('apiLog.failed')} </span>
              <code className="c-log-cli" data-testid="console.apiLog.cli">
                {call.cli}
              </code>
              <CopyButton text={call.cli} />
              {!call.outcome.ok && (
                <div className="c-log-error">
                  <code data-testid="console.apiLog.error">
                    {call.outcome.error.code}: {call.outcome.error.message}
                  </code>
                  {hint && <p className="c-hint">{t(`hints.${hint}`)}</p>}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </li>
  );
}

/**
 * "Under the hood": every console action with the API calls it made, each written as the aws
 * command that makes the same call (the worker builds the line; the terminal's history has them too).
 */
export function ApiLog() {
  const { t } = useTranslation('console');
  const log = useLab((s) => s.consoleLog);
  const { clearConsoleLog } = useLabActions();
  const [open, setOpen] = useState(true);
  const list = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [log, open]);

  return (
    <section className="c-log" aria-labelledby="console-api-log-title" data-testid="console.apiLog" data-open={open}>
      <div className="c-log-head">
        <h3 id="console-api-log-title" className="c-log-heading">
          {t('apiLog.title')}
        </h3>
        <div className="c-page-actions">
          <button type="button" className="c-small-button" onClick={clearConsoleLog} disabled={log.length === 0} data-testid="console.apiLog.clear">
            {t('apiLog.clear')}
          </button>
          <button
            type="button"
            className="c-small-button"
            aria-expanded={open}
            aria-controls="console-api-log-body"
            onClick={() => setOpen(!open)}
            data-testid="console.apiLog.toggle"
          >
            {open ? t('apiLog.hide') : t('apiLog.show')}
          </button>
        </div>
      </div>
      <div id="console-api-log-body" className="c-log-body" ref={list} hidden={!open} role="log" aria-labelledby="console-api-log-title" tabIndex={0}>
        {log.length === 0 ? (
          <p className="c-empty-note">{t('apiLog.empty')}</p>
        ) : (
          <ol className="c-log-entries">
            {log.map((output) => (
              <LogEntry key={output.id} output={output} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
