import type { ReactNode } from 'react';

/**
 * A table's box, scrolling sideways when the panel is narrower than the table (names are never
 * split). A scrolling region must be reachable from the keyboard, so it takes focus and is named.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="c-table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
