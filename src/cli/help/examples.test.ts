import { describe, expect, it } from 'vitest';
import type { Caller } from '../../sim/core/operation';
import { seededRandom } from '../../sim/core/random';
import { emptyState } from '../../sim/core/state';
import { execute } from '../../sim/execute';
import { instanceRoleSession } from '../../sim/imds/credentials';
import { parseAwsArgs } from '../args';
import { formatOutput } from '../output/format';
import { normalizeResponse } from '../output/normalize';
import { buildFullResult, paginatorFor } from '../output/paginate';
import type { JsonObject, JsonValue } from '../output/python';
import { parseQuery, runQuery } from '../output/query';
import { LOCAL_HOME } from '../shell/session';
import { EXAMPLE_FILES } from '../workspace/files';
import { EXAMPLE_ASSOCIATION_ID, EXAMPLE_INSTANCE_ID, EXAMPLES, type HelpExample } from './examples';
import { renderHelp } from './index';

/**
 * Every EXAMPLES command, replayed in order against a fresh simulated account through the same
 * steps `aws` takes (parse, call, normalize, page, query, format): the page must show what IAM
 * Lab prints, up to the ids and dates the simulator draws.
 */

/** Shell words: the examples quote only with double quotes. */
function words(command: string): string[] {
  expect(command).not.toMatch(/['\\$`]/);
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** Ids and timestamps differ from run to run; the shape of the output must not. */
const generic = (text: string): string =>
  text
    .replace(/AROA[A-Z0-9]{17}/g, '<role-id>')
    .replace(/AIPA[A-Z0-9]{17}/g, '<profile-id>')
    .replace(/iip-assoc-[0-9a-f]{17}/g, '<association-id>')
    .replace(/\bi-[0-9a-f]{17}\b/g, '<instance-id>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00/g, '<time>');

function replay() {
  let now = Date.UTC(2026, 0, 15, 9);
  const state = emptyState();
  const ctx = { now: () => now, random: seededRandom(11) };
  let tokens = 0;
  const parseCtx = {
    readFile: (path: string) => EXAMPLE_FILES[path.startsWith('/') ? path : `${LOCAL_HOME}/${path}`],
    env: { HOME: LOCAL_HOME },
    uuid: () => `00000000-0000-4000-8000-${String(++tokens).padStart(12, '0')}`,
    random: seededRandom(3),
  };
  let instanceId: string | undefined;

  const call = (service: Parameters<typeof execute>[1]['service'], operation: string, params: Record<string, unknown>, caller?: Caller) => {
    const { outcome } = execute(state, { service, operation, params, ...(caller ? { caller } : {}) }, ctx);
    now += 30_000;
    return outcome;
  };

  const currentAssociation = (): string => {
    const outcome = call('ec2', 'DescribeIamInstanceProfileAssociations', { Filters: [{ Name: 'instance-id', Values: [instanceId ?? ''] }] });
    const response = outcome.ok ? (outcome.response as { IamInstanceProfileAssociations?: { AssociationId: string }[] }) : {};
    return response.IamInstanceProfileAssociations?.[0]?.AssociationId ?? '';
  };

  /** What the terminal would show: stdout on success, the error line on failure. */
  const run = (example: HelpExample): { stdout?: string; stderr?: string } => {
    let command = example.command;
    if (instanceId) command = command.replaceAll(EXAMPLE_INSTANCE_ID, instanceId);
    if (command.includes(EXAMPLE_ASSOCIATION_ID)) command = command.replaceAll(EXAMPLE_ASSOCIATION_ID, currentAssociation());
    const parsed = parseAwsArgs(words(command).slice(1), parseCtx);
    if (parsed.kind !== 'call') throw new Error(`${command}: parsed as ${parsed.kind}`);
    let caller: Caller | undefined;
    if (example.inInstance) {
      const session = instanceRoleSession(state, instanceId ?? '', now);
      if (!session.ok) throw new Error(`no role session in ${instanceId}: ${session.reason}`);
      caller = { type: 'assumed-role', roleName: session.roleName, sessionName: session.sessionName };
    }
    const outcome = call(parsed.service, parsed.operation, parsed.params, caller);
    if (!outcome.ok) return { stderr: `\naws: [ERROR]: An error occurred (${outcome.error.code}) when calling the ${parsed.operation} operation: ${outcome.error.message}` };
    if (parsed.operation === 'RunInstances' && !instanceId) instanceId = (outcome.response as { Instances: { InstanceId: string }[] }).Instances[0]?.InstanceId;
    let value = normalizeResponse(parsed.service, parsed.operation, outcome.response);
    const paginator = paginatorFor(parsed.service, parsed.operation);
    if (paginator) value = buildFullResult(paginator, [value as JsonObject]).result;
    if (parsed.globals.query !== undefined) {
      const query = parseQuery(parsed.globals.query);
      if (!query.ok) throw new Error(query.error.message);
      const searched = runQuery(query.value, value);
      if (!searched.ok) throw new Error(searched.error.message);
      value = searched.value;
    } else if (isEmptyObject(value)) {
      return { stdout: '' };
    }
    return { stdout: formatOutput(value, { format: parsed.globals.output ?? 'json', operationName: parsed.operation }).stdout };
  };

  // The replace example switches to a second profile.
  expect(call('iam', 'CreateInstanceProfile', { InstanceProfileName: 'readonly-profile' }).ok).toBe(true);
  return { run };
}

const isEmptyObject = (value: JsonValue): boolean => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;

describe('EXAMPLES', () => {
  it('every example prints in IAM Lab what its page shows', () => {
    const { run } = replay();
    let count = 0;
    for (const { examples } of EXAMPLES) {
      for (const example of examples) {
        const result = run(example);
        const shown = example.output;
        if (shown === 'none') expect(result, example.command).toEqual({ stdout: '' });
        else if ('stdout' in shown) expect(generic(result.stdout ?? `(failed) ${result.stderr}`), example.command).toBe(generic(`${shown.stdout.join('\n')}\n`));
        else expect(result.stderr, example.command).toBe(shown.stderr.join('\n'));
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(15);
  });

  it('cover the commands learners use most', () => {
    const covered = EXAMPLES.map((e) => `${e.service} ${e.operation}`);
    expect(covered).toEqual(
      expect.arrayContaining([
        'iam CreateRole',
        'iam PutRolePolicy',
        'iam CreateInstanceProfile',
        'iam AddRoleToInstanceProfile',
        'ec2 RunInstances',
        'ec2 AssociateIamInstanceProfile',
        'ec2 ReplaceIamInstanceProfileAssociation',
        'ec2 DisassociateIamInstanceProfile',
        'ec2 DescribeInstances',
        'sts GetCallerIdentity',
      ]),
    );
    expect(EXAMPLES.find((e) => e.operation === 'DescribeInstances')?.examples.every((x) => x.command.includes('--query'))).toBe(true);
  });

  it('appear on their pages in both languages', () => {
    for (const { service, operation, examples } of EXAMPLES) {
      for (const language of ['en', 'ja'] as const) {
        const page = renderHelp(language, { service, operation });
        for (const example of examples) expect(page).toContain(`          $ ${example.command}\n`);
      }
    }
  });
});
