import { describe, expect, it } from 'vitest';
import { CHAPTERS, type Observations } from '../../lessons';
import { emptyRecord, progressOf, readRecord, recordText, type WalkthroughRecord } from './record';

const cliPath = { chapterId: 'cli-path', stepIndex: 2, completed: ['create-role', 'role-name-fails'], quizAnswers: { 'which-fails': 'c' } };
const listed = (open: boolean, chapterId: string | undefined, progress: WalkthroughRecord['progress']): WalkthroughRecord => ({ ...emptyRecord(), open, chapterId, progress });

/** At `role-name-fails`, the step that asks to see run-instances refuse the role name. */
const atRoleNameFails = { ...cliPath, stepIndex: 1 };
const seen: Observations = {
  startedAt: 1_768_467_600_000,
  events: [{ kind: 'created', resource: { type: 'role', id: 'app-role' }, cause: { type: 'request', service: 'iam', operation: 'CreateRole' } }],
  errors: [{ code: 'InvalidParameterValue', operation: 'RunInstances', message: 'Value (app-role) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name' }],
};

describe('walkthrough record', () => {
  it('reads back what it saved', () => {
    const record = listed(true, 'cli-path', { 'cli-path': cliPath });
    expect(readRecord(recordText(record), CHAPTERS)).toEqual(record);
  });

  it('reads back the step under way: what it has seen and the hints shown', () => {
    const record: WalkthroughRecord = { open: true, chapterId: 'cli-path', progress: { 'cli-path': atRoleNameFails }, observations: seen, hintsShown: 1 };
    const text = recordText(record);
    expect(JSON.parse(text)).toMatchObject({ current: { chapterId: 'cli-path', stepId: 'role-name-fails', hintsShown: 1 } });
    expect(readRecord(text, CHAPTERS)).toEqual(record);
  });

  it('saves no step under way outside a step: the chapter list, or the quiz', () => {
    expect(JSON.parse(recordText({ ...listed(true, undefined, { 'cli-path': cliPath }), observations: seen, hintsShown: 1 })).current).toBeUndefined();
    const atQuiz = { ...cliPath, stepIndex: CHAPTERS.find((c) => c.id === 'cli-path')?.steps.length ?? 0 };
    expect(JSON.parse(recordText({ ...listed(true, 'cli-path', { 'cli-path': atQuiz }), observations: seen, hintsShown: 1 })).current).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, Pick<WalkthroughRecord, 'observations' | 'hintsShown'>]>([
    ['another step than the current one', { chapterId: 'cli-path', stepId: 'create-profile', observations: seen, hintsShown: 1 }, { observations: undefined, hintsShown: 0 }],
    ['another chapter than the one on screen', { chapterId: 'same-names', stepId: 'role-name-fails', observations: seen, hintsShown: 1 }, { observations: undefined, hintsShown: 0 }],
    ['more hints than the step has', { chapterId: 'cli-path', stepId: 'role-name-fails', observations: seen, hintsShown: 9 }, { observations: seen, hintsShown: 1 }],
    ['hints as text, observations damaged', { chapterId: 'cli-path', stepId: 'role-name-fails', observations: { events: [] }, hintsShown: '1' }, { observations: undefined, hintsShown: 0 }],
  ])('resumes the step under way only as far as it is valid: %s', (_name, current, expected) => {
    const saved = JSON.stringify({ open: true, chapterId: 'cli-path', progress: { 'cli-path': atRoleNameFails }, current });
    expect(readRecord(saved, CHAPTERS)).toEqual({ open: true, chapterId: 'cli-path', progress: { 'cli-path': atRoleNameFails }, ...expected });
  });

  it.each<[string, string | null, WalkthroughRecord]>([
    ['nothing saved', null, emptyRecord()],
    ['not JSON', '{open', emptyRecord()],
    ['a list', '[]', emptyRecord()],
    ['open as text', '{"open":"yes"}', emptyRecord()],
    ['an unknown chapter on screen', '{"open":true,"chapterId":"gone"}', listed(true, undefined, {})],
    [
      'progress of unknown chapters, filed under another id, or damaged',
      JSON.stringify({ open: true, chapterId: 'cli-path', progress: { gone: cliPath, 'console-path': cliPath, 'same-names': 7, 'cli-path': cliPath, constructor: cliPath } }),
      listed(true, 'cli-path', { 'cli-path': cliPath }),
    ],
    [
      'step ids a newer IAM Lab dropped',
      JSON.stringify({ open: false, progress: { 'cli-path': { ...cliPath, completed: ['create-role', 'renamed'] } } }),
      listed(false, undefined, { 'cli-path': { ...cliPath, completed: ['create-role'] } }),
    ],
  ])('keeps what is valid: %s', (_name, saved, expected) => {
    expect(readRecord(saved, CHAPTERS)).toEqual(expected);
  });

  it('looks progress up by own keys only', () => {
    const record = readRecord('{"progress":{}}', CHAPTERS);
    expect(progressOf(record, 'constructor')).toBeUndefined();
    expect(progressOf(record, 'toString')).toBeUndefined();
  });
});
