import { CHAPTERS } from '../../lessons';

/**
 * The walkthrough as it loads on first use (`loader.ts`): its store, its panel and presentation
 * mode's strip, with the lessons they drive. Nothing of it is in the page's first chunk.
 */
export { createSavedWalkthrough } from './persist';
export { PresentationStep } from './PresentationStep';
export { WalkthroughPanel } from './WalkthroughPanel';

/** Where a first visit's "Start the walkthrough" lands. */
export const FIRST_CHAPTER_ID: string | undefined = CHAPTERS[0]?.id;
