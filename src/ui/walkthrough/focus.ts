/** The heading of whatever the walkthrough panel shows: it takes focus when the learner moves on. */
export const FOCUS_ID = 'walkthrough-focus';

/** After the next paint (the new view is rendered by then), so keyboard and screen-reader users land on it. */
export function focusWalkthrough(): void {
  requestAnimationFrame(() => document.getElementById(FOCUS_ID)?.focus());
}
