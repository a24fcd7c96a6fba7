import { describe, expect, it } from 'vitest';
import { generalError, outcome, paramError, unknownOptions, usageError } from './__tests__/context';

/**
 * The errors that stop the CLI before any request, in the 2.34+ format. Bodies were checked
 * against the AWS CLI's parser; the frame is errorhandler.py's.
 */
describe('argparse errors (rc 252, usage block after the message)', () => {
  it.each<[string[], string]>([
    [[], 'the following arguments are required: command'],
    [['iam'], 'the following arguments are required: operation'],
    [['iam', 'create-role'], 'the following arguments are required: --role-name, --assume-role-policy-document'],
    [['iam', 'create-role', '--role-name', 'x'], 'the following arguments are required: --assume-role-policy-document'],
    [['iam', 'get-role', '--generate-cli-skeleton', 'output'], 'the following arguments are required: --role-name'],
    [['iam', 'create-rolez'], "argument operation: Found invalid choice 'create-rolez'\n\nMaybe you meant:\n\n  * create-role"],
    [['iam', 'list-instance-profile'], "argument operation: Found invalid choice 'list-instance-profile'\n\nMaybe you meant:\n\n  * list-instance-profiles\n  * list-instance-profile-tags\n  * tag-instance-profile"],
    [['iam', 'xyz'], "argument operation: Found invalid choice 'xyz'"],
    [['iamm', 'list-roles'], "argument command: Found invalid choice 'iamm'\n\nMaybe you meant:\n\n  * iam"],
    [['ec2', 'wait', 'instance-runing'], "argument subcommand: Found invalid choice 'instance-runing'\n\nMaybe you meant:\n\n  * instance-running"],
    [['iam', 'get-role', '--role-name', 'x', '--output', 'jsn'], "argument --output: Found invalid choice 'jsn'\n\nMaybe you meant:\n\n  * json"],
    [['iam', 'get-role', '--role-name', 'x', '--output', 'xml'], "argument --output: Found invalid choice 'xml'"],
    [['iam', 'get-role', '--role-name', 'x', '--color', 'bad'], "argument --color: Found invalid choice 'bad'"],
    [['iam', 'get-role', '--generate-cli-skeleton', 'bad'], "argument --generate-cli-skeleton: Found invalid choice 'bad'"],
    [['iam', 'list-roles', '--pa', 'x'], 'ambiguous option: --pa could match --path-prefix, --page-size'],
    [['iam', 'list-roles', '--ma', '5'], 'ambiguous option: --ma could match --marker, --max-items'],
    [['iam', 'get-role', '--role-name', 'x', '--no'], 'ambiguous option: --no could match --no-verify-ssl, --no-paginate, --no-sign-request, --no-cli-pager, --no-cli-auto-prompt'],
    // A value that looks like an option is one: the option is left without its value.
    [['iam', 'create-role', '--role-name', '-x', '--assume-role-policy-document', '{}'], 'argument --role-name: expected one argument'],
    [['iam', 'get-role', '--role-name'], 'argument --role-name: expected one argument'],
    [['ec2', 'describe-instances', '--dry-run=true'], "argument --dry-run: ignored explicit argument 'true'"],
    [['ec2', 'describe-instances', '--page-size', 'x'], "argument --page-size: invalid int value: 'x'"],
  ])('%j', (argv, message) => {
    expect(outcome(argv)).toEqual(usageError(message));
  });
});

describe('unknown options (rc 252, usage block first)', () => {
  it.each<[string[], string]>([
    [['iam', 'get-role', '--role-name', 'x', '--foo', 'bar'], '--foo, bar'],
    [['iam', 'get-role', '--foo', 'bar', 'baz', '--role-name', 'x'], '--foo, baz, bar'],
    [['iam', 'get-role', 'zz', '--role-name', 'x', '--foo', 'baz'], '--foo, baz, zz'],
    // The association operations have no DryRun member, hence no --dry-run.
    [['ec2', 'associate-iam-instance-profile', '--instance-id', 'i-1', '--iam-instance-profile', 'Name=x', '--dry-run'], '--dry-run'],
    [['ec2', 'disassociate-iam-instance-profile', '--association-id', 'iip-assoc-1', '--dry-run'], '--dry-run'],
    [['ec2', 'describe-iam-instance-profile-associations', '--dry-run'], '--dry-run'],
    [['ec2', 'replace-iam-instance-profile-association', '--association-id', 'a', '--iam-instance-profile', 'Name=x', '--no-dry-run'], '--no-dry-run'],
    // run-instances takes --count instead.
    [['ec2', 'run-instances', '--image-id', 'x', '--min-count', '2'], '--min-count, 2'],
  ])('%j', (argv, list) => {
    expect(outcome(argv)).toEqual(unknownOptions(list));
  });
});

describe('parameter errors (rc 252, no usage block)', () => {
  it.each<[string[], string]>([
    [['iam', 'create-role', '--role-name', '', '--assume-role-policy-document', '{}'], 'Parameter validation failed:\nInvalid length for parameter RoleName, value: 0, valid min length: 1'],
    [['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', 'Nam=x'], 'Parameter validation failed:\nUnknown parameter in IamInstanceProfile: "Nam", must be one of: Arn, Name'],
    [['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', 'Name'], "Error parsing parameter '--iam-instance-profile': Expected: '=', received: 'EOF' for input:\nName\n    ^"],
    [
      ['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', 'Name=x,Arn'],
      "Parameter validation failed:\nInvalid type for parameter IamInstanceProfile.Name, value: ['x', 'Arn'], type: <class 'list'>, valid types: <class 'str'>",
    ],
    [
      ['iam', 'create-role', '--role-name', 'x', '--assume-role-policy-document', 'file:///nonexistent.json'],
      "Error parsing parameter '--assume-role-policy-document': Unable to load paramfile file:///nonexistent.json: [Errno 2] No such file or directory: '/nonexistent.json'",
    ],
    [['iam', 'create-role', '--role-name', 'x', '--assume-role-policy-document', '{}', '--max-session-duration', '100'], 'Parameter validation failed:\nInvalid value for parameter MaxSessionDuration, value: 100, valid min value: 3600'],
    [['iam', 'list-roles', '--page-size', '0'], 'Parameter validation failed:\nInvalid value for parameter MaxItems, value: 0, valid min value: 1'],
    [['sts', 'assume-role', '--role-arn', 'arn:aws:iam::123456789012:role/x', '--role-session-name', 's'], 'Parameter validation failed:\nInvalid length for parameter RoleSessionName, value: 1, valid min length: 2'],
    [['ec2', 'run-instances', '--image-id', 'x', '--monitoring', 'Enabled=yes'], "Parameter validation failed:\nInvalid type for parameter Monitoring.Enabled, value: yes, type: <class 'str'>, valid types: <class 'bool'>"],
    [
      ['ec2', 'wait', 'instance-running', '--instance-ids', 'i-1', '--max-items', '5'],
      'Parameter validation failed:\nUnknown parameter in input: "PaginationConfig", must be one of: InstanceIds, IncludeManagedResources, DryRun, Filters, NextToken, MaxResults',
    ],
    [
      ['iam', 'get-role', '--role-name', 'x', '--endpoint-url', 'localhost'],
      'Bad value for --endpoint-url "localhost": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/',
    ],
    [['iam', 'get-role', '--role-name', 'x', '--query', 'Roles['], 'Bad value for --query Roles[: Invalid jmespath expression: Incomplete expression:\n"Roles["\n       ^'],
    [['iam', 'get-role', '--cli-auto-prompt', '--no-cli-auto-prompt'], 'Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.'],
    [['ec2', 'wait', '--foo'], 'Unknown options: --foo'],
  ])('%j', (argv, message) => {
    expect(outcome(argv)).toEqual(paramError(message));
  });
});

describe('uncaught exceptions (rc 255, plain)', () => {
  it.each<[string[], string]>([
    [['iam', 'create-role', '--role-name', 'x', '--assume-role-policy-document', '{}', '--max-session-duration', 'abc'], "invalid literal for int() with base 10: 'abc'"],
    [['ec2', 'modify-instance-metadata-options', '--instance-id', 'i-1', '--http-put-response-hop-limit', 'abc'], "invalid literal for int() with base 10: 'abc'"],
    [['ec2', 'run-instances', '--image-id', 'x', '--metadata-options', 'HttpPutResponseHopLimit=abc'], "invalid literal for int() with base 10: 'abc'"],
    [['ec2', 'run-instances', '--image-id', 'x', '--monitoring', 'Enabled=true,false'], "'list' object has no attribute 'lower'"],
    [['ec2', 'run-instances', '--image-id', 'x', '--count', 'x'], 'count parameter should be of form min[:max] (e.g. 1 or 1:10)'],
    [['ec2', 'run-instances', '--image-id', 'x', '--count', '1:2:3'], 'count parameter should be of form min[:max] (e.g. 1 or 1:10)'],
    [['ec2', 'run-instances', '--image-id', 'x', '--network-interfaces', 'DeviceIndex=0', '--associate-public-ip-address'], 'Mixing the --network-interfaces option with the simple, scalar options is not supported.'],
    [['ec2', 'describe-instances', '--no-paginate', '--max-items', '5'], 'Error during pagination: Cannot specify --no-paginate along with pagination arguments: --max-items'],
    [['ec2', 'describe-instances', '--no-paginate', '--page-size', '5', '--starting-token', 'abc'], 'Error during pagination: Cannot specify --no-paginate along with pagination arguments: --starting-token, --page-size'],
    [['ec2', 'describe-instances', '--next-token', 'abc', '--max-items', '5'], 'Error during pagination: Cannot specify --no-paginate along with pagination arguments: --max-items'],
    [['iam', 'get-role', '--role-name', 'x', '--cli-read-timeout', 'abc'], "invalid literal for int() with base 10: 'abc'"],
    [['ec2', 'wait'], 'usage: aws [options] <command> <subcommand> [parameters]\naws: error: too few arguments'],
    [['iam', 'get-role', '--role-name', 'x', '--region', 'us east 1'], "Provided region_name 'us east 1' doesn't match a supported format."],
    [['ec2', 'wait', 'instance-running', '--instance-ids', 'i-1', '--region', 'bad_region'], "Provided region_name 'bad_region' doesn't match a supported format."],
  ])('%j', (argv, message) => {
    expect(outcome(argv)).toEqual(generalError(message));
  });
});

describe('--cli-error-format and AWS_CLI_ERROR_FORMAT', () => {
  const USAGE = 'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';
  const required = 'the following arguments are required: --assume-role-policy-document';
  const createRole = ['iam', 'create-role', '--role-name', 'x'];

  it.each<[string[], Record<string, string>, string]>([
    [[...createRole, '--cli-error-format', 'legacy'], {}, `\naws: [ERROR]: ${required}\n\n${USAGE}`],
    [[...createRole, '--cli-error-format', 'enhanced'], {}, `\naws: [ERROR]: An error occurred (ParamValidation): ${required}\n\n${USAGE}`],
    [[...createRole], { AWS_CLI_ERROR_FORMAT: 'legacy' }, `\naws: [ERROR]: ${required}\n\n${USAGE}`],
    [[...createRole, '--cli-error-format', 'enhanced'], { AWS_CLI_ERROR_FORMAT: 'legacy' }, `\naws: [ERROR]: An error occurred (ParamValidation): ${required}\n\n${USAGE}`],
    [[...createRole], { AWS_CLI_ERROR_FORMAT: 'nonsense' }, `\naws: [ERROR]: An error occurred (ParamValidation): ${required}\n\n${USAGE}`],
    [
      [...createRole, '--cli-error-format', 'json'],
      {},
      `{\n    "Code": "ParamValidation",\n    "Message": ${JSON.stringify(`${required}\n\n${USAGE}`)}\n}\n`,
    ],
    [
      ['ec2', 'run-instances', '--iam-instance-profile', 'Nam=x', '--cli-error-format', 'json'],
      {},
      '{\n    "Code": "ParamValidation",\n    "Message": "Parameter validation failed:\\nUnknown parameter in IamInstanceProfile: \\"Nam\\", must be one of: Arn, Name"\n}\n',
    ],
    // Before the main parser has finished, only the variable counts (case-insensitively).
    [
      ['iam', 'create-rolez'],
      { AWS_CLI_ERROR_FORMAT: 'JSON' },
      `{\n    "Code": "ParamValidation",\n    "Message": ${JSON.stringify(`argument operation: Found invalid choice 'create-rolez'\n\nMaybe you meant:\n\n  * create-role\n\n${USAGE}`)}\n}\n`,
    ],
    [[...createRole, '--cli-error-format', 'text'], {}, `ParamValidation\t${required}\n\n${USAGE}\n`],
    // --query applies to the error document too.
    [['iam', 'get-role', '--query', 'Code', '--cli-error-format', 'json'], {}, '"ParamValidation"\n'],
    // A bad --query cannot format itself: the plain message.
    [
      ['iam', 'get-role', '--role-name', 'x', '--query', 'Roles[', '--cli-error-format', 'json'],
      {},
      '\naws: [ERROR]: Bad value for --query Roles[: Invalid jmespath expression: Incomplete expression:\n"Roles["\n       ^\n',
    ],
    // Unknown options and uncaught exceptions are always plain.
    [['iam', 'get-role', '--role-name', 'x', '--foo', '--cli-error-format', 'json'], {}, `\n${USAGE}\n\naws: [ERROR]: Unknown options: --foo\n`],
    [[...createRole, '--assume-role-policy-document', '{}', '--max-session-duration', 'x', '--cli-error-format', 'json'], {}, "\naws: [ERROR]: invalid literal for int() with base 10: 'x'\n"],
  ])('%j %j', (argv, env, stderr) => {
    const result = outcome(argv, env) as { stderr: string };
    expect(result.stderr).toBe(stderr);
  });

  it('writes YAML and table documents through the output formatter', () => {
    const yaml = outcome([...createRole, '--cli-error-format', 'yaml']) as { exitCode: number; stderr: string };
    expect(yaml.exitCode).toBe(252);
    expect(yaml.stderr.startsWith('Code: ParamValidation\nMessage: "the following arguments are required')).toBe(true);
    const table = outcome([...createRole, '--cli-error-format', 'table']) as { exitCode: number; stderr: string };
    expect(table.exitCode).toBe(252);
    expect(table.stderr).toMatch(/^-+\n\|\s+error\s+\|\n/);
    expect(table.stderr).toContain('|  Code   |  ParamValidation ');
  });
});
