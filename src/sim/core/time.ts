/** AWS timestamps at whole seconds, as the APIs return them: `2026-11-23T15:07:00Z`. */
export function isoSeconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
