import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../lessons';
import { emptyRecord, progressOf, readRecord, recordText, type WalkthroughRecord } from './record';

const cliPath = { chapterId: 'cli-path', stepIndex: 2, completed: ['create-role', 'role-name-fails'], quizAnswers: { 'which-fails': 'c' } };

describe('walkthrough record', () => {
  it('reads back what it saved', () => {
    const record: WalkthroughRecord = { open: true, chapterId: 'cli-path', progress: { 'cli-path': cliPath } };
    expect(readRecord(recordText(record), CHAPTERS)).toEqual(record);
  });

  it.each<[string, string | null, WalkthroughRecord]>([
    ['nothing saved', null, emptyRecord()],
    ['not JSON', '{open', emptyRecord()],
    ['a list', '[]', emptyRecord()],
    ['open as text', '{"open":"yes"}', emptyRecord()],
    ['an unknown chapter on screen', '{"open":true,"chapterId":"gone"}', { open: true, chapterId: undefined, progress: {} }],
    [
      'progress of unknown chapters, filed under another id, or damaged',
      JSON.stringify({ open: true, chapterId: 'cli-path', progress: { gone: cliPath, 'console-path': cliPath, 'same-names': 7, 'cli-path': cliPath, constructor: cliPath } }),
      { open: true, chapterId: 'cli-path', progress: { 'cli-path': cliPath } },
    ],
    [
      'step ids a newer IAM Lab dropped',
      JSON.stringify({ open: false, progress: { 'cli-path': { ...cliPath, completed: ['create-role', 'renamed'] } } }),
      { open: false, chapterId: undefined, progress: { 'cli-path': { ...cliPath, completed: ['create-role'] } } },
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
