import type { HelpTopic } from '../args';
import { helpTarget, renderHelp } from '../help';
import type { Language } from '../text';

/** The help page for a topic the argument parser recognised, in the learner's language. */
export function renderHelpPage(language: Language, topic: HelpTopic, columns: number | undefined): string {
  return renderHelp(language, helpTarget(topic), { ...(columns ? { width: columns } : {}) });
}
