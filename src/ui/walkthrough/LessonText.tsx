import type { TOptions } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabActions } from '../app/LabContext';
import type { LessonKey } from '../../lessons';
import { isCommand, richText, type Paragraph, type Values } from './text';

/** A lesson key's text in the learner's language, as paragraphs of text and code. */
export function useLessonText(): (key: LessonKey, values?: Values) => Paragraph[] {
  const { t } = useTranslation('lessons');
  // The markers are plain strings; i18next's option type only has no index signature for them.
  return (key, values) => richText((marked) => t(key, marked as TOptions), values);
}

/**
 * Lesson text: paragraphs, with code (text between backticks: commands, names, AWS's output)
 * shown as code. A command line comes with buttons to copy it and to put it in the terminal's
 * command line, where the learner reads, edits and runs it (not inside a live region:
 * `commands={false}`). Everything is rendered as text.
 */
export function LessonText({ paragraphs, as = 'p', commands = true }: { paragraphs: readonly Paragraph[]; as?: 'p' | 'span'; commands?: boolean }) {
  const Tag = as;
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <Tag key={i} className="wt-text">
          {paragraph.map((segment, j) =>
            segment.kind === 'text' ? segment.text : commands && isCommand(segment.text) ? <CommandCode key={j} code={segment.text} /> : <code key={j} className="wt-code">{segment.text}</code>,
          )}
        </Tag>
      ))}
    </>
  );
}

function CommandCode({ code }: { code: string }) {
  const { t } = useTranslation('walkthrough');
  const { pasteCommand } = useLabActions();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard (an insecure page or a refusal): "paste into the terminal" still works.
    }
  };
  return (
    <span className="wt-command" data-testid="walkthrough.code">
      <code className="wt-code">{code}</code>
      <span className="wt-command-actions">
        <button type="button" className="wt-mini" onClick={() => pasteCommand(code)} aria-label={t('code.pasteLabel', { code })} title={t('code.paste')} data-testid="walkthrough.code.paste">
          <PasteIcon />
        </button>
        <button type="button" className="wt-mini" onClick={() => void copy()} aria-label={t('code.copyLabel', { code })} title={copied ? t('code.copied') : t('code.copy')} data-testid="walkthrough.code.copy">
          {copied ? <span aria-hidden="true">✓</span> : <CopyIcon />}
        </button>
      </span>
    </span>
  );
}

// Drawn inline in the text colour (no icon font, nothing fetched), like the app's other icons.
const icon = { width: 12, height: 12, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

const PasteIcon = () => (
  <svg {...icon}>
    <path d="M8 1v9M4.5 6.5 8 10l3.5-3.5M2 11v3h12v-3" fill="none" stroke="currentColor" strokeWidth="1.6" />
  </svg>
);

const CopyIcon = () => (
  <svg {...icon}>
    <path d="M5 5h9v9H5zM2 11V2h9" fill="none" stroke="currentColor" strokeWidth="1.6" />
  </svg>
);
