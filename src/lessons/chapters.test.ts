import { describe, expect, it } from 'vitest';
import en from '../../locales/en/lessons.json';
import { CHAPTERS } from '.';
import { missingKeys, printed, replayAll, type StepRun } from './__tests__/replay';
import { runCommand } from '../cli/terminal';
import { prepareChapter } from './run';
import type { FactId, MetError, Missing } from './types';

/**
 * The walkthrough is data, so it is tested as data: every solution, replayed headless from its
 * chapter's scenario after the earlier steps' solutions, passes its step; every typical mistake
 * fails it with the message meant for it; every message and every AWS text quoted in the lessons
 * is one the simulator really produces.
 */

/** What every replay produced: the missing things said, the errors met, what the terminal printed. */
function produced(): { missing: Missing[]; errors: MetError[]; output: string } {
  const { solutions, attempts } = replayAll(CHAPTERS);
  const runs: StepRun[] = [...[...solutions.values()].flat(), ...attempts.values()];
  return {
    missing: runs.flatMap((run) => [run.before, run.after]).flatMap((result) => (result.passed ? [] : result.missing)),
    errors: runs.flatMap((run) => run.observations.errors),
    output: runs.map((run) => printed(run.results)).join(''),
  };
}

const CORE_FACTS: FactId[] = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F9', 'F10', 'F14', 'F17', 'F20', 'F22'];

describe('the curriculum', () => {
  it.each(CORE_FACTS)('teaches %s in at least one step', (fact) => {
    const teaching = CHAPTERS.flatMap((c) => c.steps.filter((s) => s.facts.includes(fact)).map((s) => `${c.id}/${s.id}`));
    expect(teaching).not.toEqual([]);
  });

  it('has unique chapter ids, and unique step, question and wrong-attempt ids within a chapter', () => {
    const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
    unique(CHAPTERS.map((c) => c.id));
    for (const chapter of CHAPTERS) {
      unique(chapter.steps.map((s) => s.id));
      unique(chapter.quiz.map((q) => q.id));
      for (const step of chapter.steps) unique(step.wrongAttempts.map((w) => w.id));
    }
  });

  it.each(CHAPTERS.map((c) => [c.id, c] as const))('%s has steps with hints, solutions and mistakes, and a quiz of three or more questions', (_id, chapter) => {
    expect(chapter.steps.length).toBeGreaterThan(0);
    expect(chapter.quiz.length).toBeGreaterThanOrEqual(3);
    for (const step of chapter.steps) {
      expect(step.facts.length, step.id).toBeGreaterThan(0);
      expect(step.hints.length, step.id).toBeGreaterThan(0);
      expect(step.solution.length, step.id).toBeGreaterThan(0);
      expect(step.wrongAttempts.length, step.id).toBeGreaterThan(0);
    }
  });

  it.each(CHAPTERS.flatMap((c) => c.quiz.map((q) => [`${c.id}/${q.id}`, q] as const)))('question %s has exactly one correct answer among several, an explanation and facts', (_id, question) => {
    expect(question.options.filter((o) => o.correct).length).toBe(1);
    expect(question.options.length).toBeGreaterThanOrEqual(3);
    expect(new Set(question.options.map((o) => o.id)).size).toBe(question.options.length);
    expect(question.explanationKey).toMatch(/\.explanation$/);
    expect(question.facts.length).toBeGreaterThan(0);
  });
});

describe.each(CHAPTERS.map((c) => [c.id, c] as const))('chapter %s', (_id, chapter) => {
  it('prepares its starting lab headless, every scenario action succeeding, with an empty history', () => {
    const { workspace, problems } = prepareChapter(chapter);
    expect(problems).toEqual([]);
    expect(workspace.shell.history).toEqual([]);
  });

  it('prepares the same lab every time (deterministic)', () => {
    expect(JSON.stringify(prepareChapter(chapter).workspace)).toBe(JSON.stringify(prepareChapter(chapter).workspace));
  });

  it('fails each step before its solution and passes it after, replaying the solutions in order', () => {
    const runs = replayAll(CHAPTERS).solutions.get(chapter.id) ?? [];
    expect(runs.length).toBe(chapter.steps.length);
    chapter.steps.forEach((step, i) => {
      const run = runs[i] as StepRun;
      expect(run.results.filter((r) => r.unresolved), step.id).toEqual([]);
      expect(run.before.passed, `${step.id} passes before its solution`).toBe(false);
      expect(run.after, step.id).toEqual({ passed: true });
    });
  });

  const attempts = chapter.steps.flatMap((step) => step.wrongAttempts.map((attempt) => [step.id, attempt.id, attempt] as const));
  it.each(attempts)('step %s: the mistake "%s" fails the check, saying why', (step, id, attempt) => {
    const run = replayAll(CHAPTERS).attempts.get(`${chapter.id}/${step}/${id}`);
    expect(run?.results.filter((r) => r.unresolved)).toEqual([]);
    expect(run?.after.passed).toBe(false);
    expect(missingKeys(run?.after ?? { passed: true })).toContain(attempt.messageKey);
  });
});

// ---- The texts against what the replays produced ---------------------------------------------

const text = (key: string): string => {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  if (typeof value !== 'string') throw new Error(`no text for ${key}`);
  return value;
};

const leaves = (node: unknown, prefix = ''): [string, string][] =>
  typeof node === 'string' ? [[prefix, node]] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));

const placeholders = (template: string): string[] => [...new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''))].sort();

const quoted = (template: string): string[] => [...template.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

describe('the texts', () => {
  it('word every missing-thing message some check produced in the replays', () => {
    const messages = leaves(en.missing, 'missing').map(([key]) => key);
    const seen = new Set<string>(produced().missing.map((m) => m.key));
    expect(messages.filter((key) => !seen.has(key))).toEqual([]);
  });

  it('are given exactly the values they interpolate', () => {
    const mismatched = produced().missing.filter((m) => placeholders(text(m.key)).join() !== Object.keys(m.values).sort().join());
    expect(mismatched).toEqual([]);
  });

  it('quote AWS errors exactly as the simulator words them', () => {
    const sentence = /^An error occurred \(([\w.]+)\) when calling the (\w+) operation: (.*)$/;
    const messageStarts = ['Value (', 'Cannot ', 'This policy contains', 'There is an existing association'];
    const metErrors = produced().errors;
    const checked: string[] = [];
    for (const [key, value] of leaves(en)) {
      for (const span of quoted(value)) {
        if (span.includes('…')) continue;
        const parsed = sentence.exec(span);
        if (parsed) {
          const [, code, operation, message] = parsed;
          expect(metErrors.some((e) => e.code === code && e.operation === operation && e.message === message), `${key}: ${span}`).toBe(true);
          checked.push(span);
        } else if (messageStarts.some((start) => span.startsWith(start))) {
          expect(metErrors.some((e) => e.message === span), `${key}: ${span}`).toBe(true);
          checked.push(span);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(5);
    expect(metErrors.some((e) => e.code === 'IncorrectState' && /^There is an existing association for instance i-[0-9a-f]{17}$/.test(e.message))).toBe(true);
  });

  it.each([
    '"Roles": []',
    'arn:aws:iam::123456789012:instance-profile/app-profile',
    'arn:aws:sts::123456789012:assumed-role/app-role/i-',
    '401 - Unauthorized',
    '"Code" : "AssumeRoleUnauthorizedAccess"',
    'EC2 cannot assume the role eks-role.',
    '"Message" : "Instance Profile does not contain a role..."',
    '404 - Not Found',
  ])('quote %s as the terminal printed it', (span) => {
    expect(JSON.stringify(en)).toContain(JSON.stringify(span).slice(1, -1));
    expect(produced().output).toContain(span);
  });

  // Whole command lines, that is, with options, for the services IAM Lab simulates (not Lambda).
  const commandLine = /^aws (iam|ec2|sts|resourcegroupstaggingapi) [a-z-]+ --/;

  it('quote aws command lines the CLI accepts as written, in each chapter\'s lab', () => {
    let count = 0;
    for (const chapter of CHAPTERS) {
      const spans = [...leaves((en.chapters as Record<string, unknown>)[chapter.id], chapter.id)].flatMap(([, value]) => quoted(value));
      const commands = spans.filter((span) => commandLine.test(span) && !span.includes('…'));
      const { workspace } = prepareChapter(chapter);
      // A service error is fine (the lab may not hold what the text talks about); a usage error is not.
      expect(commands.filter((line) => runCommand(workspace, line, { language: 'en' }).exitCode === 252), chapter.id).toEqual([]);
      count += commands.length;
    }
    expect(count).toBeGreaterThan(20);
  });
});
