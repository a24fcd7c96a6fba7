import { useTranslation } from 'react-i18next';
import type { Chapter, LessonProgress } from '../../lessons';
import { focusWalkthrough } from './focus';
import { useWalkthroughActions } from './WalkthroughContext';

/** The chapter's steps and its quiz, as a list of buttons: where the learner is, what is done, and a way back. */
export function StepNav({ chapter, progress }: { chapter: Chapter; progress: LessonProgress }) {
  const { t } = useTranslation('walkthrough');
  const { goToStep } = useWalkthroughActions();
  const items = [...chapter.steps.map((s, i) => ({ id: s.id, label: t('steps.item', { n: i + 1 }), passed: progress.completed.includes(s.id) })), { id: 'quiz', label: t('steps.quiz'), passed: false }];
  return (
    <nav aria-label={t('steps.label')} className="wt-step-nav">
      <ol className="wt-step-list" data-testid="walkthrough.steps">
        {items.map((item, i) => {
          const current = i === progress.stepIndex;
          return (
            <li key={item.id}>
              <button
                type="button"
                className="wt-step-link"
                aria-current={current ? 'step' : undefined}
                data-passed={item.passed}
                onClick={() => {
                  goToStep(i);
                  focusWalkthrough();
                }}
                data-testid="walkthrough.steps.item"
              >
                {item.passed && <span aria-hidden="true">✓ </span>}
                {item.label}
                {item.passed && <span className="visually-hidden"> {t('steps.passed')}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
