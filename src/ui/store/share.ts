import type { Published } from '../../worker/protocol';

/**
 * The worker's share fragments start with this marker (`src/worker/share.ts`); the app checks it
 * only to know whether a page was opened from a share link, and leaves every other check to the worker.
 */
export const SHARE_MARKER = '#scenario=';

export const isShareLink = (hash: string): boolean => hash.startsWith(SHARE_MARKER);

export const shareUrl = (location: { origin: string; pathname: string }, fragment: string): string => `${location.origin}${location.pathname}#${fragment}`;

/** Whether opening a shared lab would replace something the learner made (and so must ask first). */
export function labHasContent(published: Published | undefined): boolean {
  if (!published) return false;
  const { roles, instanceProfiles, policies, instances } = published.sim.tables;
  return [roles, instanceProfiles, policies, instances].some((table) => Object.keys(table).length > 0);
}
