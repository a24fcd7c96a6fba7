import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const CREATE_ROLE = 'aws iam create-role --role-name s3access --assume-role-policy-document file://ec2-role-trust-policy.json';
const RUN_WITH_ROLE_NAME = 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=s3access';
const PROFILE_ERROR =
  'aws: [ERROR]: An error occurred (InvalidParameterValue) when calling the RunInstances operation: Value (s3access) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name';

test.describe('terminal', () => {
  test('create-role with a file:// trust policy prints the role as highlighted JSON, with a clickable ARN', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await expect(lab.terminal.prompt).toHaveText('learner@iam-lab:~$');

    const entry = await lab.terminal.run(CREATE_ROLE);
    const stdout = entry.getByTestId('terminal.stdout');
    await expect(stdout).toContainText('"RoleName": "s3access"');
    await expect(stdout).toContainText('"Service": "ec2.amazonaws.com"');
    const json = JSON.parse((await stdout.textContent()) ?? '') as { Role: { RoleName: string; Arn: string } };
    expect(json.Role.Arn).toBe('arn:aws:iam::123456789012:role/s3access');
    await expect(stdout.locator('.tok-key').first()).toHaveText('"Role"');
    expect(await lab.roleNames()).toEqual(['s3access']);

    await stdout.getByRole('button', { name: 'arn:aws:iam::123456789012:role/s3access' }).click();
    expect(await lab.selectedNodeId()).toBe('role:s3access');
    await expect(page.getByTestId('details.selected')).toHaveAttribute('data-node-id', 'role:s3access');
  });

  test('run-instances with the role name shows AWS\'s error, then a hint in the learner\'s language', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await lab.terminal.run(CREATE_ROLE);
    const entry = await lab.terminal.run(RUN_WITH_ROLE_NAME);

    await expect(entry).toHaveAttribute('data-exit-code', '254');
    await expect(entry.getByTestId('terminal.stdout')).toHaveCount(0);
    await expect(entry.getByTestId('terminal.stderr')).toContainText(PROFILE_ERROR);
    const hint = entry.getByTestId('terminal.hint');
    await expect(hint).toHaveAttribute('data-hint', 'invalidProfileName');
    await expect(hint).toContainText("EC2 takes an instance profile's name, not a role's.");

    await lab.language('ja').click();
    await expect(hint).toContainText('EC2 に指定するのはロール名ではなく、インスタンスプロファイル名です。');
    await expect(entry.getByTestId('terminal.stderr')).toContainText(PROFILE_ERROR);
  });

  test('a reload brings back the output, the command history and the lab', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await lab.terminal.run(CREATE_ROLE);
    await lab.terminal.run('aws iam list-roles --query "Roles[].RoleName" --output text');
    await expect(lab.terminal.lastEntry().getByTestId('terminal.stdout')).toHaveText('s3access\n');

    await lab.reload();
    await expect(lab.welcome).toBeHidden();
    await expect(lab.terminal.entries).toHaveCount(2);
    await expect(lab.terminal.entries.first()).toContainText('"RoleName": "s3access"');
    expect(await lab.roleNames()).toEqual(['s3access']);

    await lab.terminal.input.focus();
    await lab.terminal.input.press('ArrowUp');
    await expect(lab.terminal.input).toHaveValue('aws iam list-roles --query "Roles[].RoleName" --output text');
    await lab.terminal.input.press('ArrowUp');
    await expect(lab.terminal.input).toHaveValue(CREATE_ROLE);
    await lab.terminal.input.press('ArrowDown');
    await lab.terminal.input.press('ArrowDown');
    await expect(lab.terminal.input).toHaveValue('');
  });

  test('the language switch changes the UI text and <html lang>, and is remembered', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await expect(lab.html).toHaveAttribute('lang', 'en');
    await expect(lab.panel('terminal').getByRole('heading')).toHaveText('Terminal');
    await expect(lab.language('en')).toHaveAttribute('aria-pressed', 'true');

    await lab.language('ja').click();
    await expect(lab.html).toHaveAttribute('lang', 'ja');
    await expect(lab.language('ja')).toHaveAttribute('aria-pressed', 'true');
    await expect(lab.panel('terminal').getByRole('heading')).toHaveText('ターミナル');
    await expect(page.getByTestId('scenario.menu')).toContainText('シナリオ');
    await expect(lab.terminal.input).toHaveAccessibleName('コマンドライン');

    // Kept in IndexedDB with the rest of what a reload brings back.
    const savedLanguage = () =>
      page.evaluate(
        () =>
          new Promise<unknown>((resolve, reject) => {
            const opening = indexedDB.open('iam-lab-prefs');
            opening.onerror = () => reject(opening.error);
            opening.onsuccess = () => {
              const read = opening.result.transaction('prefs').objectStore('prefs').get('prefs');
              read.onsuccess = () => resolve((read.result as { language?: string } | undefined)?.language);
              read.onerror = () => reject(read.error);
            };
          }),
      );
    await expect.poll(savedLanguage).toBe('ja');

    await lab.reload();
    await expect(lab.html).toHaveAttribute('lang', 'ja');
    await expect(lab.panel('terminal').getByRole('heading')).toHaveText('ターミナル');

    await lab.language('en').click();
    await expect(lab.html).toHaveAttribute('lang', 'en');
    await expect(lab.panel('terminal').getByRole('heading')).toHaveText('Terminal');
  });

  test('a Japanese browser gets Japanese on its first visit', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const lab = new LabPage(await context.newPage());
    await lab.open();
    await expect(lab.html).toHaveAttribute('lang', 'ja');
    await expect(lab.welcome).toContainText('IAM Lab へようこそ');
    await context.close();
  });

  test('keyboard only: Tab into the terminal, complete a word and run a command', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    // The welcome dialog opens with "Open the sandbox" focused.
    await page.keyboard.press('Enter');
    await expect(lab.welcome).toBeHidden();
    await page.locator('body').focus();

    let presses = 0;
    while (!(await lab.terminal.isFocused()) && presses < 40) {
      await page.keyboard.press('Tab');
      presses++;
    }
    await expect(lab.terminal.input).toBeFocused();

    // Several candidates: the word grows to what they share, and they are listed.
    await page.keyboard.type('aws iam list-rol');
    await page.keyboard.press('Tab');
    await expect(lab.terminal.input).toHaveValue('aws iam list-role');
    await expect(lab.terminal.completions).toContainText('list-roles');
    await page.keyboard.press('Control+c');

    // One candidate: the word is completed.
    await page.keyboard.type('aws sts get-caller-id');
    await page.keyboard.press('Tab');
    await expect(lab.terminal.input).toHaveValue('aws sts get-caller-identity ');
    await page.keyboard.press('Enter');
    await lab.terminal.idle();
    await expect(lab.terminal.lastEntry().getByTestId('terminal.stdout')).toContainText('"Arn": "arn:aws:iam::123456789012:user/learner"');
    await expect(lab.terminal.input).toBeFocused();

    // Shift+Tab reaches the output; the arrow keys walk its ids, Enter shows one in the graph.
    await lab.terminal.run(CREATE_ROLE);
    await lab.terminal.input.focus();
    await page.keyboard.press('Shift+Tab');
    await expect(lab.terminal.output).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(lab.terminal.output.getByRole('button', { name: 'arn:aws:iam::123456789012:role/s3access' })).toBeFocused();
    await page.keyboard.press('Enter');
    expect(await lab.selectedNodeId()).toBe('role:s3access');
    await lab.terminal.input.focus();

    // Escape, then Tab, leaves the command line: no keyboard trap.
    await page.keyboard.type('aws');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(lab.terminal.input).not.toBeFocused();
  });

  test('a pasted block runs command by command; an unfinished line continues with "> "', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await lab.terminal.input.fill(`${CREATE_ROLE.replace(' --assume', ' \\\n  --assume')}\n\naws iam get-role --role-name s3access --query Role.RoleName`);
    await lab.terminal.input.press('Enter');
    await lab.terminal.idle();
    await expect(lab.terminal.entries).toHaveCount(2);
    await expect(lab.terminal.entries.nth(0)).toContainText('> --assume-role-policy-document');
    await expect(lab.terminal.entries.nth(1).getByTestId('terminal.stdout')).toHaveText('"s3access"\n');

    await lab.terminal.input.fill('aws iam get-role \\');
    await lab.terminal.input.press('Enter');
    await expect(lab.terminal.pending).toContainText('aws iam get-role \\');
    await expect(lab.terminal.prompt).toHaveText('>');
    await lab.terminal.input.fill('--role-name nobody');
    await lab.terminal.input.press('Enter');
    await lab.terminal.idle();
    await expect(lab.terminal.pending).toHaveCount(0);
    await expect(lab.terminal.lastEntry().getByTestId('terminal.stderr')).toContainText('(NoSuchEntity)');
    await expect(lab.terminal.lastEntry().getByTestId('terminal.hint')).toHaveAttribute('data-hint', 'noSuchEntity');
  });

  test('Ctrl+C drops the line and Ctrl+L clears the screen', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await lab.terminal.run('aws iam list-roles');
    await lab.terminal.input.fill('aws iam delete-role --role-name x');
    await lab.terminal.input.press('Control+c');
    await expect(lab.terminal.input).toHaveValue('');
    await expect(lab.terminal.lastEntry()).toHaveText('learner@iam-lab:~$ aws iam delete-role --role-name x^C');
    await lab.terminal.input.press('Control+l');
    await expect(lab.terminal.entries).toHaveCount(0);
  });

  test('Japanese input: Enter while the IME composes belongs to the IME; the committed text runs as typed', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.openSandbox();
    await lab.terminal.input.fill('echo ');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ろーる', selectionStart: 3, selectionEnd: 3 });
    await expect(lab.terminal.input).toHaveValue('echo ろーる');
    // What the browser sends for Enter that picks a conversion candidate: a keydown marked as composing.
    await lab.terminal.input.dispatchEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true });
    await cdp.send('Input.insertText', { text: 'ロール' });
    await expect(lab.terminal.input).toHaveValue('echo ロール');
    await expect(lab.terminal.entries).toHaveCount(0);

    const entry = await lab.terminal.run(await lab.terminal.input.inputValue());
    await expect(entry.getByTestId('terminal.stdout')).toHaveText('ロール');
    await cdp.detach();
  });
});
