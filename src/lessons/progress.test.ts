import { describe, expect, it } from 'vitest';
import { CHAPTERS, chapterById } from '.';
import { advance, answerQuestion, chapterDone, goToStep, quizScore, readProgress, recordCheck, startChapter, type LessonProgress } from './progress';
import type { Chapter, CheckResult } from './types';

const chapter = chapterById('cli-path') as Chapter;
const [s0, s1, s2, s3, s4] = chapter.steps.map((s) => s.id);
const PASS: CheckResult = { passed: true };
const FAIL: CheckResult = { passed: false, missing: [{ key: 'missing.roleMissing', values: { role: 'app-role' } }] };
const at = (stepIndex: number, completed: string[] = []): LessonProgress => ({ chapterId: 'cli-path', stepIndex, completed, quizAnswers: {} });
const correctOption = (c: Chapter, questionId: string): string => c.quiz.find((q) => q.id === questionId)?.options.find((o) => o.correct)?.id ?? '';
const wrongOption = (c: Chapter, questionId: string): string => c.quiz.find((q) => q.id === questionId)?.options.find((o) => !o.correct)?.id ?? '';

describe('progress through steps', () => {
  it('starts a chapter at its first step with nothing done', () => {
    expect(startChapter(chapter)).toEqual(at(0));
    expect(JSON.parse(JSON.stringify(startChapter(chapter)))).toEqual(at(0));
  });

  it.each<[string, LessonProgress, CheckResult, LessonProgress]>([
    ['a pass completes the step, which stays on screen', at(0), PASS, at(0, [s0 as string])],
    ['a failure changes nothing', at(1, [s0 as string]), FAIL, at(1, [s0 as string])],
    ['a step passed again is not listed twice', at(0, [s0 as string]), PASS, at(0, [s0 as string])],
    ['a pass on the quiz page changes nothing', at(5), PASS, at(5)],
  ])('%s', (_name, before, result, after) => {
    expect(recordCheck(chapter, before, result)).toEqual(after);
  });

  it.each<[string, LessonProgress, number]>([
    ['to the next step', at(0, [s0 as string]), 1],
    ['past steps already completed', at(1, [s0, s1, s2] as string[]), 3],
    ['from the last step to the quiz', at(4, [s0, s1, s2, s3, s4] as string[]), 5],
    ['even from a step not passed yet (the learner may skip it)', at(2, [s0 as string]), 3],
    ['from the quiz nowhere further', at(5), 5],
  ])('advances %s', (_name, before, stepIndex) => {
    expect(advance(chapter, before)).toEqual({ ...before, stepIndex });
  });

  it.each([
    [-3, 0],
    [2, 2],
    [2.7, 2],
    [99, 5],
  ])('goes to step %s as step %s', (requested, index) => {
    expect(goToStep(chapter, at(0), requested).stepIndex).toBe(index);
  });
});

describe('the quiz', () => {
  const first = chapter.quiz[0]?.id ?? '';

  it('records an answer and says whether it is right, with the explanation', () => {
    const right = answerQuestion(chapter, at(5), first, correctOption(chapter, first));
    expect(right).toEqual({ known: true, correct: true, explanationKey: chapter.quiz[0]?.explanationKey, progress: { ...at(5), quizAnswers: { [first]: correctOption(chapter, first) } } });
    const wrong = answerQuestion(chapter, at(5), first, wrongOption(chapter, first));
    expect(wrong.known && wrong.correct).toBe(false);
  });

  it.each([
    ['an unknown question', 'no-such-question', 'a'],
    ['an unknown option', first, 'z'],
  ])('refuses %s', (_name, questionId, optionId) => {
    expect(answerQuestion(chapter, at(5), questionId, optionId)).toEqual({ known: false });
  });

  it('scores answers and is done only when every step passed and every answer is right', () => {
    let progress = at(5, chapter.steps.map((s) => s.id));
    expect(quizScore(chapter, progress)).toEqual({ answered: 0, correct: 0, total: chapter.quiz.length });
    for (const question of chapter.quiz) {
      const answer = answerQuestion(chapter, progress, question.id, wrongOption(chapter, question.id));
      if (answer.known) progress = answer.progress;
    }
    expect(quizScore(chapter, progress)).toEqual({ answered: chapter.quiz.length, correct: 0, total: chapter.quiz.length });
    expect(chapterDone(chapter, progress)).toBe(false);
    for (const question of chapter.quiz) {
      const answer = answerQuestion(chapter, progress, question.id, correctOption(chapter, question.id));
      if (answer.known) progress = answer.progress;
    }
    expect(chapterDone(chapter, progress)).toBe(true);
    expect(chapterDone(chapter, { ...progress, completed: progress.completed.slice(1) })).toBe(false);
  });
});

describe('readProgress', () => {
  it('reads back a saved record', () => {
    const saved = { ...at(2, [s0 as string, s1 as string]), quizAnswers: { 'which-fails': 'c' } };
    expect(readProgress(JSON.parse(JSON.stringify(saved)), CHAPTERS)).toEqual(saved);
  });

  it('drops ids the chapter no longer has, and clamps the step', () => {
    const saved = { chapterId: 'cli-path', stepIndex: 40, completed: [s0, 'gone', s0, 7], quizAnswers: { 'which-fails': 'z', 'new-profile': 'b', gone: 'a', constructor: 'a' } };
    expect(readProgress(saved, CHAPTERS)).toEqual({ chapterId: 'cli-path', stepIndex: 5, completed: [s0], quizAnswers: { 'new-profile': 'b' } });
  });

  it.each([
    ['nothing', undefined],
    ['text', 'cli-path'],
    ['a list', []],
    ['an unknown chapter', { chapterId: 'nope', stepIndex: 0, completed: [], quizAnswers: {} }],
    ['a record without a chapter', { stepIndex: 0 }],
  ])('gives nothing for %s', (_name, value) => {
    expect(readProgress(value, CHAPTERS)).toBeUndefined();
  });

  it('starts over at the first step when the saved step is not a number', () => {
    expect(readProgress({ chapterId: 'cli-path', stepIndex: 'x', completed: 'y', quizAnswers: [] }, CHAPTERS)).toEqual(at(0));
  });
});
