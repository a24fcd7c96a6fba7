import type { HelpTopic } from '../args';
import type { Language } from '../text';
import { helpTarget, renderHelp } from './index';

/** The help part (see ../parts): the page for a topic the argument parser recognised, in the learner's language. */
export function renderHelpPage(language: Language, topic: HelpTopic, columns: number | undefined): string {
  return renderHelp(language, helpTarget(topic), { ...(columns ? { width: columns } : {}) });
}
