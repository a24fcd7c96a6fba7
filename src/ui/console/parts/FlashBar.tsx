import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../ConsoleContext';
import { textWith } from './text';

/**
 * The outcome of the last action, above the page. Errors keep AWS's code and message exactly
 * (as data, never markup) and add a line in the learner's language when one fits.
 */
export function FlashBar() {
  const { t } = useTranslation('console');
  const { flash, dismissFlash } = useConsole();
  const slot = useRef<HTMLDivElement>(null);
  // The action's button may be far down a long form: bring the outcome into view.
  useEffect(() => {
    if (flash) slot.current?.scrollIntoView?.({ block: 'nearest' });
  }, [flash]);
  if (!flash) return <div role="status" className="c-flash-slot" />;
  const dismiss = (
    <button type="button" className="c-flash-dismiss" aria-label={t('common.dismiss')} title={t('common.dismiss')} onClick={dismissFlash}>
      <span aria-hidden="true">×</span>
    </button>
  );
  if (flash.tone === 'success') {
    return (
      <div role="status" className="c-flash-slot" ref={slot}>
        <div className="c-flash c-flash-success" data-testid="console.flash" data-tone="success">
          <p className="c-flash-text" data-testid="console.flash.text">
            {textWith(t, `flash.success.${flash.key}`, flash.values)}
          </p>
          {dismiss}
        </div>
      </div>
    );
  }
  return (
    <div role="alert" className="c-flash-slot" ref={slot}>
      <div className="c-flash c-flash-error" data-testid="console.flash" data-tone="error" data-code={flash.error.code}>
        <div className="c-flash-text">
          <p className="c-flash-title" data-testid="console.flash.text">
            {textWith(t, `flash.failure.${flash.key}`, flash.values)}
          </p>
          <p className="c-aws-error" data-testid="console.flash.error">
            <span className="visually-hidden">{t('flash.awsError', { operation: flash.operation })} </span>
            <code>
              {flash.error.code}: {flash.error.message}
            </code>
          </p>
          {flash.hint && (
            <p className="c-hint" data-testid="console.flash.hint" data-hint={flash.hint}>
              {t(`hints.${flash.hint}`)}
            </p>
          )}
        </div>
        {dismiss}
      </div>
    </div>
  );
}
