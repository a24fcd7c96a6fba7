import { expect, test, type Page } from '@playwright/test';
import { DetailsPanel } from './pages/DetailsPanel';
import { GraphPanel } from './pages/GraphPanel';
import { LabPage } from './pages/LabPage';

// Seed 004's CLI path, pasted into the terminal as one block.
const SEED_004 = [
  'aws iam create-role --role-name s3access --assume-role-policy-document file://ec2-role-trust-policy.json',
  'aws iam put-role-policy --role-name s3access --policy-name S3-Permissions --policy-document file://ec2-role-access-policy.json',
  'aws iam create-instance-profile --instance-profile-name s3access-profile',
  'aws iam add-role-to-instance-profile --instance-profile-name s3access-profile --role-name s3access',
  'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=s3access-profile',
];
const RUN_WITH_ROLE_NAME = 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=s3access';

async function open(page: Page) {
  const lab = new LabPage(page);
  await lab.openSandbox();
  return { lab, graph: new GraphPanel(page), details: new DetailsPanel(page) };
}

test.describe('live graph', () => {
  test('seed 004 pasted into the terminal draws the role, its profile and the instance, joined', async ({ page }) => {
    const { lab, graph } = await open(page);
    await expect(graph.empty).toBeVisible();
    await lab.terminal.run(SEED_004.join('\n'));
    await expect(lab.terminal.entries).toHaveCount(5);

    await expect(graph.node('role:s3access')).toBeVisible();
    await expect(graph.node('profile:s3access-profile')).toBeVisible();
    await expect(graph.node('inline:s3access/S3-Permissions')).toBeVisible();
    await expect(graph.nodes('instance')).toHaveCount(1);
    await expect(graph.empty).toBeHidden();
    // The profile is drawn holding its role; the instance shows its state.
    await expect(graph.node('profile:s3access-profile').getByTestId('graph.node.profile.slot')).toHaveText(/s3access$/);
    await expect(graph.nodes('instance').getByTestId('graph.node.instance.state')).toHaveAttribute('data-state', /pending|running/);
    await expect(graph.edges('contains-role')).toHaveCount(1);
    await expect(graph.edges('uses-profile')).toHaveCount(1);
    await expect(graph.edges('may-assume')).toHaveCount(1);
    // The association settles a few seconds later, and its label says so.
    await expect(graph.edgeLabels('uses-profile')).toHaveText('associated', { timeout: 15_000 });
    await expect(graph.warnings).toHaveCount(0);

    const published = await lab.published();
    const ids = published?.graph.nodes.map((n) => n.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining(['role:s3access', 'profile:s3access-profile', 'principal:service:ec2.amazonaws.com']));
    expect(Object.keys(published?.graph.positions ?? {}).sort()).toEqual([...ids].sort());
  });

  test('run-instances with the role name shows the error and adds no instance', async ({ page }) => {
    const { lab, graph } = await open(page);
    await lab.terminal.run(SEED_004[0]!);
    await expect(graph.node('role:s3access')).toBeVisible();
    const entry = await lab.terminal.run(RUN_WITH_ROLE_NAME);
    await expect(entry.getByTestId('terminal.stderr')).toContainText('Invalid IAM Instance Profile name');
    await expect(graph.nodes('instance')).toHaveCount(0);
    // The role that EC2 may assume but that no profile holds carries a warning.
    await expect(graph.warnings).toHaveCount(1);
    await expect(graph.warnings.first()).toContainText('s3access is in no instance profile');
  });

  test('clicking the profile shows get-instance-profile in the details, ready to paste into the terminal', async ({ page }) => {
    const { lab, graph, details } = await open(page);
    await lab.terminal.run(SEED_004.slice(0, 4).join('\n'));
    await graph.node('profile:s3access-profile').click();
    expect(await lab.selectedNodeId()).toBe('profile:s3access-profile');
    await expect(details.selected).toHaveAttribute('data-node-id', 'profile:s3access-profile');
    await expect(details.command).toHaveText('aws iam get-instance-profile --instance-profile-name s3access-profile');
    await expect(details.output).toContainText('"InstanceProfileName": "s3access-profile"');
    const json = JSON.parse((await details.output.textContent()) ?? '') as { InstanceProfile: { Roles: { RoleName: string }[] } };
    expect(json.InstanceProfile.Roles.map((r) => r.RoleName)).toEqual(['s3access']);
    // Reading it added nothing to the history.
    expect((await lab.published())?.shell.history).toHaveLength(4);

    await details.paste.click();
    await expect(lab.terminal.input).toHaveValue('aws iam get-instance-profile --instance-profile-name s3access-profile');
    await expect(lab.terminal.input).toBeFocused();
  });

  test('an empty profile attached to an instance is drawn with its warning, explained in the details, in both languages', async ({ page }) => {
    const { lab, graph, details } = await open(page);
    await lab.terminal.run(['aws iam create-instance-profile --instance-profile-name empty-profile', 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=empty-profile'].join('\n'));
    await expect(graph.node('profile:empty-profile').getByTestId('graph.node.profile.slot')).toHaveText('No role inside');
    await expect(graph.node('profile:empty-profile').getByTestId('graph.node.warning')).toBeVisible();
    await expect(graph.nodes('instance').getByTestId('graph.node.warning')).toBeVisible();
    await expect(graph.edgeLabels('uses-profile')).toHaveClass(/has-warning/);
    await expect(graph.warnings).toHaveCount(1);
    await expect(graph.warnings.first()).toHaveAttribute('data-code', 'empty-profile-attached');
    await expect(graph.warnings.first()).toContainText('which holds no role');

    await graph.warnings.first().click();
    await expect(details.selected).toHaveAttribute('data-node-id', 'profile:empty-profile');
    await expect(details.warnings).toHaveCount(1);
    await expect(details.warnings.first()).toContainText('the metadata service has none to give');
    await expect(details.fixes.first()).toHaveText('aws iam add-role-to-instance-profile --instance-profile-name empty-profile --role-name ROLE_NAME');

    await lab.language('ja').click();
    await expect(graph.warnings.first()).toContainText('ロールが入っていません');
    await expect(details.warnings.first()).toContainText('認証情報を見つけられません');
    await expect(graph.node('profile:empty-profile')).toContainText('インスタンスプロファイル');
  });

  test('keyboard: a node takes focus, Enter selects it; the filter hides a kind and brings it back in place', async ({ page }) => {
    const { lab, graph, details } = await open(page);
    await lab.terminal.run(SEED_004.slice(0, 3).join('\n'));
    const role = graph.nodeWrapper('role:s3access');
    await role.focus();
    await page.keyboard.press('Enter');
    await expect(details.selected).toHaveAttribute('data-node-id', 'role:s3access');
    await expect(details.command).toHaveText('aws iam get-role --role-name s3access');
    await expect(role).toHaveAttribute('aria-label', /^IAM role s3access/);

    const before = await graph.node('profile:s3access-profile').boundingBox();
    await graph.toggleKind('role');
    await expect(graph.nodes('role')).toHaveCount(0);
    await expect(graph.edges('has-inline-policy')).toHaveCount(0);
    await graph.toggleKind('role');
    await expect(graph.nodes('role')).toHaveCount(1);
    expect(await graph.node('profile:s3access-profile').boundingBox()).toEqual(before);
  });

  test('a dragged node stays where it was put, across a reload', async ({ page }) => {
    const { lab, graph } = await open(page);
    await lab.terminal.run(SEED_004.slice(0, 3).join('\n'));
    const before = (await lab.published())?.graph.positions['profile:s3access-profile'];
    const box = await graph.node('profile:s3access-profile').boundingBox();
    if (!box || !before) throw new Error('the profile is not drawn');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 120, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await lab.published())?.graph.positions['profile:s3access-profile']?.y).toBeGreaterThan(before.y + 40);
    const moved = (await lab.published())?.graph.positions['profile:s3access-profile'];

    await lab.reload();
    await expect(graph.node('profile:s3access-profile')).toBeVisible();
    expect((await lab.published())?.graph.positions['profile:s3access-profile']).toEqual(moved);
  });
});
