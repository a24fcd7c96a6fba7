import { useId } from 'react';

/** The filter field above a table; the label is for assistive technology, the placeholder for the eye. */
export function SearchBox({ label, placeholder, value, onChange, testId }: { label: string; placeholder: string; value: string; onChange: (value: string) => void; testId: string }) {
  const id = useId();
  return (
    <div className="c-search">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <span className="c-search-icon" aria-hidden="true">
        ⌕
      </span>
      <input id={id} type="search" className="c-input" value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </div>
  );
}
