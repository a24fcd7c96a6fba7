import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ConsolePanel } from './pages/ConsolePanel';
import { GraphPanel } from './pages/GraphPanel';
import { LabPage } from './pages/LabPage';
import { WalkthroughPanel } from './pages/WalkthroughPanel';

const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const LAUNCH = (name: string, profile: string) =>
  `aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=${profile} --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=${name}}]'`;

const TEXT = {
  en: {
    passed: 'Done. The lab shows what this step asked for.',
    noRole: 'There is no role named lab-web-role yet.',
    noPermissions: 'app-role has no permissions policy yet, so it may do nothing.',
    emptyProfile: 'No roles attached to instance profile: sample-profile',
    right: 'Right.',
    wrong: 'Not quite. Try another answer.',
    chapter1: 'The console path',
  },
  ja: {
    passed: '完了です。このステップで求められた状態になっています。',
    noRole: 'ロール lab-web-role はまだありません。',
    noPermissions: 'app-role には許可ポリシーがまだないので、何もできません。',
    emptyProfile: 'インスタンスプロファイルにアタッチされたロールがありません: sample-profile',
    right: '正解です。',
    wrong: '違います。別の答えを選んでみてください。',
    chapter1: 'コンソールで作る',
  },
} as const;

/**
 * The right option of each question, as the chapters define them (`src/lessons/chapters/`; the
 * spec cannot import the simulator, whose models are JSON modules).
 */
const QUIZZES: Record<string, Record<string, string>> = {
  'console-path': { 'what-exists': 'b', 'role-page': 'c', dropdown: 'a', 'security-tab': 'd' },
  'cli-path': { 'which-fails': 'c', 'new-profile': 'b', 'query-arn': 'a', propagation: 'd', 'infrastructure-as-code': 'b' },
  'same-names': { 'empty-tab': 'b', 'second-role': 'c', 'tag-where': 'a', 'get-resources': 'd', 'same-key': 'b' },
};

/** IAM › Roles › Create role › AWS service › the use case › (policies) › name › Create role. */
async function consoleRole(awsConsole: ConsolePanel, useCase: string, roleName: string, policies: readonly string[]): Promise<void> {
  await awsConsole.home('iam');
  await awsConsole.roles().getByTestId('console.iam.roles.create').click();
  const wizard = awsConsole.createRoleWizard();
  await wizard.getByTestId('console.iam.createRole.useCase').selectOption(useCase);
  await wizard.getByTestId('console.iam.createRole.next').click();
  for (const policy of policies) {
    await wizard.getByTestId('console.iam.createRole.policySearch').fill(policy);
    await wizard.locator(`[data-testid="console.iam.createRole.policy"][data-policy-name="${policy}"] input[type="checkbox"]`).check();
  }
  await wizard.getByTestId('console.iam.createRole.next').click();
  await wizard.getByTestId('console.iam.createRole.roleName').fill(roleName);
  await wizard.getByTestId('console.iam.createRole.submit').click();
}

async function instanceId(lab: LabPage, name: string): Promise<string> {
  const instances = Object.values((await lab.published())?.sim.tables.instances ?? {});
  const found = instances.find((i) => i.Tags.some((t) => t.Key === 'Name' && t.Value === name));
  if (!found) throw new Error(`no instance ${name}`);
  return found.InstanceId;
}

/** Answers every question of the chapter's quiz: the first one wrong once, then each one right. */
async function passQuiz(walkthrough: WalkthroughPanel, language: 'en' | 'ja', chapterId: string): Promise<void> {
  await expect(walkthrough.quiz).toBeVisible();
  const answers = Object.entries(QUIZZES[chapterId] ?? {});
  await expect(walkthrough.quiz.getByTestId('walkthrough.quiz.question')).toHaveCount(answers.length);
  for (const [i, [questionId, right]] of answers.entries()) {
    if (i === 0) {
      const feedback = await walkthrough.answer(questionId, right === 'a' ? 'b' : 'a');
      await expect(feedback).toHaveAttribute('data-correct', 'false');
      await expect(feedback).toHaveText(TEXT[language].wrong);
      await expect(walkthrough.root.getByTestId('walkthrough.done')).toHaveCount(0);
    }
    const feedback = await walkthrough.answer(questionId, right);
    await expect(feedback).toHaveAttribute('data-correct', 'true');
    await expect(feedback).toContainText(TEXT[language].right);
    await expect(feedback.getByTestId('walkthrough.quiz.explanation')).not.toBeEmpty();
  }
  await expect(walkthrough.root.getByTestId('walkthrough.quiz.score')).toContainText(String(answers.length));
  await expect(walkthrough.root.getByTestId('walkthrough.done')).toBeVisible();
}

async function open(page: Page, language: 'en' | 'ja') {
  const lab = new LabPage(page);
  const walkthrough = new WalkthroughPanel(page);
  await lab.open();
  await lab.welcome.getByTestId('dialog.welcome.walkthrough').click();
  await expect(lab.welcome).toBeHidden();
  if (language === 'ja') await lab.language('ja').click();
  await expect(page.getByTestId('header.mode.walkthrough')).toHaveAttribute('aria-pressed', 'true');
  await expect(walkthrough.root.getByTestId('walkthrough.chapterTitle')).toContainText(TEXT[language].chapter1);
  return { lab, walkthrough, awsConsole: new ConsolePanel(page), graph: new GraphPanel(page) };
}

for (const language of ['en', 'ja'] as const) {
  test.describe(`walkthrough (${language})`, () => {
    test('chapters 1–3 through the console and the terminal, each step checked against the lab, each quiz answered', async ({ page }) => {
      test.setTimeout(240_000);
      const { lab, walkthrough, awsConsole, graph } = await open(page, language);

      // Chapter 1, the console path: an empty lab needs no confirmation.
      await walkthrough.startPrepared();
      await walkthrough.expectStep('create-ec2-role', false);
      await expect(walkthrough.missing).toHaveText([TEXT[language].noRole]);
      await walkthrough.revealHint.click();
      await expect(walkthrough.hints).toHaveCount(1);
      await expect(walkthrough.hints.first()).toBeFocused();
      await walkthrough.revealHint.click();
      await expect(walkthrough.hints).toHaveCount(2);
      await expect(walkthrough.revealHint).toHaveCount(0);

      await awsConsole.show();
      await awsConsole.createEc2Role('lab-web-role', ['AmazonS3ReadOnlyAccess']);
      await expect(awsConsole.flash).toHaveAttribute('data-tone', 'success');
      // One click in the console, four API calls: the role, its policy, and a same-named profile holding it (F3).
      expect((await awsConsole.lastCalls()).map((c) => c.cli.split(' --')[0])).toEqual([
        'aws iam create-role',
        'aws iam attach-role-policy',
        'aws iam create-instance-profile',
        'aws iam add-role-to-instance-profile',
      ]);
      await walkthrough.expectStep('create-ec2-role', true);
      await expect(walkthrough.check).toContainText(TEXT[language].passed);
      await expect(graph.node('role:lab-web-role')).toBeVisible();
      await expect(graph.node('profile:lab-web-role')).toBeVisible();
      await expect(awsConsole.rolePage().getByTestId('console.iam.role.profileArns')).toContainText('arn:aws:iam::123456789012:instance-profile/lab-web-role');
      await walkthrough.next.click();

      await walkthrough.expectStep('launch-with-role', false);
      await expect(walkthrough.missing).toHaveCount(1);
      await awsConsole.launch('lab-web-1', 'lab-web-role');
      await walkthrough.expectStep('launch-with-role', true);
      const web1 = await instanceId(lab, 'lab-web-1');
      await expect(graph.node(`instance:${web1}`)).toBeVisible();
      await expect(graph.edges('uses-profile')).toHaveCount(1);
      const security = await awsConsole.openInstance(web1, 'security');
      await expect(security.getByTestId('console.ec2.security.iamRole')).toHaveText('lab-web-role');
      await walkthrough.next.click();

      await walkthrough.expectStep('task-role', false);
      await consoleRole(awsConsole, 'ecs-tasks', 'lab-task-role', ['AmazonS3ReadOnlyAccess']);
      await walkthrough.expectStep('task-role', true);
      // No profile for a task role: its page shows the role's ARN only (F22).
      await expect(graph.node('role:lab-task-role')).toBeVisible();
      await expect(graph.node('profile:lab-task-role')).toHaveCount(0);
      await expect(awsConsole.rolePage().getByTestId('console.iam.role.profileArns')).toHaveCount(0);
      await walkthrough.next.click();
      await passQuiz(walkthrough, language, 'console-path');
      await walkthrough.root.getByTestId('walkthrough.nextChapter').click();

      // Chapter 2, the CLI path: the lab has content now, so the prepared (empty) lab asks first.
      await walkthrough.root.getByTestId('walkthrough.startPrepared').click();
      await expect(walkthrough.prepareDialog).toBeVisible();
      await expect(walkthrough.prepareDialog.getByTestId('dialog.prepare.cancel')).toBeFocused();
      await walkthrough.prepareDialog.getByTestId('dialog.prepare.confirm').click();
      await walkthrough.expectStep('create-role', false);
      expect(await lab.roleNames()).toEqual([]);
      await expect(graph.empty).toBeVisible();

      await lab.terminal.run('aws iam create-role --role-name app-role --assume-role-policy-document file://ec2-role-trust-policy.json');
      await expect(walkthrough.missing).toHaveText([TEXT[language].noPermissions]);
      await lab.terminal.run(`aws iam attach-role-policy --role-name app-role --policy-arn ${S3_READ}`);
      await walkthrough.expectStep('create-role', true);
      await expect(graph.node('role:app-role')).toBeVisible();
      await expect(graph.nodes('profile')).toHaveCount(0);
      await walkthrough.next.click();

      // The step passes on the error EC2 answers a role name with (F6): the request's, whatever the
      // terminal showed (standard error went to a file here).
      await walkthrough.expectStep('role-name-fails', false);
      await lab.terminal.run(`${LAUNCH('app-1', 'app-role')} 2> err.txt`);
      await walkthrough.expectStep('role-name-fails', true);
      const refused = await lab.terminal.run('cat err.txt');
      await expect(refused).toContainText('Invalid IAM Instance Profile name');
      await walkthrough.revealHint.click();
      // A reload resumes the step as it was: the error met still passes it, the hint is still shown.
      await lab.reload();
      await walkthrough.expectStep('role-name-fails', true);
      await expect(walkthrough.hints).toHaveCount(1);
      await walkthrough.next.click();

      await walkthrough.expectStep('create-profile', false);
      await lab.terminal.run('aws iam create-instance-profile --instance-profile-name app-profile');
      await walkthrough.expectStep('create-profile', true);
      await expect(graph.node('profile:app-profile')).toBeVisible();

      // Progress survives a reload: the same step, still passed.
      await lab.reload();
      await walkthrough.expectStep('create-profile', true);
      await expect(walkthrough.root.locator('[data-testid="walkthrough.steps.item"][data-passed="true"]')).toHaveCount(3);
      await walkthrough.next.click();

      // Show me performs the step through the terminal, with the real names.
      await walkthrough.expectStep('add-role', false);
      await walkthrough.showMe.click();
      await walkthrough.expectStep('add-role', true);
      await expect(lab.terminal.entries.filter({ hasText: 'aws iam add-role-to-instance-profile --instance-profile-name app-profile --role-name app-role' })).toHaveCount(1);
      await expect(graph.edges('contains-role')).toHaveCount(1);
      await walkthrough.next.click();

      await walkthrough.expectStep('launch-with-profile', false);
      await lab.terminal.run(LAUNCH('app-1', 'app-profile'));
      await walkthrough.expectStep('launch-with-profile', true);
      const arn = await lab.terminal.run('aws ec2 describe-instances --query "Reservations[].Instances[].IamInstanceProfile.Arn"');
      await expect(arn).toContainText('arn:aws:iam::123456789012:instance-profile/app-profile');
      await expect(graph.edges('uses-profile')).toHaveCount(1);
      await walkthrough.next.click();
      await passQuiz(walkthrough, language, 'cli-path');
      await walkthrough.root.getByTestId('walkthrough.nextChapter').click();

      // Chapter 3, same names: the prepared lab has a console-made role and its same-named profile.
      await walkthrough.startPrepared();
      await walkthrough.expectStep('empty-profile', false);
      await expect(graph.node('role:s3-FullAccess')).toBeVisible();
      await expect(graph.node('profile:s3-FullAccess')).toBeVisible();
      await lab.terminal.run('aws iam create-instance-profile --instance-profile-name sample-profile');
      await walkthrough.expectStep('empty-profile', true);
      await walkthrough.next.click();

      await walkthrough.expectStep('launch-empty', false);
      await awsConsole.show();
      await awsConsole.launch('sample-1', 'sample-profile');
      await walkthrough.expectStep('launch-empty', true);
      const sample1 = await instanceId(lab, 'sample-1');
      await expect(graph.warnings.first()).toBeVisible();
      const emptyTab = await awsConsole.openInstance(sample1, 'security');
      await expect(emptyTab.getByTestId('console.ec2.security.iamRole')).toHaveText(TEXT[language].emptyProfile);
      await walkthrough.next.click();

      await walkthrough.expectStep('fill-profile', false);
      await lab.terminal.run('aws iam add-role-to-instance-profile --instance-profile-name sample-profile --role-name s3-FullAccess');
      await walkthrough.expectStep('fill-profile', true);
      const filledTab = await awsConsole.openInstance(sample1, 'security');
      await expect(filledTab.getByTestId('console.ec2.security.iamRole')).toHaveText('s3-FullAccess');
      await walkthrough.next.click();

      await walkthrough.expectStep('tags', false);
      await lab.terminal.run('aws iam tag-role --role-name s3-FullAccess --tags Key=owner,Value=data-team');
      await expect(walkthrough.missing).toHaveCount(1);
      await expect(walkthrough.missing).toHaveAttribute('data-key', 'missing.profileTagMissing');
      await lab.terminal.run('aws iam tag-instance-profile --instance-profile-name s3-FullAccess --tags Key=owner,Value=platform-team');
      await walkthrough.expectStep('tags', true);
      await walkthrough.next.click();
      await passQuiz(walkthrough, language, 'same-names');

      // Sandbox mode closes the walkthrough; coming back finds it where it was, and the list shows three chapters done.
      await page.getByTestId('header.mode.sandbox').click();
      await expect(walkthrough.root).toHaveCount(0);
      await page.getByTestId('header.mode.walkthrough').click();
      await expect(walkthrough.root.getByTestId('walkthrough.done')).toBeVisible();
      await walkthrough.root.getByTestId('walkthrough.back').click();
      await expect(walkthrough.root.locator('[data-testid="walkthrough.chapter"][data-status="done"]')).toHaveCount(3);
      await expect(walkthrough.chapter('inside-instance')).toHaveAttribute('data-status', 'new');
    });
  });
}

type Doc = { document: { activeElement: { getAttribute(name: string): string | null } | null } };
const focusedTestId = (page: Page) => page.evaluate(() => (globalThis as unknown as Doc).document.activeElement?.getAttribute('data-testid') ?? null);

/** Presses Tab until the element with the test id has focus (at most 40 times), as a keyboard user would. */
async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focusedTestId(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('keyboard only: start, hints, show me, next, the quiz; focus follows each move; presentation mode keeps the step', async ({ page }) => {
  test.setTimeout(120_000);
  const { walkthrough, graph } = await open(page, 'en');
  await expect(walkthrough.root.getByTestId('walkthrough.chapterTitle')).toBeFocused();

  await tabTo(page, 'walkthrough.startPrepared');
  await page.keyboard.press('Enter');
  await walkthrough.expectStep('create-ec2-role', false);
  await expect(walkthrough.step.locator('h4')).toBeFocused();

  await tabTo(page, 'walkthrough.hint.reveal');
  await page.keyboard.press('Enter');
  await expect(walkthrough.hints.first()).toBeFocused();
  await tabTo(page, 'walkthrough.showMe');
  await page.keyboard.press('Enter');
  await walkthrough.expectStep('create-ec2-role', true);
  await expect(graph.node('profile:lab-web-role')).toBeVisible();
  await tabTo(page, 'walkthrough.next');
  await page.keyboard.press('Enter');
  await walkthrough.expectStep('launch-with-role', false);
  await expect(walkthrough.step.locator('h4')).toBeFocused();

  // A command in the lesson text goes into the terminal's command line, not run.
  await walkthrough.root.getByTestId('walkthrough.steps.item').nth(2).click();
  await walkthrough.expectStep('task-role', false);
  await walkthrough.revealHint.click();
  await walkthrough.revealHint.click();
  await walkthrough.hints.nth(1).getByTestId('walkthrough.code.paste').click();
  await expect(page.getByTestId('terminal.input')).toHaveValue('aws iam list-instance-profiles-for-role --role-name lab-task-role');

  // Presentation mode: graph and terminal, plus the step, whose show me and next work from there.
  await walkthrough.root.getByTestId('walkthrough.steps.item').nth(1).click();
  await page.getByTestId('header.presentation').click();
  const strip = page.getByTestId('walkthrough.presentation');
  await expect(strip).toContainText('lab-web-1');
  await expect(strip.getByTestId('walkthrough.presentation.next')).toBeDisabled();
  await strip.getByTestId('walkthrough.presentation.showMe').click();
  await expect(strip.getByTestId('walkthrough.presentation.check')).toHaveAttribute('data-passed', 'true');
  await strip.getByTestId('walkthrough.presentation.next').click();
  await expect(strip).toContainText('lab-task-role');
  await page.getByTestId('header.presentation').click();
  await expect(strip).toHaveCount(0);

  // The quiz by keyboard: arrows choose, Enter on the button checks.
  await walkthrough.root.getByTestId('walkthrough.steps.item').last().click();
  await expect(walkthrough.quiz.locator('h4')).toBeFocused();
  const first = walkthrough.question('what-exists');
  await first.locator('input[type="radio"]').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(first.locator('[data-option-id="b"] input')).toBeChecked();
  await tabTo(page, 'walkthrough.quiz.answer');
  await page.keyboard.press('Enter');
  await expect(first.getByTestId('walkthrough.quiz.feedback')).toHaveAttribute('data-correct', 'true');
});

for (const language of ['en', 'ja'] as const) {
  test(`the walkthrough panel has no detectable accessibility problems (${language})`, async ({ page }) => {
    const { walkthrough } = await open(page, language);
    const scan = async () => {
      const results = await new AxeBuilder({ page }).include('[data-testid="walkthrough.panel"]').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    };
    await scan();
    await walkthrough.startPrepared();
    await walkthrough.revealHint.click();
    await scan();
    await walkthrough.root.getByTestId('walkthrough.steps.item').last().click();
    await walkthrough.answer('what-exists', 'a');
    await walkthrough.answer('role-page', 'c');
    await scan();
    await walkthrough.root.getByTestId('walkthrough.back').click();
    await scan();
  });
}

test('every piece of walkthrough text comes from the locale files (pseudo-locale)', async ({ page }) => {
  await page.goto('/?testapi&pseudo');
  const lab = new LabPage(page);
  const walkthrough = new WalkthroughPanel(page);
  await lab.ready();
  await lab.welcome.getByTestId('dialog.welcome.walkthrough').click();
  // The walkthrough loads on first use: its panel shows once its code and texts are in.
  await expect(walkthrough.root).toBeVisible();
  // Each block of text, code included and decorative glyphs left out, is one or more wrapped strings
  // (run in the page as text: the specs compile without the DOM library).
  const unwrapped = async () =>
    (await page.evaluate(`(() => {
      const root = document.querySelector('[data-testid="walkthrough.panel"]');
      const text = (el) => [...el.childNodes].map((n) => (n.nodeType === 3 ? n.textContent : n.nodeType === 1 && n.getAttribute('aria-hidden') !== 'true' ? text(n) : '')).join('');
      // A lesson text's paragraphs are one string split at its line breaks: read them together.
      const paragraphs = new Map();
      for (const p of root.querySelectorAll('p.wt-text')) paragraphs.set(p.parentElement, [...(paragraphs.get(p.parentElement) || []), text(p)]);
      const blocks = [...root.querySelectorAll('p:not(.wt-text), li, button, legend, summary, h3, h4, h5, label')].map(text);
      return [...blocks, ...[...paragraphs.values()].map((texts) => texts.join(' '))].map((t) => t.trim()).filter((t) => t !== '' && !/^⟦[^]*⟧$/.test(t));
    })()`)) as string[];
  expect(await unwrapped()).toEqual([]);
  await walkthrough.startPrepared();
  await walkthrough.revealHint.click();
  expect(await unwrapped()).toEqual([]);
  await walkthrough.root.getByTestId('walkthrough.steps.item').last().click();
  await walkthrough.answer('what-exists', 'b');
  expect(await unwrapped()).toEqual([]);
  await walkthrough.root.getByTestId('walkthrough.back').click();
  expect(await unwrapped()).toEqual([]);
});
