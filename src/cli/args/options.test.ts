import { describe, expect, it } from 'vitest';
import { serviceModels } from '../../sim/core/model';
import { CLIENT_TOKEN, HOME, TRUST_POLICY, generalError, outcome, paramError, parse, unknownOptions } from './__tests__/context';
import type { CliGlobals } from './types';

/** Rows checked against the AWS CLI's own parser, except where a comment says otherwise. */
const launched = (extra: object) => ({ ImageId: 'x', ...extra, MaxCount: 1, MinCount: 1, ClientToken: CLIENT_TOKEN });
const globalsOf = (argv: string[]): CliGlobals => {
  const result = parse(argv);
  if (result.kind !== 'call') throw new Error(`expected a call, got ${result.kind}`);
  return result.globals;
};

describe('file:// and friends', () => {
  it.each<[string[], object]>([
    [['iam', 'create-role', '--role-name', 'r', '--assume-role-policy-document', 'file://ec2-role-trust-policy.json'], { RoleName: 'r', AssumeRolePolicyDocument: TRUST_POLICY }],
    [['iam', 'create-role', '--role-name', 'r', '--assume-role-policy-document', `file://${HOME}/ec2-role-trust-policy.json`], { RoleName: 'r', AssumeRolePolicyDocument: TRUST_POLICY }],
    [['iam', 'create-role', '--role-name', 'r', '--assume-role-policy-document', 'file://~/ec2-role-trust-policy.json'], { RoleName: 'r', AssumeRolePolicyDocument: TRUST_POLICY }],
    [['iam', 'create-role', '--role-name', 'r', '--assume-role-policy-document', 'file://$HOME/ec2-role-trust-policy.json'], { RoleName: 'r', AssumeRolePolicyDocument: TRUST_POLICY }],
    // A bare file name is sent as it is; the service then rejects it as a policy.
    [['iam', 'create-role', '--role-name', 'r', '--assume-role-policy-document', 'ec2-role-trust-policy.json'], { RoleName: 'r', AssumeRolePolicyDocument: 'ec2-role-trust-policy.json' }],
    // AWS CLI v2 does not fetch URLs [spec §1.3].
    [['iam', 'create-role', '--role-name', 'r', '--assume-role-policy-document', 'https://example.com/trust.json'], { RoleName: 'r', AssumeRolePolicyDocument: 'https://example.com/trust.json' }],
    // A string parameter is never parsed as JSON.
    [['iam', 'create-role', '--role-name', 'r', '--assume-role-policy-document', '{"Version": "2012-10-17", }'], { RoleName: 'r', AssumeRolePolicyDocument: '{"Version": "2012-10-17", }' }],
    // A one-item list may come from a file, whose JSON list is then read.
    [['ec2', 'describe-instances', '--instance-ids', 'file://ids.json'], { InstanceIds: ['i-1', 'i-2'] }],
  ])('%j', (argv, params) => {
    expect(outcome(argv)).toEqual(params);
  });

  it.each<[string[], object]>([
    [
      ['iam', 'create-role', '--role-name', 'r', '--assume-role-policy-document', 'file://trust.json'],
      paramError("Error parsing parameter '--assume-role-policy-document': Unable to load paramfile file://trust.json: [Errno 2] No such file or directory: 'trust.json'"),
    ],
    [
      ['iam', 'create-role', '--role-name', 'r', '--assume-role-policy-document', 'file://~/missing.json'],
      paramError(`Error parsing parameter '--assume-role-policy-document': Unable to load paramfile file://~/missing.json: [Errno 2] No such file or directory: '${HOME}/missing.json'`),
    ],
    [
      ['iam', 'create-role', '--cli-input-json', 'file://missing.json'],
      paramError("Error parsing parameter '--cli-input-json': Unable to load paramfile file://missing.json: [Errno 2] No such file or directory: 'missing.json'"),
    ],
    // fileb:// reads bytes, which a string parameter refuses.
    [
      ['iam', 'create-role', '--role-name', 'r', '--assume-role-policy-document', 'fileb://name.txt'],
      paramError("Parameter validation failed:\nInvalid type for parameter AssumeRolePolicyDocument, value: b'web-1', type: <class 'bytes'>, valid types: <class 'str'>"),
    ],
    // key@= lets the exception through.
    [
      ['ec2', 'run-instances', '--image-id', 'x', '--tag-specifications', 'ResourceType=instance,Tags=[{Key=Name,Value@=file://nope.txt}]'],
      generalError("Unable to load paramfile file://nope.txt: [Errno 2] No such file or directory: 'nope.txt'"),
    ],
  ])('%j', (argv, expected) => {
    expect(outcome(argv)).toEqual(expected);
  });
});

describe('abbreviations, repeats and where options go', () => {
  it.each<[string[], object]>([
    [['iam', 'get-role', '--role', 'x'], { RoleName: 'x' }],
    [['iam', 'get-role', '--role=x'], { RoleName: 'x' }],
    [['iam', 'get-role', '--role-name=x'], { RoleName: 'x' }],
    [['iam', 'create-role', '--role', 'x', '--assume', 'y'], { RoleName: 'x', AssumeRolePolicyDocument: 'y' }],
    [['iam', 'get-role', '--role-name', 'a', '--role-name', 'b'], { RoleName: 'b' }],
    [['ec2', 'terminate-instances', '--instance-ids', 'i-1', '--dry-run', '--no-dry-run'], { InstanceIds: ['i-1'], DryRun: false }],
    [['ec2', 'start-instances', '--instance-ids', 'i-1', '--no-dry-run', '--dry-run'], { InstanceIds: ['i-1'], DryRun: true }],
    [['ec2', 'stop-instances', '--instance-ids', 'i-1', 'i-2', '--dry-run'], { InstanceIds: ['i-1', 'i-2'], DryRun: true }],
    [['ec2', 'reboot-instances', '--instance-ids', 'i-1', '--dry-run'], { InstanceIds: ['i-1'], DryRun: true }],
    [['ec2', 'describe-instances', '--dry-run'], { DryRun: true }],
    [['ec2', 'describe-instances', '--instance-ids'], { InstanceIds: [] }],
    [['ec2', 'describe-instances', '--instance-ids', '["i-1","i-2"]'], { InstanceIds: ['i-1', 'i-2'] }],
    [['iam', 'untag-role', '--role-name', 'x', '--tag-keys', 'a', 'b'], { RoleName: 'x', TagKeys: ['a', 'b'] }],
    [['iam', 'create-role', '--role-name', 'x', '--assume-role-policy-document', '{}', '--max-session-duration', ' 3600'], { RoleName: 'x', AssumeRolePolicyDocument: '{}', MaxSessionDuration: 3600 }],
    [['iam', 'create-role', '--role-name', '日本', '--assume-role-policy-document', '{}'], { RoleName: '日本', AssumeRolePolicyDocument: '{}' }],
    // `--` ends the options: the service parser takes it with the operation.
    [['iam', 'get-role', '--', '--role-name', 'x'], { RoleName: 'x' }],
    [['--region', 'us-west-2', 'iam', 'get-role', '--role-name', 'x'], { RoleName: 'x' }],
    [['iam', 'get-role', '', '--role-name', 'x'], { RoleName: 'x' }],
    [['iam', '--region', 'us-west-2', 'get-role', '--role-name', 'x'], { RoleName: 'x' }],
  ])('%j', (argv, params) => {
    expect(outcome(argv)).toEqual(params);
  });

  it('takes global options from anywhere, abbreviated too', () => {
    expect(globalsOf(['iam', 'get-role', '--role-name', 'x', '--re', 'us-west-2']).region).toBe('us-west-2');
    expect(globalsOf(['iam', 'get-role', '--outp', 'text', '--role-name', 'x']).output).toBe('text');
    expect(globalsOf(['--profile', 'dev', 'iam', 'get-role', '--role-name', 'x']).profile).toBe('dev');
  });

  it('reads every global option', () => {
    const globals = globalsOf([
      'iam', 'get-role', '--role-name', 'x', '--output', 'off', '--query', 'Role.Arn', '--region', 'eu-west-1', '--profile', 'p',
      '--endpoint-url', 'http://localhost:4566', '--debug', '--no-paginate', '--no-verify-ssl', '--no-sign-request', '--no-cli-pager',
      '--color', 'off', '--ca-bundle', '/etc/ca.pem', '--cli-read-timeout', '30', '--cli-connect-timeout', '0', '--cli-binary-format',
      'raw-in-base64-out', '--cli-error-format', 'legacy',
    ]);
    expect(globals).toEqual({
      output: 'off', query: 'Role.Arn', region: 'eu-west-1', profile: 'p', endpointUrl: 'http://localhost:4566', debug: true, paginate: false,
      verifySsl: false, signRequest: false, cliPager: false, color: 'off', caBundle: '/etc/ca.pem', readTimeout: 30, connectTimeout: 0,
      cliBinaryFormat: 'raw-in-base64-out', autoPrompt: 'off', errorFormat: 'legacy',
    });
  });

  it('runs an auto-prompt line as typed (IAM Lab has no prompt)', () => {
    expect(globalsOf(['iam', 'get-role', '--role-name', 'x', '--cli-auto-prompt']).autoPrompt).toBe('on');
    const partial = parse(['iam', 'get-role', '--role-name', 'x'], { AWS_CLI_AUTO_PROMPT: 'on-partial' });
    expect(partial.kind === 'call' && partial.globals.autoPrompt).toBe('on-partial');
    const off = parse(['iam', 'get-role', '--role-name', 'x', '--no-cli-auto-prompt'], { AWS_CLI_AUTO_PROMPT: 'on' });
    expect(off.kind === 'call' && off.globals.autoPrompt).toBe('off');
  });
});

describe('run-instances', () => {
  it.each<[string[], object]>([
    [['--count', '2'], { ImageId: 'x', MinCount: 2, MaxCount: 2, ClientToken: CLIENT_TOKEN }],
    [['--count', '1:3'], { ImageId: 'x', MinCount: 1, MaxCount: 3, ClientToken: CLIENT_TOKEN }],
    [['--count', '-1'], { ImageId: 'x', MinCount: -1, MaxCount: -1, ClientToken: CLIENT_TOKEN }],
    [['--client-token', 'mine'], { ImageId: 'x', ClientToken: 'mine', MaxCount: 1, MinCount: 1 }],
    [['--dry-run'], launched({ DryRun: true })],
    [['--no-dry-run'], launched({ DryRun: false })],
    [['--enable-api-termination'], launched({ DisableApiTermination: false })],
    [['--disable-api-termination'], launched({ DisableApiTermination: true })],
    [['--user-data', '#!/bin/bash\necho hi'], launched({ UserData: 'IyEvYmluL2Jhc2gKZWNobyBoaQ==' })],
    [['--user-data', 'こんにちは'], launched({ UserData: '44GT44KT44Gr44Gh44Gv' })],
    [
      ['--associate-public-ip-address', '--subnet-id', 's', '--security-group-ids', 'sg-1', 'sg-2'],
      launched({ NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true, SubnetId: 's', Groups: ['sg-1', 'sg-2'] }] }),
    ],
    [['--no-associate-public-ip-address', '--subnet-id', 's'], launched({ NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false, SubnetId: 's' }] })],
    [
      ['--secondary-private-ip-address-count', '2', '--private-ip-address', '10.0.0.5'],
      launched({ NetworkInterfaces: [{ DeviceIndex: 0, SecondaryPrivateIpAddressCount: 2, PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.5', Primary: true }] }] }),
    ],
    [
      ['--secondary-private-ip-addresses', '10.0.0.6', '10.0.0.7'],
      launched({ NetworkInterfaces: [{ DeviceIndex: 0, PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.6', Primary: false }, { PrivateIpAddress: '10.0.0.7', Primary: false }] }] }),
    ],
  ])('%j', (args, params) => {
    expect(outcome(['ec2', 'run-instances', '--image-id', 'x', ...args])).toEqual(params);
  });
});

describe('pagination', () => {
  it.each<[string[], object, object | undefined, boolean]>([
    [['iam', 'list-roles'], {}, {}, true],
    [['iam', 'list-roles', '--max-items', '5'], {}, { maxItems: 5 }, true],
    [['iam', 'list-roles', '--max', '5'], {}, { maxItems: 5 }, true],
    [['iam', 'list-roles', '--max-items', '0'], {}, { maxItems: 0 }, true],
    [['iam', 'list-roles', '--page-size', '10', '--starting-token', 'abc'], {}, { pageSize: 10, startingToken: 'abc' }, true],
    // Without pagination, IAM's own MaxItems takes --max-items back.
    [['iam', 'list-roles', '--no-paginate', '--max-items', '5'], { MaxItems: 5 }, undefined, false],
    // A service paging member turns pagination off by itself.
    [['iam', 'list-roles', '--marker', 'abc'], { Marker: 'abc' }, undefined, false],
    [['ec2', 'describe-instances', '--max-results', '5'], { MaxResults: 5 }, undefined, false],
    [['ec2', 'describe-instances', '--page-size', '5'], {}, { pageSize: 5 }, true],
    [['resourcegroupstaggingapi', 'get-resources', '--resources-per-page', '10'], { ResourcesPerPage: 10 }, undefined, false],
    [['iam', 'get-role', '--role-name', 'x'], { RoleName: 'x' }, undefined, true],
  ])('%j', (argv, params, pagination, paginate) => {
    const result = parse(argv);
    expect(result.kind).toBe('call');
    if (result.kind !== 'call') return;
    expect(result.params).toEqual(params);
    expect(result.pagination).toEqual(pagination);
    expect(result.globals.paginate).toBe(paginate);
  });

  it('offers paging options only to paginated operations', () => {
    expect(outcome(['iam', 'get-role', '--role-name', 'x', '--max-items', '5'])).toEqual(unknownOptions('--max-items, 5'));
  });
});

describe('--cli-input-json and --cli-input-yaml', () => {
  it.each<[string[], object]>([
    [['iam', 'create-role', '--cli-input-json', '{"RoleName":"x","AssumeRolePolicyDocument":"{}"}'], { RoleName: 'x', AssumeRolePolicyDocument: '{}' }],
    // The command line wins over the document.
    [['iam', 'create-role', '--role-name', 'y', '--cli-input-json', '{"RoleName":"x","AssumeRolePolicyDocument":"{}"}'], { RoleName: 'y', AssumeRolePolicyDocument: '{}' }],
    [['iam', 'create-role', '--cli-input-json', 'file://input.json'], { RoleName: 'fromfile', AssumeRolePolicyDocument: '{}' }],
    [['iam', 'create-role', '--cli-input-yaml', 'file://input.yaml'], { RoleName: 'y1', AssumeRolePolicyDocument: '{}', MaxSessionDuration: 3600 }],
    // [BEL] v2 only: YAML input checked by reading the CLI's source.
    [['iam', 'create-role', '--cli-input-yaml', 'RoleName: z\nAssumeRolePolicyDocument: "{}"'], { RoleName: 'z', AssumeRolePolicyDocument: '{}' }],
    [['ec2', 'run-instances', '--cli-input-json', '{"ImageId":"ami-1","MinCount":2,"MaxCount":3}'], { ImageId: 'ami-1', MinCount: 2, MaxCount: 3, ClientToken: CLIENT_TOKEN }],
  ])('%j', (argv, params) => {
    expect(outcome(argv)).toEqual(params);
  });

  it.each<[string[], object]>([
    [['iam', 'create-role', '--cli-input-json', '{"RoleName":"x",'], paramError("Error parsing parameter 'cli-input-json': Invalid JSON received.")],
    [['iam', 'create-role', '--cli-input-json', '[1]'], paramError("Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>")],
    [['iam', 'create-role', '--cli-input-yaml', 'a: [1'], paramError("Error parsing parameter 'cli-input-yaml': Invalid YAML received.")],
    [['iam', 'create-role', '--cli-input-yaml', ''], paramError("Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'NoneType'>")],
    [['iam', 'create-role', '--cli-input-json', '{}', '--cli-input-yaml', 'a: 1'], paramError('Only one --cli-input- parameter may be specified.')],
    [['iam', 'get-role', '--cli-input-json', '{"RoleName":"x","Foo":1}'], paramError('Parameter validation failed:\nUnknown parameter in input: "Foo", must be one of: RoleName')],
    [['iam', 'create-role', '--cli-input-json', '{"RoleName":"x"}'], paramError('Parameter validation failed:\nMissing required parameter in input: "AssumeRolePolicyDocument"')],
    [['iam', 'create-role', '--cli-input-json', '{"RoleName":"x","AssumeRolePolicyDocument":"{}","MaxSessionDuration":3600.0}'], paramError("Parameter validation failed:\nInvalid type for parameter MaxSessionDuration, value: 3600.0, type: <class 'float'>, valid types: <class 'int'>")],
  ])('%j', (argv, expected) => {
    expect(outcome(argv)).toEqual(expected);
  });
});

describe('--generate-cli-skeleton', () => {
  const skeleton = (argv: string[]) => {
    const result = parse(argv);
    return result.kind === 'skeleton' ? result.stdout : result;
  };

  it.each<[string[], string]>([
    // The spec's own example [spec §1.3].
    [['ec2', 'associate-iam-instance-profile', '--generate-cli-skeleton'], '{\n    "IamInstanceProfile": {\n        "Arn": "",\n        "Name": ""\n    },\n    "InstanceId": ""\n}\n'],
    [
      ['iam', 'create-role', '--generate-cli-skeleton', 'input'],
      '{\n    "Path": "",\n    "RoleName": "",\n    "AssumeRolePolicyDocument": "",\n    "Description": "",\n    "MaxSessionDuration": 0,\n    "PermissionsBoundary": "",\n    "Tags": [\n        {\n            "Key": "",\n            "Value": ""\n        }\n    ]\n}\n',
    ],
    [['sts', 'get-caller-identity', '--generate-cli-skeleton'], '{}\n'],
    // [BEL] YAML: ruamel's layout, without the documentation comments the trimmed models lack.
    [['ec2', 'associate-iam-instance-profile', '--generate-cli-skeleton', 'yaml-input'], "IamInstanceProfile:\n  Arn: ''\n  Name: ''\nInstanceId: ''\n"],
    [['iam', 'tag-role', '--generate-cli-skeleton', 'yaml-input'], "RoleName: ''\nTags:\n- Key: ''\n  Value: ''\n"],
    [['resourcegroupstaggingapi', 'tag-resources', '--generate-cli-skeleton', 'yaml-input'], "ResourceARNList:\n- ''\nTags:\n  KeyName: ''\n"],
    // Required options are not required for a skeleton; the input file is still read first.
    [['iam', 'get-role', '--cli-input-json', '{}', '--generate-cli-skeleton'], '{\n    "RoleName": ""\n}\n'],
  ])('%j', (argv, stdout) => {
    expect(skeleton(argv)).toBe(stdout);
  });

  it('fills enum members with one of their values', () => {
    const stdout = skeleton(['ec2', 'run-instances', '--generate-cli-skeleton']);
    expect(typeof stdout).toBe('string');
    const document = JSON.parse(String(stdout)) as Record<string, unknown>;
    const types = serviceModels.ec2.shapes.InstanceType?.enum ?? [];
    expect(types).toContain(document.InstanceType);
    expect(document.MaxCount).toBe(0);
    expect(document.DryRun).toBe(true);
    expect(document.IamInstanceProfile).toEqual({ Arn: '', Name: '' });
  });

  it('answers output with a sample response once the options validate', () => {
    expect(parse(['iam', 'get-role', '--role-name', 'x', '--generate-cli-skeleton', 'output'])).toMatchObject({
      kind: 'sample-output',
      service: 'iam',
      operation: 'GetRole',
      response: { Role: { Path: 'Path', RoleName: 'RoleName', Arn: 'Arn', CreateDate: '1970-01-01T00:00:00', MaxSessionDuration: 0 } },
    });
    expect(outcome(['iam', 'get-role', '--role-name', '', '--generate-cli-skeleton', 'output'])).toEqual(
      paramError('Parameter validation failed:\nInvalid length for parameter RoleName, value: 0, valid min length: 1'),
    );
  });
});
