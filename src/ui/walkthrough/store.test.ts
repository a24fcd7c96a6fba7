import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../lessons';
import { createLabStore } from '../store/labStore';
import { readPrefs } from '../store/prefs';
import { postMessageLab } from './__tests__/labClient';
import { emptyRecord, readRecord, type WalkthroughRecord } from './record';
import { createWalkthroughStore, currentStep } from './store';

const prefs = readPrefs(null, { languages: ['en'], prefersDark: false });
const TRUST = `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`;

async function setup(record: WalkthroughRecord = emptyRecord(), client = postMessageLab().client) {
  const lab = createLabStore(client, prefs);
  await lab.getState().start([]);
  const saved: string[] = [];
  const walkthrough = createWalkthroughStore(lab, record, { showMePauseMs: 0, save: (text) => saved.push(text) });
  const missing = () => {
    const result = walkthrough.getState().result;
    return result && !result.passed ? result.missing.map((m) => m.key) : result;
  };
  return { lab, walkthrough, saved, missing, state: () => walkthrough.getState(), client };
}

/** A reload of the page: the worker keeps the lab, a new page resumes the walkthrough from what was saved last. */
const reload = (before: Awaited<ReturnType<typeof setup>>) => setup(readRecord(before.saved.at(-1) ?? null, CHAPTERS), before.client);

describe('walkthrough store', () => {
  it('checks the current step after every published change, and records a pass once', async () => {
    const { lab, walkthrough, missing, state } = await setup();
    await lab.getState().runCommands(['aws iam create-role --role-name leftover --assume-role-policy-document ' + TRUST]);
    expect(await walkthrough.getState().beginChapter('cli-path', true)).toBe(true);
    expect(Object.keys(lab.getState().published?.sim.tables.roles ?? {})).toEqual([]);
    expect(state().progress['cli-path']).toEqual({ chapterId: 'cli-path', stepIndex: 0, completed: [], quizAnswers: {} });
    expect(missing()).toEqual(['missing.roleMissing']);

    await lab.getState().runCommands([`aws iam create-role --role-name app-role --assume-role-policy-document ${TRUST}`]);
    expect(missing()).toEqual(['missing.roleHasNoPermissions']);
    await lab.getState().runCommands(['aws iam attach-role-policy --role-name app-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']);
    expect(state().result).toEqual({ passed: true });
    expect(state().progress['cli-path']?.completed).toEqual(['create-role']);
    // A passed step stays on screen until the learner goes on.
    expect(currentStep(state())?.step.id).toBe('create-role');
    await lab.getState().runCommands(['aws iam list-roles']);
    expect(state().progress['cli-path']?.completed).toEqual(['create-role']);

    walkthrough.getState().next();
    expect(currentStep(state())?.step.id).toBe('role-name-fails');
    expect(missing()).toEqual(['missing.failure.launchWithRoleName']);
  });

  it('"show me" sends the solution through the lab, one action after another, then checks', async () => {
    const { lab, walkthrough, state } = await setup();
    await walkthrough.getState().beginChapter('cli-path', true);
    const shown = walkthrough.getState().showMe();
    expect(state().showing).toEqual({ phase: 'running', done: 0, total: 2 });
    await shown;
    expect(state().showing).toEqual({ phase: 'idle' });
    expect(state().result).toEqual({ passed: true });
    expect(lab.getState().scrollback.map((e) => (e.kind === 'command' ? e.output.command.split(' ').slice(0, 3).join(' ') : e.kind))).toEqual(['note', 'aws iam create-role', 'aws iam attach-role-policy']);

    walkthrough.getState().next();
    await walkthrough.getState().showMe();
    // The launch fails, as the step wants: the error met is what passes it.
    expect(state().result).toEqual({ passed: true });
    expect(state().progress['cli-path']?.completed).toEqual(['create-role', 'role-name-fails']);
  });

  it('"show me" with placeholders: filled from the lab, or stopped with what is missing', async () => {
    const { lab, walkthrough, state } = await setup();
    await walkthrough.getState().beginChapter('cli-path', true);
    walkthrough.getState().goToStep(4);
    expect(currentStep(state())?.step.id).toBe('launch-with-profile');
    // The launch fails (no profile yet), so the waiter's instance is missing.
    await walkthrough.getState().showMe();
    expect(state().showing).toEqual({ phase: 'blocked', missing: { key: 'missing.instanceMissing', values: { name: 'app-1' } } });

    walkthrough.getState().goToStep(0);
    await walkthrough.getState().showMe();
    for (const step of [2, 3, 4]) {
      walkthrough.getState().goToStep(step);
      await walkthrough.getState().showMe();
      expect(state().result).toEqual({ passed: true });
    }
    const wait = lab.getState().scrollback.find((e) => e.kind === 'command' && e.output.command.startsWith('aws ec2 wait'));
    const instanceId = Object.values(lab.getState().published?.sim.tables.instances ?? {})[0]?.InstanceId;
    expect(wait?.kind === 'command' && wait.output.command).toBe(`aws ec2 wait instance-running --instance-ids ${instanceId}`);
  });

  it('stops "show me" when the learner moves to another step', async () => {
    const { lab, walkthrough, state } = await setup();
    await walkthrough.getState().beginChapter('cli-path', true);
    const shown = walkthrough.getState().showMe();
    walkthrough.getState().goToStep(2);
    await shown;
    await lab.getState().runCommands([]);
    expect(state().showing).toEqual({ phase: 'idle' });
    expect(lab.getState().scrollback.filter((e) => e.kind === 'command')).toHaveLength(0);
  });

  it('a console step passes from the console action "show me" makes', async () => {
    const { lab, walkthrough, state } = await setup();
    await walkthrough.getState().beginChapter('console-path', false);
    await walkthrough.getState().showMe();
    expect(state().result).toEqual({ passed: true });
    expect(lab.getState().consoleLog.map((entry) => entry.calls.map((c) => c.operation))).toEqual([['CreateRole', 'AttachRolePolicy', 'CreateInstanceProfile', 'AddRoleToInstanceProfile']]);
  });

  it('reveals hints one at a time, up to the step\'s number, and forgets them on the next step', async () => {
    const { walkthrough, state } = await setup();
    await walkthrough.getState().beginChapter('cli-path', false);
    for (let i = 0; i < 4; i++) walkthrough.getState().revealHint();
    expect(state().hintsShown).toBe(2);
    walkthrough.getState().goToStep(1);
    expect(state().hintsShown).toBe(0);
  });

  it('answers quiz questions and saves every change, so a new visit resumes where this one stopped', async () => {
    const { walkthrough, saved, state } = await setup();
    walkthrough.getState().setOpen(true);
    await walkthrough.getState().beginChapter('same-names', true);
    walkthrough.getState().next();
    walkthrough.getState().goToStep(4);
    expect(currentStep(state())).toBeUndefined();
    walkthrough.getState().answer('empty-tab', 'a');
    walkthrough.getState().answer('empty-tab', 'b');
    walkthrough.getState().answer('empty-tab', 'no-such-option');
    expect(state().progress['same-names']?.quizAnswers).toEqual({ 'empty-tab': 'b' });

    const record = readRecord(saved.at(-1) ?? null, CHAPTERS);
    expect(record).toEqual({
      open: true,
      chapterId: 'same-names',
      progress: { 'same-names': { chapterId: 'same-names', stepIndex: 4, completed: [], quizAnswers: { 'empty-tab': 'b' } } },
      observations: undefined,
      hintsShown: 0,
    });
    const again = await setup(record);
    expect(again.state().chapterId).toBe('same-names');
    expect(again.state().progress['same-names']?.quizAnswers).toEqual({ 'empty-tab': 'b' });
  });

  it('sandbox mode checks nothing; reopening checks at once', async () => {
    const { lab, walkthrough, state } = await setup();
    await walkthrough.getState().beginChapter('same-names', true);
    walkthrough.getState().setOpen(false);
    await lab.getState().runCommands(['aws iam create-instance-profile --instance-profile-name sample-profile']);
    expect(state().progress['same-names']?.completed).toEqual([]);
    walkthrough.getState().setOpen(true);
    expect(state().result).toEqual({ passed: true });
    expect(state().progress['same-names']?.completed).toEqual(['empty-profile']);
  });

  it('a resumed step is checked on the first snapshot after the reload', async () => {
    const record: WalkthroughRecord = { ...emptyRecord(), open: true, chapterId: 'same-names', progress: { 'same-names': { chapterId: 'same-names', stepIndex: 0, completed: [], quizAnswers: {} } } };
    const { lab, missing, state } = await setup(record);
    await lab.getState().runCommands(['aws iam create-instance-profile --instance-profile-name sample-profile']);
    expect(state().result).toEqual({ passed: true });
    expect(missing()).toEqual({ passed: true });
  });

  it('a reload resumes the step under way exactly: the errors it met and the hints shown', async () => {
    const first = await setup();
    await first.walkthrough.getState().beginChapter('deleting', true);
    first.walkthrough.getState().revealHint();
    // One DeleteConflict of the two the step asks for, its text thrown away.
    await first.lab.getState().runCommands(['aws iam delete-instance-profile --instance-profile-name old-profile 2>/dev/null']);
    expect(first.missing()).toEqual(['missing.failure.roleDeleteConflict']);

    const second = await reload(first);
    expect(second.state().hintsShown).toBe(1);
    expect(second.state().observations).toEqual(first.state().observations);
    expect(second.missing()).toEqual(['missing.failure.roleDeleteConflict']);
    await second.lab.getState().runCommands(['aws iam delete-role --role-name old-role --cli-error-format json']);
    expect(second.state().result).toEqual({ passed: true });
  });

  it('after a reload, a step passed by the error it met still shows passed', async () => {
    const first = await setup();
    await first.walkthrough.getState().beginChapter('cli-path', true);
    first.walkthrough.getState().goToStep(1);
    await first.lab.getState().runCommands([`aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Name=app-role > out.txt 2>&1`]);
    expect(first.state().result).toEqual({ passed: true });
    const second = await reload(first);
    expect(currentStep(second.state())?.step.id).toBe('role-name-fails');
    expect(second.state().result).toEqual({ passed: true });
  });

  it('refuses an unknown chapter, and keeps the lab when the chapter starts as it is', async () => {
    const { lab, walkthrough, state } = await setup();
    expect(await walkthrough.getState().beginChapter('nope', true)).toBe(false);
    await lab.getState().runCommands(['aws iam create-instance-profile --instance-profile-name sample-profile']);
    expect(await walkthrough.getState().beginChapter('same-names', false)).toBe(true);
    expect(Object.keys(lab.getState().published?.sim.tables.instanceProfiles ?? {})).toEqual(['sample-profile']);
    // The state already passes the first step.
    expect(state().result).toEqual({ passed: true });
    walkthrough.getState().showChapter('no-such-chapter');
    expect(state().chapterId).toBe('same-names');
    walkthrough.getState().showChapter(undefined);
    expect(state().chapterId).toBeUndefined();
    expect(currentStep(state())).toBeUndefined();
  });
});
