import { CHAPTERS } from '../../lessons';
import { ChapterList } from './ChapterList';
import { ChapterView } from './ChapterView';
import { progressOf } from './record';
import { useWalkthrough } from './WalkthroughContext';
import './walkthrough.css';

/** The walkthrough panel: the chapter list, or one chapter with its current step or quiz. */
export function WalkthroughPanel() {
  const chapterId = useWalkthrough((s) => s.chapterId);
  const progress = useWalkthrough((s) => s.progress);
  const index = CHAPTERS.findIndex((c) => c.id === chapterId);
  const chapter = CHAPTERS[index];
  return (
    <div className="wt" data-testid="walkthrough.panel">
      {chapter ? <ChapterView key={chapter.id} chapter={chapter} number={index + 1} progress={progressOf({ progress }, chapter.id)} /> : <ChapterList />}
    </div>
  );
}
