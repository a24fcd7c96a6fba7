import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, LessonProgress } from '../../lessons';
import { ConfirmDialog } from '../app/Dialog';
import { useLab } from '../app/LabContext';
import { labHasContent } from '../store/share';
import { FOCUS_ID, focusWalkthrough } from './focus';
import { LessonText, useLessonText } from './LessonText';
import { QuizView } from './QuizView';
import { StepNav } from './StepNav';
import { StepView } from './StepView';
import { useWalkthrough, useWalkthroughActions } from './WalkthroughContext';

/** One chapter: its intro and how to start it, then its steps and its quiz. */
export function ChapterView({ chapter, number, progress }: { chapter: Chapter; number: number; progress: LessonProgress | undefined }) {
  const { t } = useTranslation('walkthrough');
  const { t: lesson } = useTranslation('lessons');
  const text = useLessonText();
  const { showChapter } = useWalkthroughActions();
  const [restarting, setRestarting] = useState(false);
  const step = progress && chapter.steps[progress.stepIndex];
  return (
    <article className="wt-chapter-view" data-testid="walkthrough.chapterView" data-chapter-id={chapter.id}>
      <button
        type="button"
        className="wt-back"
        onClick={() => {
          showChapter(undefined);
          focusWalkthrough();
        }}
        data-testid="walkthrough.back"
      >
        <span aria-hidden="true">← </span>
        {t('chapters.back')}
      </button>
      <h3 className="wt-heading" tabIndex={-1} id={progress ? undefined : FOCUS_ID} data-testid="walkthrough.chapterTitle">
        <span className="wt-chapter-number">{t('chapters.number', { n: number })}</span> {lesson(chapter.titleKey)}
      </h3>
      {progress && !restarting ? (
        <>
          <details className="wt-about">
            <summary>{t('about')}</summary>
            <LessonText paragraphs={text(chapter.introKey)} />
          </details>
          <StepNav chapter={chapter} progress={progress} />
          {step ? <StepView key={step.id} chapter={chapter} progress={progress} step={step} /> : <QuizView chapter={chapter} progress={progress} />}
          <button type="button" className="wt-link" onClick={() => setRestarting(true)} data-testid="walkthrough.restart">
            {t('start.restart')}
          </button>
        </>
      ) : (
        <>
          <div data-testid="walkthrough.intro">
            <LessonText paragraphs={text(chapter.introKey)} />
          </div>
          <StartChoices chapter={chapter} onStarted={() => setRestarting(false)} />
        </>
      )}
    </article>
  );
}

/** Start with the chapter's prepared lab (replacing the learner's, after a confirmation) or with the lab as it is. */
function StartChoices({ chapter, onStarted }: { chapter: Chapter; onStarted: () => void }) {
  const { t } = useTranslation('walkthrough');
  const { beginChapter } = useWalkthroughActions();
  const preparing = useWalkthrough((s) => s.preparing === chapter.id);
  const hasContent = useLab((s) => labHasContent(s.published));
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);

  const begin = async (prepared: boolean) => {
    setConfirming(false);
    const ok = await beginChapter(chapter.id, prepared);
    setFailed(!ok);
    if (!ok) return;
    onStarted();
    focusWalkthrough();
  };

  return (
    <section className="wt-start" aria-labelledby="wt-start-heading" data-testid="walkthrough.start">
      <h4 id="wt-start-heading" className="wt-subheading">
        {t('start.heading')}
      </h4>
      <div className="wt-start-choice">
        <button type="button" className="button button-primary" disabled={preparing} onClick={() => (hasContent ? setConfirming(true) : void begin(true))} aria-describedby="wt-start-prepared" data-testid="walkthrough.startPrepared">
          {t('start.prepared')}
        </button>
        <p id="wt-start-prepared" className="wt-quiet">
          {t('start.preparedBody', { what: chapter.scenario ? t('start.scenario') : t('start.empty') })}
        </p>
      </div>
      <div className="wt-start-choice">
        <button type="button" className="button" disabled={preparing} onClick={() => void begin(false)} aria-describedby="wt-start-as-is" data-testid="walkthrough.startAsIs">
          {t('start.asIs')}
        </button>
        <p id="wt-start-as-is" className="wt-quiet">
          {t('start.asIsBody')}
        </p>
      </div>
      <p role="status" className="wt-quiet" data-testid="walkthrough.start.status">
        {preparing ? t('start.preparing') : failed ? t('start.failed') : ''}
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('start.dialog.title')}
        body={t('start.dialog.body')}
        confirm={t('start.dialog.confirm')}
        cancel={t('start.dialog.cancel')}
        onConfirm={() => void begin(true)}
        onCancel={() => setConfirming(false)}
        testId="dialog.prepare"
        focus="cancel"
        danger
      />
    </section>
  );
}
