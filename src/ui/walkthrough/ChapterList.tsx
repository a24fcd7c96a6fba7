import { useTranslation } from 'react-i18next';
import { CHAPTERS, chapterDone, quizScore, type Chapter, type LessonProgress } from '../../lessons';
import { FOCUS_ID } from './focus';
import { progressOf } from './record';
import { useWalkthrough, useWalkthroughActions } from './WalkthroughContext';

type Status = 'new' | 'started' | 'done';

function statusOf(chapter: Chapter, progress: LessonProgress | undefined): Status {
  if (!progress) return 'new';
  return chapterDone(chapter, progress) ? 'done' : 'started';
}

/** The chapters in order, each with how far the learner got; one opens with Enter or a click. */
export function ChapterList() {
  const { t } = useTranslation('walkthrough');
  const { t: lesson } = useTranslation('lessons');
  const progress = useWalkthrough((s) => s.progress);
  const { showChapter } = useWalkthroughActions();
  return (
    <div className="wt-chapters" data-testid="walkthrough.chapters">
      <h3 className="wt-heading" tabIndex={-1} id={FOCUS_ID}>
        {t('chapters.heading')}
      </h3>
      <p className="wt-quiet">{t('chapters.intro')}</p>
      <ol className="wt-chapter-list">
        {CHAPTERS.map((chapter, i) => {
          const record = progressOf({ progress }, chapter.id);
          const status = statusOf(chapter, record);
          const score = record && quizScore(chapter, record);
          return (
            <li key={chapter.id} className="wt-chapter" data-testid="walkthrough.chapter" data-chapter-id={chapter.id} data-status={status}>
              <button type="button" className="wt-chapter-button" onClick={() => showChapter(chapter.id)} aria-describedby={`wt-chapter-${chapter.id}`} data-testid="walkthrough.chapter.open">
                <span className="wt-chapter-number">{t('chapters.number', { n: i + 1 })}</span>
                <span className="wt-chapter-title">{lesson(chapter.titleKey)}</span>
              </button>
              <span id={`wt-chapter-${chapter.id}`} className="wt-chapter-status" data-testid="walkthrough.chapter.status">
                {status === 'done' && <span aria-hidden="true">✓ </span>}
                {status === 'new'
                  ? t('chapters.status.new')
                  : status === 'done'
                    ? t('chapters.status.done')
                    : `${t('chapters.status.steps', { done: record?.completed.length ?? 0, total: chapter.steps.length })}${score?.answered ? ` · ${t('chapters.status.quiz', { correct: score.correct, total: score.total })}` : ''}`}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
