import type { HelpTopic } from '../args';
import { part } from '../parts';
import type { Language } from '../text';

/** The help page for a topic the argument parser recognised, in the learner's language; the pages load on first use (`../parts`). */
export const renderHelpPage = (language: Language, topic: HelpTopic, columns: number | undefined): string => part('help').renderHelpPage(language, topic, columns);
