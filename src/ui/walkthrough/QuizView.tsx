import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAPTERS, chapterDone, quizScore, type Chapter, type LessonProgress, type QuizQuestion } from '../../lessons';
import { FOCUS_ID, focusWalkthrough } from './focus';
import { LessonText, useLessonText } from './LessonText';
import { useCloseWalkthrough } from './useOpenWalkthrough';
import { useWalkthroughActions } from './WalkthroughContext';

/** The chapter's quiz: exam-style questions, each checked on its own, explained once answered right. */
export function QuizView({ chapter, progress }: { chapter: Chapter; progress: LessonProgress }) {
  const { t } = useTranslation('walkthrough');
  const { t: lesson } = useTranslation('lessons');
  const { showChapter } = useWalkthroughActions();
  const closeWalkthrough = useCloseWalkthrough();
  const score = quizScore(chapter, progress);
  const done = chapterDone(chapter, progress);
  const following = CHAPTERS[CHAPTERS.findIndex((c) => c.id === chapter.id) + 1];
  return (
    <section className="wt-quiz" aria-labelledby={FOCUS_ID} data-testid="walkthrough.quiz">
      <h4 className="wt-subheading" tabIndex={-1} id={FOCUS_ID}>
        {t('quiz.heading')}
      </h4>
      <p className="wt-quiet">{t('quiz.intro')}</p>
      {chapter.quiz.map((question, i) => (
        <Question key={question.id} chapter={chapter} question={question} number={i + 1} chosen={Object.hasOwn(progress.quizAnswers, question.id) ? progress.quizAnswers[question.id] : undefined} />
      ))}
      <p className="wt-score" data-testid="walkthrough.quiz.score">
        {t('quiz.score', { correct: score.correct, total: score.total })}
      </p>
      {done && (
        <div className="wt-done" data-testid="walkthrough.done">
          <p>
            <span aria-hidden="true">✓ </span>
            {t('quiz.done')}
          </p>
          {following ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                showChapter(following.id);
                focusWalkthrough();
              }}
              data-testid="walkthrough.nextChapter"
            >
              {t('quiz.next', { title: lesson(following.titleKey) })}
            </button>
          ) : (
            <button type="button" className="button" onClick={closeWalkthrough} data-testid="walkthrough.finish">
              {t('quiz.finished')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function Question({ chapter, question, number, chosen }: { chapter: Chapter; question: QuizQuestion; number: number; chosen: string | undefined }) {
  const { t } = useTranslation('walkthrough');
  const text = useLessonText();
  const { answer } = useWalkthroughActions();
  const [choice, setChoice] = useState(chosen ?? '');
  const answered = question.options.find((o) => o.id === chosen);
  const name = `wt-quiz-${chapter.id}-${question.id}`;
  return (
    <fieldset className="wt-question" data-testid="walkthrough.quiz.question" data-question-id={question.id} data-answered={answered ? (answered.correct ? 'right' : 'wrong') : 'no'}>
      <legend>
        <span className="wt-question-number">{t('quiz.question', { n: number, total: chapter.quiz.length })}</span>{' '}
        <LessonText as="span" paragraphs={text(question.questionKey)} commands={false} />
      </legend>
      <div className="wt-options">
        {question.options.map((option) => (
          <label key={option.id} className="wt-option" data-testid="walkthrough.quiz.option" data-option-id={option.id}>
            <input type="radio" name={name} value={option.id} checked={choice === option.id} onChange={() => setChoice(option.id)} />
            <LessonText as="span" paragraphs={text(option.key)} commands={false} />
          </label>
        ))}
      </div>
      <button type="button" className="button" disabled={choice === ''} onClick={() => answer(question.id, choice)} data-testid="walkthrough.quiz.answer">
        {t('quiz.answer')}
      </button>
      <div role="status" className="wt-feedback" data-testid="walkthrough.quiz.feedback" data-correct={answered ? String(answered.correct === true) : undefined}>
        {answered &&
          (answered.correct ? (
            <>
              <p className="wt-check-passed">
                <span aria-hidden="true">✓ </span>
                {t('quiz.correct')}
              </p>
              <div data-testid="walkthrough.quiz.explanation">
                <LessonText paragraphs={text(question.explanationKey)} commands={false} />
              </div>
            </>
          ) : (
            <p>{t('quiz.wrong')}</p>
          ))}
      </div>
    </fieldset>
  );
}
