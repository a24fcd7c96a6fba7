import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceName } from '../../sim/core/errors';
import { serviceModels, type ServiceModel } from '../../sim/core/model';
import { xformName } from '../args/xform';
import { textWidth } from '../output/eastAsianWidth';
import type { HelpTopic } from '../args/types';
import type { Language } from '../text';
import { helpTarget, renderHelp } from './index';

const LANGUAGES: readonly Language[] = ['en', 'ja'];
const REQUIRED: Record<Language, string> = { en: '[required]', ja: '[必須]' };
const SERVICES = Object.keys(serviceModels) as ServiceName[];

const operations = SERVICES.flatMap((service) => Object.keys(serviceModels[service].operations).map((operation) => ({ service, operation })));
const waiters = SERVICES.flatMap((service) => Object.entries(serviceModels[service].waiters).map(([waiter, config]) => ({ service, waiter, operation: config.operation })));

/** The lines of a section, from its title to the next title at the margin. */
function section(page: string, title: string): string[] {
  const lines = page.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && /^[A-Z]/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The SYNOPSIS lines, trimmed: `create-role`, `--role-name <value>`, `[--path <value>]` … */
const synopsis = (page: string): string[] => section(page, 'SYNOPSIS').map((l) => l.trim()).filter(Boolean);

/** The title line of one option under OPTIONS (`--role-name (string) [required]`), trimmed. */
function optionTitle(page: string, flag: string): string | undefined {
  return section(page, 'OPTIONS')
    .filter((l) => /^ {7}--/.test(l))
    .map((l) => l.trim())
    .find((l) => l.split(' (')[0]?.split(' | ').includes(flag));
}

/** How a member appears as an option: its flag, or the CLI's replacement for it. */
function flagsOf(model: ServiceModel, service: ServiceName, operation: string, member: string): string[] {
  if (service === 'ec2' && operation === 'RunInstances' && (member === 'MinCount' || member === 'MaxCount')) return ['--count'];
  if (service === 'ec2' && member === 'DisableApiTermination') return ['--disable-api-termination', '--enable-api-termination'];
  const input = model.operations[operation]?.input;
  const shape = input ? model.shapes[model.shapes[input]?.members?.[member]?.shape ?? ''] : undefined;
  const flag = `--${xformName(member)}`;
  return shape?.type === 'boolean' ? [flag, `--no-${xformName(member)}`] : [flag];
}

function inputOf(model: ServiceModel, operation: string) {
  const input = model.operations[operation]?.input;
  return input ? model.shapes[input] : undefined;
}

describe('operation pages', () => {
  describe.each(LANGUAGES)('%s', (language) => {
    it.each(operations)('$service $operation lists every input member, marked required as the model says', ({ service, operation }) => {
      const model = serviceModels[service];
      const page = renderHelp(language, { service, operation: xformName(operation) });
      expect(page.split('\n').slice(0, 2)).toEqual(['NAME', `       aws ${service} ${xformName(operation)}`]);
      const input = inputOf(model, operation);
      const lines = synopsis(page);
      expect(lines[0]).toBe(xformName(operation));
      for (const [member, ref] of Object.entries(input?.members ?? {})) {
        const flags = flagsOf(model, service, operation, member);
        const title = optionTitle(page, flags[0] ?? '');
        expect(title, `${operation} ${member}`).toBeDefined();
        // The CLI supplies MinCount/MaxCount (--count) and idempotency tokens itself.
        const required = (input?.required ?? []).includes(member) && !ref.idempotencyToken && flags[0] !== '--count';
        expect(title?.endsWith(REQUIRED[language]), `${operation} ${member} required mark`).toBe(required);
        const usage = flags.length > 1 ? flags.join(' | ') : `${flags[0]} <value>`;
        expect(lines, `${operation} ${member} in SYNOPSIS`).toContain(required ? usage : `[${usage}]`);
      }
    });

    it.each(waiters)('$service wait $waiter lists its operation\'s members and how it polls', ({ service, waiter, operation }) => {
      const model = serviceModels[service];
      const page = renderHelp(language, { service, waiter: xformName(waiter) });
      expect(page).toContain(`       aws ${service} wait ${xformName(waiter)}\n`);
      expect(synopsis(page)[0]).toBe(xformName(waiter));
      for (const member of Object.keys(inputOf(model, operation)?.members ?? {})) {
        expect(optionTitle(page, flagsOf(model, service, operation, member)[0] ?? ''), member).toBeDefined();
      }
      const config = model.waiters[waiter];
      expect(section(page, 'DESCRIPTION').join(' ')).toContain(`${config?.delay}`);
      expect(section(page, 'DESCRIPTION').join(' ')).toContain(`${config?.maxAttempts}`);
    });
  });

  it('create-role: the synopsis marks the two required options and brackets the rest', () => {
    const lines = synopsis(renderHelp('en', { service: 'iam', operation: 'create-role' }));
    expect(lines.slice(0, 8)).toEqual([
      'create-role',
      '[--path <value>]',
      '--role-name <value>',
      '--assume-role-policy-document <value>',
      '[--description <value>]',
      '[--max-session-duration <value>]',
      '[--permissions-boundary <value>]',
      '[--tags <value>]',
    ]);
    expect(lines.slice(8, 10)).toEqual(['[--cli-input-json | --cli-input-yaml]', '[--generate-cli-skeleton <value>]']);
    expect(lines).toContain('[--output <value>]');
  });

  it('create-role: options show types, limits, patterns and the tag syntaxes', () => {
    const page = renderHelp('en', { service: 'iam', operation: 'create-role' });
    const options = section(page, 'OPTIONS');
    expect(optionTitle(page, '--role-name')).toBe('--role-name (string) [required]');
    expect(optionTitle(page, '--max-session-duration')).toBe('--max-session-duration (integer)');
    expect(optionTitle(page, '--tags')).toBe('--tags (list)');
    const roleName = options.slice(options.findIndex((l) => l.startsWith('       --role-name')));
    expect(roleName.slice(0, 12)).toEqual(
      expect.arrayContaining(['            o minimum length: 1', '            o maximum length: 64', '            o pattern: [\\w+=,.@-]+']),
    );
    expect(options).toContain('            o minimum value: 3600');
    expect(options).toContain('            o maximum value: 43200');
    expect(options).toContain('            Key=string,Value=string ...');
    const json = options.indexOf('          JSON Syntax:');
    expect(options.slice(json + 2, json + 9)).toEqual([
      '            [',
      '              {',
      '                "Key": "string",',
      '                "Value": "string"',
      '              }',
      '              ...',
      '            ]',
    ]);
  });

  it('run-instances: --iam-instance-profile takes Arn=string,Name=string; --count, --dry-run and the renamed termination flag', () => {
    const page = renderHelp('en', { service: 'ec2', operation: 'run-instances' });
    const options = section(page, 'OPTIONS');
    const profile = options.findIndex((l) => l === '       --iam-instance-profile (structure)');
    expect(profile).toBeGreaterThan(0);
    const entry = options.slice(profile, options.findIndex((l, i) => i > profile && /^ {7}--/.test(l)));
    expect(entry).toContain('            Arn=string,Name=string');
    expect(entry.join('\n')).toContain('            {\n              "Arn": "string",\n              "Name": "string"\n            }');
    expect(entry.join(' ')).toMatch(/never a role/);
    const lines = synopsis(page);
    expect(lines).toContain('[--count <value>]');
    expect(lines).toContain('[--dry-run | --no-dry-run]');
    expect(lines).toContain('[--disable-api-termination | --enable-api-termination]');
    expect(lines).toContain('[--associate-public-ip-address | --no-associate-public-ip-address]');
    expect(lines).not.toContain('--min-count <value>');
    expect(lines.some((l) => l.includes('--max-count'))).toBe(false);
    expect(optionTitle(page, '--count')).toBe('--count (string)');
    expect(optionTitle(page, '--dry-run')).toBe('--dry-run | --no-dry-run (boolean)');
  });

  it('run-instances: a thousand-value enum is listed in part, with the count of the rest', () => {
    const options = section(renderHelp('en', { service: 'ec2', operation: 'run-instances' }), 'OPTIONS');
    const total = serviceModels.ec2.shapes.InstanceType?.enum?.length ?? 0;
    expect(total).toBeGreaterThan(100);
    expect(options).toContain(`            … and ${total - 20} more (${total} in all)`);
    expect(options).toContain('            o stop');
    expect(options).toContain('            o terminate');
  });

  it.each(['associate-iam-instance-profile', 'replace-iam-instance-profile-association', 'disassociate-iam-instance-profile', 'describe-iam-instance-profile-associations'])(
    '%s has no --dry-run',
    (operation) => {
      const page = renderHelp('en', { service: 'ec2', operation });
      expect(page).not.toContain('--dry-run');
    },
  );

  it('associate-iam-instance-profile requires both options', () => {
    const lines = synopsis(renderHelp('ja', { service: 'ec2', operation: 'associate-iam-instance-profile' }));
    expect(lines.slice(0, 3)).toEqual(['associate-iam-instance-profile', '--iam-instance-profile <value>', '--instance-id <value>']);
  });

  it('paginated operations list the paging options after --cli-input-json, and the service paging members too', () => {
    const lines = synopsis(renderHelp('en', { service: 'iam', operation: 'list-roles' }));
    expect(lines.slice(0, 8)).toEqual([
      'list-roles',
      '[--path-prefix <value>]',
      '[--marker <value>]',
      '[--cli-input-json | --cli-input-yaml]',
      '[--starting-token <value>]',
      '[--page-size <value>]',
      '[--max-items <value>]',
      '[--generate-cli-skeleton <value>]',
    ]);
    const describe = synopsis(renderHelp('en', { service: 'ec2', operation: 'describe-instances' }));
    expect(describe).toEqual(expect.arrayContaining(['[--next-token <value>]', '[--max-results <value>]', '[--starting-token <value>]', '[--page-size <value>]', '[--max-items <value>]']));
  });

  it('list options of scalars show word syntax; maps show KeyName shorthand and the JSON object', () => {
    const untag = section(renderHelp('en', { service: 'iam', operation: 'untag-role' }), 'OPTIONS');
    expect(untag).toContain('          Syntax:');
    expect(untag).toContain('            "string" "string" ...');
    const tag = section(renderHelp('en', { service: 'resourcegroupstaggingapi', operation: 'tag-resources' }), 'OPTIONS');
    expect(tag).toContain('            KeyName1=string,KeyName2=string');
    expect(tag).toContain('            {"string": "string"');
    expect(tag).toContain('              ...}');
  });

  it('an enum member lists its possible values', () => {
    const options = section(renderHelp('ja', { service: 'ec2', operation: 'modify-instance-metadata-options' }), 'OPTIONS');
    const tokens = options.findIndex((l) => l.startsWith('       --http-tokens'));
    expect(options.slice(tokens, tokens + 12)).toEqual(expect.arrayContaining(['          指定できる値:', '            o optional', '            o required']));
  });

  it('operations with examples show the command, the note and the output', () => {
    const page = renderHelp('en', { service: 'iam', operation: 'create-instance-profile' });
    const examples = section(page, 'EXAMPLES');
    expect(examples[0]).toBe('       Example 1: Create an instance profile');
    expect(examples).toContain('          $ aws iam create-instance-profile --instance-profile-name s3access-profile');
    expect(examples).toContain('       Output:');
    expect(examples).toContain('                  "Roles": []');
    const put = section(renderHelp('ja', { service: 'iam', operation: 'put-role-policy' }), 'EXAMPLES');
    expect(put).toContain('       このコマンドは、成功したときは何も表示しません。');
    expect(renderHelp('en', { service: 'iam', operation: 'get-role' })).not.toContain('\nEXAMPLES\n');
  });

  it('OUTPUT lists the response members and their types, or None', () => {
    const output = section(renderHelp('en', { service: 'ec2', operation: 'associate-iam-instance-profile' }), 'OUTPUT');
    expect(output).toEqual([
      '       IamInstanceProfileAssociation -> (structure)',
      '          AssociationId -> (string)',
      '          InstanceId -> (string)',
      '          IamInstanceProfile -> (structure)',
      '             Arn -> (string)',
      '             Id -> (string)',
      '          State -> (string)',
      '          Timestamp -> (timestamp)',
      '',
    ]);
    expect(section(renderHelp('en', { service: 'iam', operation: 'add-role-to-instance-profile' }), 'OUTPUT')[0]).toBe('       None');
    expect(section(renderHelp('ja', { service: 'iam', operation: 'delete-role' }), 'OUTPUT')[0]).toBe('       なし');
  });

  it('model names work as well as CLI names', () => {
    expect(renderHelp('en', { service: 'iam', operation: 'CreateRole' })).toBe(renderHelp('en', { service: 'iam', operation: 'create-role' }));
    expect(renderHelp('ja', { service: 'ec2', waiter: 'InstanceRunning' })).toBe(renderHelp('ja', { service: 'ec2', waiter: 'instance-running' }));
  });
});

describe('every page', () => {
  const GLOBALS = ['--output', '--query', '--region', '--profile', '--no-cli-pager', '--endpoint-url', '--debug', '--no-paginate', '--cli-error-format', '--color', '--no-sign-request', '--no-verify-ssl', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout'];
  const COMMAND_OPTIONS = ['--max-items', '--page-size', '--starting-token', '--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton'];
  const targets = [
    {},
    ...SERVICES.map((service) => ({ service })),
    { service: 'iam', operation: 'wait' },
    { service: 'ec2', operation: 'wait' },
    ...operations.map(({ service, operation }) => ({ service, operation })),
    ...waiters.map(({ service, waiter }) => ({ service, waiter })),
  ];

  it.each(LANGUAGES)('%s: names the global options, is plain text, and its prose fits 80 columns', (language) => {
    for (const target of targets) {
      const page = renderHelp(language, target);
      const globals = section(page, 'GLOBAL OPTIONS').join('\n');
      for (const flag of [...GLOBALS, ...COMMAND_OPTIONS]) expect(globals, `${JSON.stringify(target)} ${flag}`).toContain(flag);
      expect(section(page, 'GLOBAL OPTIONS')).toContain('            o yaml-stream');
      expect(page).not.toContain('\u001b');
      expect(page.endsWith('\n') && !page.endsWith('\n\n')).toBe(true);
      expect(page).not.toMatch(/\n\n\n/);
      // Closing punctuation may hang one character past the margin.
      for (const line of [...section(page, 'DESCRIPTION'), ...section(page, 'GLOBAL OPTIONS')]) expect(textWidth(line), line).toBeLessThanOrEqual(82);
    }
  });

  it('wraps prose to the width given, keeping the indentation', () => {
    const page = renderHelp('en', { service: 'iam', operation: 'add-role-to-instance-profile' }, { width: 50 });
    const description = section(page, 'DESCRIPTION').filter(Boolean);
    expect(description.length).toBeGreaterThan(8);
    for (const line of description) {
      expect(line.startsWith('       ')).toBe(true);
      expect(line.length).toBeLessThanOrEqual(50);
    }
  });
});

describe('service, wait and top pages', () => {
  it('aws help lists the services and the synopsis', () => {
    const page = renderHelp('en', {});
    expect(section(page, 'AVAILABLE SERVICES').filter(Boolean)).toEqual(['       o ec2', '       o iam', '       o resourcegroupstaggingapi', '       o sts']);
    expect(section(page, 'SYNOPSIS')[0]).toBe('          aws [options] <command> <subcommand> [parameters]');
  });

  it.each(SERVICES)('aws %s help lists every command, sorted, with wait where the service has waiters', (service) => {
    const model = serviceModels[service];
    const listed = section(renderHelp('ja', { service }), 'AVAILABLE COMMANDS').filter(Boolean).map((l) => l.trim().replace(/^o /, ''));
    const expected = [...Object.keys(model.operations).map((op) => xformName(op)), ...(Object.keys(model.waiters).length ? ['wait'] : [])].sort();
    expect(listed).toEqual(expected);
  });

  it('aws iam wait help lists the waiters', () => {
    const page = renderHelp('en', { service: 'iam', operation: 'wait' });
    expect(section(page, 'SYNOPSIS')[0]).toBe('          aws iam wait <subcommand> [...]');
    expect(section(page, 'AVAILABLE COMMANDS').filter(Boolean)).toEqual(['       o instance-profile-exists', '       o policy-exists', '       o role-exists']);
  });

  it('ec2 instance-running says how it polls, in both languages', () => {
    expect(renderHelp('en', { service: 'ec2', waiter: 'instance-running' })).toContain('It calls describe-instances every 15 seconds, at most 40 times.');
    expect(renderHelp('ja', { service: 'ec2', waiter: 'instance-running' }).replace(/\n\s+/g, '')).toContain('describe-instances を 15 秒ごとに最大 40 回呼び出します。');
  });
});

describe('unknown targets', () => {
  it.each([
    ['en', { service: 'lambda' }, 'There is no help page for "aws lambda". The services in IAM Lab are ec2, iam, resourcegroupstaggingapi, sts. Try: aws help\n'],
    ['en', { service: 'iam', operation: 'create-rolez' }, 'There is no help page for "aws iam create-rolez". Run aws iam help to see its commands.\n'],
    ['en', { service: 'sts', operation: 'wait' }, 'There is no help page for "aws sts wait". Run aws sts help to see its commands.\n'],
    ['ja', { service: 'ec2', waiter: 'instance-flying' }, '"aws ec2 wait instance-flying" のヘルプページはありません。aws ec2 help でコマンドの一覧を確認してください。\n'],
  ] as const)('%s %j', (language, target, message) => {
    expect(renderHelp(language, target)).toBe(message);
  });
});

describe('any target', () => {
  it('gives a page or a short message, never an exception', () => {
    const name = fc.oneof(fc.string(), fc.constantFrom('wait', 'help', 'constructor', '__proto__', 'create-role', 'CreateRole', 'instance-running'));
    const target = fc.record({ service: fc.option(fc.oneof(fc.constantFrom(...SERVICES), fc.string()), { nil: undefined }), operation: fc.option(name, { nil: undefined }), waiter: fc.option(name, { nil: undefined }) });
    fc.assert(
      fc.property(target, fc.constantFrom<Language>('en', 'ja'), fc.integer({ min: 0, max: 200 }), (t, language, width) => {
        const page = renderHelp(language, t, { width });
        expect(page.length).toBeGreaterThan(0);
        expect(page.endsWith('\n')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('helpTarget', () => {
  it.each<[HelpTopic, ReturnType<typeof helpTarget>]>([
    [{ level: 'aws' }, {}],
    [{ level: 'aws', topic: 'topics' }, {}],
    [{ level: 'service', service: 'iam' }, { service: 'iam' }],
    [{ level: 'operation', service: 'iam', operation: 'CreateRole' }, { service: 'iam', operation: 'CreateRole' }],
    [{ level: 'wait', service: 'ec2' }, { service: 'ec2', operation: 'wait' }],
    [{ level: 'waiter', service: 'ec2', waiter: 'instance-running' }, { service: 'ec2', waiter: 'instance-running' }],
  ])('%j', (topic, target) => {
    expect(helpTarget(topic)).toEqual(target);
    expect(renderHelp('en', helpTarget(topic))).toMatch(/^NAME\n/);
  });
});
