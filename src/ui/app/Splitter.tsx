import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { SIZE_LIMITS, type UiPrefs } from '../store/prefs';
import { useLab, useLabActions } from './LabContext';

type Sized = keyof UiPrefs['sizes'];

interface SplitterProps {
  panel: Sized;
  label: string;
  /** The id of the panel it resizes. */
  controls: string;
  /** The column the graph shares with the terminal: its height turns a drag into a share. */
  container?: RefObject<HTMLElement | null>;
}

/**
 * A window splitter (WAI-ARIA `separator`, focusable): drag it, or focus it and use the arrow
 * keys (Shift for bigger steps), Home and End for the limits, Enter to hide or show the panel.
 */
export function Splitter({ panel, label, controls, container }: SplitterProps) {
  const value = useLab((s) => s.prefs.sizes[panel]);
  const { setSize, setCollapsed } = useLabActions();
  const drag = useRef<{ x: number; y: number; value: number } | undefined>(undefined);
  const limits = SIZE_LIMITS[panel];
  const horizontal = panel === 'graph';
  // Moving the handle right (or down) grows the left (or top) panel and shrinks the right one.
  const sign = panel === 'details' ? -1 : 1;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    const height = container?.current?.getBoundingClientRect().height ?? 1;
    const delta = horizontal ? (e.clientY - start.y) / height : sign * (e.clientX - start.x);
    setSize(panel, start.value + delta);
  };
  const onPointerUp = () => {
    drag.current = undefined;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = limits.step * (e.shiftKey ? 4 : 1);
    const forward = horizontal ? 'ArrowDown' : 'ArrowRight';
    const backward = horizontal ? 'ArrowUp' : 'ArrowLeft';
    let next: number | undefined;
    if (e.key === forward) next = value + sign * step;
    else if (e.key === backward) next = value - sign * step;
    else if (e.key === 'Home') next = limits.min;
    else if (e.key === 'End') next = limits.max;
    else if (e.key === 'Enter') {
      e.preventDefault();
      setCollapsed(panel === 'graph' ? 'graph' : panel, true);
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    setSize(panel, next);
  };

  const percent = (v: number) => Math.round(v * 100);
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={horizontal ? 'horizontal' : 'vertical'}
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={horizontal ? percent(value) : Math.round(value)}
      aria-valuemin={horizontal ? percent(limits.min) : limits.min}
      aria-valuemax={horizontal ? percent(limits.max) : limits.max}
      className={horizontal ? 'splitter splitter-horizontal' : 'splitter splitter-vertical'}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      data-testid={`splitter.${panel}`}
    />
  );
}
