import { useTranslation } from 'react-i18next';
import { CHAPTERS } from '../../lessons';
import { useLab } from '../app/LabContext';
import { LessonText, useLessonText } from './LessonText';
import { currentStep } from './store';
import { useWalkthrough, useWalkthroughActions } from './WalkthroughContext';

/**
 * Presentation mode keeps the graph and the terminal, plus this strip: the current step's task,
 * its check, and "show me" and "next", so a teacher can step through a demo without typing.
 */
export function PresentationStep() {
  const { t } = useTranslation('walkthrough');
  const text = useLessonText();
  const presentation = useLab((s) => s.prefs.presentation);
  const open = useWalkthrough((s) => s.open);
  const chapterId = useWalkthrough((s) => s.chapterId);
  const progressByChapter = useWalkthrough((s) => s.progress);
  const result = useWalkthrough((s) => s.result);
  const running = useWalkthrough((s) => s.showing.phase === 'running');
  const { showMe, next } = useWalkthroughActions();
  const current = currentStep({ chapterId, progress: progressByChapter });
  if (!presentation || !open || !current) return null;
  const { chapter, progress, step } = current;
  const passed = result ? result.passed : progress.completed.includes(step.id);
  return (
    <section className="wt-strip" aria-label={t('step.task')} data-testid="walkthrough.presentation">
      <p className="wt-strip-where">
        {t('chapters.number', { n: CHAPTERS.indexOf(chapter) + 1 })} · {t('step.heading', { n: progress.stepIndex + 1, total: chapter.steps.length })}
      </p>
      <div className="wt-strip-task">
        <LessonText paragraphs={text(step.taskKey)} commands={false} />
      </div>
      <p role="status" className="wt-strip-check" data-passed={passed} data-testid="walkthrough.presentation.check">
        {passed ? `✓ ${t('check.passed')}` : t('check.waiting')}
      </p>
      <div className="wt-strip-actions">
        <button type="button" className="button" disabled={running} onClick={() => void showMe()} data-testid="walkthrough.presentation.showMe">
          {t('showMe.button')}
        </button>
        <button type="button" className="button button-primary" disabled={!progress.completed.includes(step.id)} onClick={next} data-testid="walkthrough.presentation.next">
          {t('step.next')}
        </button>
      </div>
    </section>
  );
}
