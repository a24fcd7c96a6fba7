import { expect, type Locator, type Page } from '@playwright/test';

/** The guided walkthrough in the left-hand panel: chapters, the current step with its check, hints, show me, the quiz. */
export class WalkthroughPanel {
  readonly root: Locator;
  readonly chapters: Locator;
  readonly step: Locator;
  readonly check: Locator;
  readonly missing: Locator;
  readonly hints: Locator;
  readonly revealHint: Locator;
  readonly showMe: Locator;
  readonly showMeStatus: Locator;
  readonly next: Locator;
  readonly quiz: Locator;
  readonly prepareDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('walkthrough.panel');
    this.chapters = this.root.getByTestId('walkthrough.chapter');
    this.step = this.root.getByTestId('walkthrough.step');
    this.check = this.root.getByTestId('walkthrough.check');
    this.missing = this.check.getByTestId('walkthrough.check.missing');
    this.hints = this.root.getByTestId('walkthrough.hint');
    this.revealHint = this.root.getByTestId('walkthrough.hint.reveal');
    this.showMe = this.root.getByTestId('walkthrough.showMe');
    this.showMeStatus = this.root.getByTestId('walkthrough.showMe.status');
    this.next = this.root.getByTestId('walkthrough.next');
    this.quiz = this.root.getByTestId('walkthrough.quiz');
    this.prepareDialog = page.getByTestId('dialog.prepare');
  }

  chapter(id: string): Locator {
    return this.root.locator(`[data-testid="walkthrough.chapter"][data-chapter-id="${id}"]`);
  }

  /** Starts the chapter on screen from its prepared lab, confirming the replacement when the lab has content. */
  async startPrepared(): Promise<void> {
    await this.root.getByTestId('walkthrough.startPrepared').click();
    if (await this.prepareDialog.isVisible()) await this.prepareDialog.getByTestId('dialog.prepare.confirm').click();
    await expect(this.step).toBeVisible();
  }

  /** Waits until the step on screen is `stepId` and its check has the given outcome. */
  async expectStep(stepId: string, passed: boolean): Promise<void> {
    await expect(this.step).toHaveAttribute('data-step-id', stepId);
    await expect(this.check).toHaveAttribute('data-passed', String(passed));
  }

  /** The `missing.*` keys the failing check lists, in order. */
  async missingKeys(): Promise<string[]> {
    const keys: string[] = [];
    for (const item of await this.missing.all()) keys.push((await item.getAttribute('data-key')) ?? '');
    return keys;
  }

  question(id: string): Locator {
    return this.quiz.locator(`[data-testid="walkthrough.quiz.question"][data-question-id="${id}"]`);
  }

  /** Chooses an option and checks the answer, as a learner would. */
  async answer(questionId: string, optionId: string): Promise<Locator> {
    const question = this.question(questionId);
    await question.locator(`[data-testid="walkthrough.quiz.option"][data-option-id="${optionId}"] input`).check();
    await question.getByTestId('walkthrough.quiz.answer').click();
    return question.getByTestId('walkthrough.quiz.feedback');
  }
}
