import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputChunk } from '../../cli/shell/session';
import type { CommandOutput } from '../../worker/protocol';
import { exhaustive } from '../lib/exhaustive';
import type { TerminalEntry } from '../store/scrollback';
import { segment, type Segment } from './highlight';
import { hintFor } from './hints';

/** Lines as typed: the first after the prompt, the rest after bash's `> ` continuation prompt. */
function TypedLines({ prompt, lines, after }: { prompt: string; lines: readonly string[]; after?: ReactNode }) {
  return (
    <div className="term-typed">
      {lines.map((line, i) => (
        <div key={i} className="term-line">
          <span className="term-prompt">{i === 0 ? prompt : '> '}</span>
          <span className="term-command-text">{line}</span>
          {i === lines.length - 1 && after}
        </div>
      ))}
    </div>
  );
}

function Segments({ segments }: { segments: readonly Segment[] }) {
  const { t } = useTranslation('terminal');
  return segments.map((s, i) => {
    if (s.kind === 'plain') return s.text;
    if (s.kind !== 'id') return <span key={i} className={`tok-${s.kind}`}>{s.text}</span>;
    return (
      <button key={i} type="button" tabIndex={-1} className={`term-id tok-${s.within}`} data-ref={JSON.stringify(s.ref)} title={t('showInGraph', { id: s.text })}>
        {s.text}
      </button>
    );
  });
}

/** Consecutive chunks of one stream form one block (the JSON lexer needs the whole document). */
function blocks(chunks: readonly OutputChunk[]): OutputChunk[] {
  const merged: OutputChunk[] = [];
  for (const chunk of chunks) {
    const last = merged.at(-1);
    if (last && last.stream === chunk.stream) merged[merged.length - 1] = { stream: last.stream, text: last.text + chunk.text };
    else merged.push(chunk);
  }
  return merged;
}

function OutputBlock({ block }: { block: OutputChunk }) {
  const { t } = useTranslation('terminal');
  const stderr = block.stream === 'stderr';
  const segments = useMemo(() => segment(block.text, !stderr), [block.text, stderr]);
  const hint = stderr ? hintFor(block.text) : undefined;
  return (
    <>
      <pre className={`term-out term-${block.stream}`} data-testid={`terminal.${block.stream}`}>
        {stderr && <span className="visually-hidden no-copy">{t('stderr')} </span>}
        <Segments segments={segments} />
      </pre>
      {hint && (
        <p className="term-hint" data-testid="terminal.hint" data-hint={hint}>
          <span className="term-hint-label">{t('hint')}</span>
          {t(`hints.${hint}`)}
        </p>
      )}
    </>
  );
}

function CommandEntry({ output }: { output: CommandOutput }) {
  const { t } = useTranslation('terminal');
  return (
    <div className="term-entry" data-testid="terminal.entry" data-exit-code={output.exitCode}>
      <TypedLines prompt={output.prompt} lines={output.command.split('\n')} />
      {blocks(output.chunks).map((block, i) => (
        <OutputBlock key={i} block={block} />
      ))}
      {output.effects.map((effect, i) =>
        effect.type === 'clock' ? (
          <p key={i} className="term-note" data-testid="terminal.clock">
            {t('clock', { seconds: effect.advancedSeconds })}
          </p>
        ) : null,
      )}
    </div>
  );
}

/** One scrollback entry. Output is rendered as text nodes only: nothing the lab prints becomes markup. */
export const Entry = memo(function Entry({ entry }: { entry: TerminalEntry }) {
  const { t } = useTranslation('terminal');
  switch (entry.kind) {
    case 'command':
      return <CommandEntry output={entry.output} />;
    case 'echo':
      return (
        <div className="term-entry" data-testid="terminal.entry">
          <TypedLines prompt={entry.prompt} lines={entry.lines} after={entry.interrupted ? <span className="term-interrupt">^C</span> : undefined} />
        </div>
      );
    case 'note':
      return (
        <p className="term-entry term-note" data-testid="terminal.note">
          {t(`notes.${entry.note}`, { replace: entry.values })}
        </p>
      );
    default:
      return exhaustive(entry);
  }
});

/** Used by the roving focus of the log: the id buttons in document order. */
export const ID_SELECTOR = 'button.term-id';
