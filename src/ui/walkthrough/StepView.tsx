import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, LessonProgress, Step } from '../../lessons';
import { FOCUS_ID, focusWalkthrough } from './focus';
import { LessonText, useLessonText } from './LessonText';
import { plainText } from './text';
import { useWalkthrough, useWalkthroughActions } from './WalkthroughContext';

/**
 * The step on screen: why (explanation and the facts it teaches), what to do (the task), the
 * live check, hints one at a time, "show me", and the way on once the check has passed.
 */
export function StepView({ chapter, progress, step }: { chapter: Chapter; progress: LessonProgress; step: Step }) {
  const { t } = useTranslation('walkthrough');
  const text = useLessonText();
  const { next, goToStep } = useWalkthroughActions();
  const index = progress.stepIndex;
  const passed = progress.completed.includes(step.id);
  // Where "next" leads: the next step not yet passed, or the quiz when every other step is done.
  const toQuiz = !chapter.steps.some((s, i) => i > index && !progress.completed.includes(s.id));
  return (
    <section className="wt-step" aria-labelledby={FOCUS_ID} data-testid="walkthrough.step" data-step-id={step.id} data-passed={passed}>
      <h4 className="wt-subheading" tabIndex={-1} id={FOCUS_ID}>
        {t('step.heading', { n: index + 1, total: chapter.steps.length })}
        <span className="wt-badge" data-mode={step.mode}>
          {t(`step.mode.${step.mode}`)}
        </span>
      </h4>
      <div className="wt-explanation" data-testid="walkthrough.explanation">
        <LessonText paragraphs={text(step.explanationKey)} />
      </div>
      <div className="wt-facts">
        <h5 className="wt-minor">{t('step.facts')}</h5>
        <ul data-testid="walkthrough.facts">
          {step.facts.map((fact) => (
            <li key={fact} data-fact-id={fact}>
              {t(`facts.${fact}`)}
            </li>
          ))}
        </ul>
      </div>
      <div className="wt-task" data-testid="walkthrough.task">
        <h5 className="wt-minor">{t('step.task')}</h5>
        <LessonText paragraphs={text(step.taskKey)} />
      </div>
      <CheckResult passedBefore={passed} />
      <Hints step={step} />
      <div className="wt-actions">
        <ShowMe />
        {passed ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              next();
              focusWalkthrough();
            }}
            data-testid="walkthrough.next"
          >
            {toQuiz ? t('step.toQuiz') : t('step.next')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              goToStep(index + 1);
              focusWalkthrough();
            }}
            data-testid="walkthrough.skip"
          >
            {t('step.skip')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The live check, announced politely whenever its text changes. */
function CheckResult({ passedBefore }: { passedBefore: boolean }) {
  const { t } = useTranslation('walkthrough');
  const text = useLessonText();
  const result = useWalkthrough((s) => s.result);
  const passed = result ? result.passed : passedBefore;
  return (
    <div className="wt-check" role="status" data-testid="walkthrough.check" data-passed={passed}>
      <h5 className="wt-minor">{t('check.heading')}</h5>
      {passed ? (
        <p className="wt-check-passed">
          <span aria-hidden="true">✓ </span>
          {t('check.passed')}
        </p>
      ) : result && !result.passed ? (
        <>
          <p>{t('check.missing')}</p>
          <ul className="wt-missing">
            {result.missing.map((missing, i) => (
              <li key={`${missing.key}-${i}`} data-testid="walkthrough.check.missing" data-key={missing.key}>
                <LessonText as="span" paragraphs={text(missing.key, missing.values)} commands={false} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="wt-quiet">{t('check.waiting')}</p>
      )}
    </div>
  );
}

function Hints({ step }: { step: Step }) {
  const { t } = useTranslation('walkthrough');
  const text = useLessonText();
  const shown = useWalkthrough((s) => s.hintsShown);
  const { revealHint } = useWalkthroughActions();
  const list = useRef<HTMLOListElement>(null);
  if (step.hints.length === 0) return null;
  return (
    <div className="wt-hints">
      <h5 className="wt-minor">{t('hints.heading')}</h5>
      {shown > 0 && (
        <ol className="wt-hint-list" ref={list}>
          {step.hints.slice(0, shown).map((key) => (
            <li key={key} className="wt-hint" tabIndex={-1} data-testid="walkthrough.hint">
              <LessonText as="span" paragraphs={text(key)} />
            </li>
          ))}
        </ol>
      )}
      {shown < step.hints.length && (
        <button
          type="button"
          className="button"
          onClick={() => {
            revealHint();
            // The new hint takes focus, so a screen reader reads it and the keyboard stays near.
            requestAnimationFrame(() => list.current?.querySelector<HTMLElement>('li:last-child')?.focus());
          }}
          data-testid="walkthrough.hint.reveal"
        >
          {t('hints.reveal', { n: shown + 1, total: step.hints.length })}
        </button>
      )}
    </div>
  );
}

function ShowMe() {
  const { t } = useTranslation('walkthrough');
  const text = useLessonText();
  const showing = useWalkthrough((s) => s.showing);
  const { showMe } = useWalkthroughActions();
  return (
    <div className="wt-show-me">
      <button type="button" className="button" disabled={showing.phase === 'running'} onClick={() => void showMe()} aria-describedby="wt-show-me-explain" data-testid="walkthrough.showMe">
        {t('showMe.button')}
      </button>
      <span id="wt-show-me-explain" className="visually-hidden">
        {t('showMe.explain')}
      </span>
      <p role="status" className="wt-quiet" data-testid="walkthrough.showMe.status" data-phase={showing.phase}>
        {showing.phase === 'running'
          ? t('showMe.running', { done: showing.done, total: showing.total })
          : showing.phase === 'blocked'
            ? t('showMe.blocked', { reason: plainText(text(showing.missing.key, showing.missing.values)) })
            : ''}
      </p>
    </div>
  );
}
