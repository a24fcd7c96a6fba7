import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../ConsoleContext';
import type { Route } from '../routes';

export interface Crumb {
  label: string;
  route?: Route;
}

interface PageProps {
  crumbs: readonly Crumb[];
  title: string;
  /** Buttons beside the title. */
  actions?: ReactNode;
  /** A line under the title. */
  intro?: string;
  testId: string;
  children: ReactNode;
}

/** A console page: breadcrumbs, a heading that takes focus after navigation, the content. */
export function Page({ crumbs, title, actions, intro, testId, children }: PageProps) {
  const { t } = useTranslation('console');
  const { go, focusToken, claimFocus } = useConsole();
  const heading = useRef<HTMLHeadingElement>(null);

  // Only a page on screen takes focus: the other service's page stays mounted, hidden.
  useEffect(() => {
    const el = heading.current;
    if (el && el.getClientRects().length > 0 && claimFocus(focusToken)) el.focus();
  }, [focusToken, claimFocus]);

  return (
    <div className="c-page" data-testid={testId}>
      <nav aria-label={t('nav.breadcrumbs')} className="c-crumbs" data-testid="console.crumbs">
        <ol>
          {crumbs.map((crumb, i) => (
            <li key={i}>
              {crumb.route && i < crumbs.length - 1 ? (
                <button type="button" className="c-link" onClick={() => crumb.route && go(crumb.route)}>
                  {crumb.label}
                </button>
              ) : (
                <span aria-current={i === crumbs.length - 1 ? 'page' : undefined}>{crumb.label}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <div className="c-page-head">
        <h3 ref={heading} tabIndex={-1} className="c-page-title">
          {title}
        </h3>
        {actions && <div className="c-page-actions">{actions}</div>}
      </div>
      {intro && <p className="c-intro">{intro}</p>}
      {children}
    </div>
  );
}

/** A titled box of a page ("Summary", "Permissions policies"). */
export function Container({ title, actions, children, testId }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="c-box" data-testid={testId}>
      <div className="c-box-head">
        <h4 className="c-box-title">{title}</h4>
        {actions && <div className="c-page-actions">{actions}</div>}
      </div>
      <div className="c-box-body">{children}</div>
    </section>
  );
}

/** Label–value pairs, as the console's summaries lay them out. */
export function KeyValues({ items }: { items: readonly { label: string; value: ReactNode; testId?: string }[] }) {
  return (
    <dl className="c-kv">
      {items.map((item) => (
        <div key={item.label} className="c-kv-item" data-testid={item.testId}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
