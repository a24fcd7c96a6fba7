import { describe, expect, it } from 'vitest';
import { pyRepr } from './py';
import { parseShorthand } from './shorthand';
import { outcome, paramError } from './__tests__/context';

const noFiles = () => ({ ok: true as const, value: undefined });

/** The shorthand parser alone: Python's repr of the result, or the error text (from the CLI's parser). */
describe('shorthand syntax', () => {
  it.each<[string, string]>([
    ["Name=x", "{'Name': 'x'}"],
    ["Arn=arn:aws:iam::123456789012:instance-profile/x", "{'Arn': 'arn:aws:iam::123456789012:instance-profile/x'}"],
    ["Key=k,Value=v", "{'Key': 'k', 'Value': 'v'}"],
    ["Name=tag:Name,Values=web,db", "{'Name': 'tag:Name', 'Values': ['web', 'db']}"],
    ["Name=iam-instance-profile.arn,Values=arn:aws:iam::123456789012:instance-profile/x", "{'Name': 'iam-instance-profile.arn', 'Values': 'arn:aws:iam::123456789012:instance-profile/x'}"],
    ["Name=x,Arn", "{'Name': ['x', 'Arn']}"],
    ["a=b,c", "{'a': ['b', 'c']}"],
    ["a=\"b,c\"", "{'a': 'b,c'}"],
    ["a='b,c'", "{'a': 'b,c'}"],
    ["a=b\\,c", "{'a': 'b,c'}"],
    ["a=[b,c]", "{'a': ['b', 'c']}"],
    ["a={b=c,d=e}", "{'a': {'b': 'c', 'd': 'e'}}"],
    ["a=[{b=c},{b=d}]", "{'a': [{'b': 'c'}, {'b': 'd'}]}"],
    ["a=", "{'a': ''}"],
    ["a= b", "{'a': 'b'}"],
    ["a=b ", "{'a': 'b'}"],
    ["a = b", "{'a': 'b'}"],
    ["Key=a, Value=b", "{'Key': 'a', 'Value': 'b'}"],
    ["=b", "{'': 'b'}"],
    ["a=b,=c", "{'a': 'b', '': 'c'}"],
    ["a=\"it\\\"s\"", "{'a': 'it\"s'}"],
    ["a='it\\'s'", "{'a': \"it's\"}"],
    ["a=\"x\\\\\"", "{'a': 'x\\\\'}"],
    ["a=[]", "{'a': []}"],
    ["a={}", "{'a': {}}"],
    ["a=[ b , c ]", "{'a': ['b', 'c']}"],
    ["a={b=[c,d],e={f=g}}", "{'a': {'b': ['c', 'd'], 'e': {'f': 'g'}}}"],
    ["ResourceType=instance,Tags=[{Key=Name,Value=web}]", "{'ResourceType': 'instance', 'Tags': [{'Key': 'Name', 'Value': 'web'}]}"],
    ["a=b,c,d=e,f", "{'a': ['b', 'c'], 'd': ['e', 'f']}"],
    ["a=日本,b=😀", "Expected: ',', received: '😀' for input:\na=日本,b=😀\n       ^"],
    ["a=b=c", "{'a': 'b=c'}"],
    ["a=b,c=d=e", "{'a': 'b', 'c': 'd=e'}"],
    ["Name", "Expected: '=', received: 'EOF' for input:\nName\n    ^"],
    ["", "Expected: '=', received: 'EOF' for input:\n\n^"],
    ["a=b,c=d,a=e", "Second instance of key \"a\" encountered for input:\na=b,c=d,a=e\n        ^\nThis is often because there is a preceding \",\" instead of a space."],
    ["a=[b", "Expected: ',', received: 'EOF' for input:\na=[b\n    ^"],
    ["a={b=c", "Expected: ',', received: 'EOF' for input:\na={b=c\n      ^"],
    ["a=\"b", "Expected: '<double quoted>', received: '<none>' for input:\na=\"b\n  ^"],
    ["a='b", "Expected: '<singled quoted>', received: '<none>' for input:\na='b\n  ^"],
    ["a=[b,]", "{'a': ['b']}"],
    ["a={b}", "Expected: '=', received: '}' for input:\na={b}\n    ^"],
    ["a=b\nc", "{'a': 'b\\nc'}"],
    ["a=b,\nc", "{'a': ['b', 'c']}"],
    ["a={b=c}x", "Expected: ',', received: 'x' for input:\na={b=c}x\n       ^"],
    ["Key=a,Value=b,Key=c", "Second instance of key \"Key\" encountered for input:\nKey=a,Value=b,Key=c\n              ^\nThis is often because there is a preceding \",\" instead of a space."],
    ["a,b", "Expected: '=', received: ',' for input:\na,b\n ^"],
    ["a=[b c]", "{'a': ['b c']}"],
    ["a=b,\"c", "Expected: '=', received: '\"' for input:\na=b,\"c\n    ^"],
  ])('%j', (input, expected) => {
    const result = parseShorthand(input, noFiles);
    expect(result.ok ? pyRepr(result.value) : result.error.message).toBe(expected);
  });

  it('loads a file for key@=', () => {
    const result = parseShorthand('Key=Name,Value@=file://name.txt', (v) => ({ ok: true, value: v === 'file://name.txt' ? 'web-1' : undefined }));
    expect(result.ok && pyRepr(result.value)).toBe("{'Key': 'Name', 'Value': 'web-1'}");
  });
});

/** Shorthand through an option: the model then fixes lists, numbers and booleans. */
describe('shorthand against the model', () => {
  const runInstances = (...args: string[]) => outcome(['ec2', 'run-instances', '--image-id', 'ami-1', ...args]);
  const launched = (extra: object) => ({ ImageId: 'ami-1', ...extra, MaxCount: 1, MinCount: 1, ClientToken: expect.any(String) as unknown });

  it.each<[string[], object]>([
    [['--iam-instance-profile', 'Name=web-profile'], launched({ IamInstanceProfile: { Name: 'web-profile' } })],
    [['--iam-instance-profile', 'Arn=arn:aws:iam::123456789012:instance-profile/web'], launched({ IamInstanceProfile: { Arn: 'arn:aws:iam::123456789012:instance-profile/web' } })],
    [['--iam-instance-profile', "Arn='arn:aws:iam::1:instance-profile/x'"], launched({ IamInstanceProfile: { Arn: 'arn:aws:iam::1:instance-profile/x' } })],
    [['--iam-instance-profile', '{"Name": "web-profile"}'], launched({ IamInstanceProfile: { Name: 'web-profile' } })],
    [['--metadata-options', 'HttpTokens=required,HttpPutResponseHopLimit=2,HttpEndpoint=enabled'], launched({ MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' } })],
    [['--monitoring', 'Enabled=true'], launched({ Monitoring: { Enabled: true } })],
    [['--monitoring', 'Enabled=FALSE'], launched({ Monitoring: { Enabled: false } })],
    [['--tag-specifications', 'ResourceType=instance,Tags=[{Key=Name,Value=web}]'], launched({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }] })],
    [['--tag-specifications', 'ResourceType=instance,Tags=[{Key=Name,Value="a,b"}]'], launched({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'a,b' }] }] })],
    [['--tag-specifications', 'ResourceType=instance,Tags=[{Key=Name,Value@=file://name.txt}]'], launched({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }] })],
    [
      ['--block-device-mappings', 'DeviceName=/dev/sda1,Ebs={VolumeSize=20,VolumeType=gp3}'],
      launched({ BlockDeviceMappings: [{ DeviceName: '/dev/sda1', Ebs: { VolumeSize: 20, VolumeType: 'gp3' } }] }),
    ],
    // A single value where the model wants a list becomes a one-item list.
    [['--security-group-ids', 'sg-1,sg-2'], launched({ SecurityGroupIds: ['sg-1,sg-2'] })],
  ])('run-instances %j', (args, expected) => {
    expect(runInstances(...args)).toEqual(expected);
  });

  it.each<[string[], object]>([
    [['iam', 'tag-role', '--role-name', 'r', '--tags', 'Key=a,Value=b', 'Key=c,Value=d'], { RoleName: 'r', Tags: [{ Key: 'a', Value: 'b' }, { Key: 'c', Value: 'd' }] }],
    [['iam', 'tag-role', '--role-name', 'r', '--tags', 'Key=a, Value=b'], { RoleName: 'r', Tags: [{ Key: 'a', Value: 'b' }] }],
    [['iam', 'tag-role', '--role-name', 'r', '--tags', 'Key=a,Value='], { RoleName: 'r', Tags: [{ Key: 'a', Value: '' }] }],
    [['iam', 'tag-role', '--role-name', 'r', '--tags', '[{"Key":"a","Value":"b"}]'], { RoleName: 'r', Tags: [{ Key: 'a', Value: 'b' }] }],
    [['resourcegroupstaggingapi', 'tag-resources', '--resource-arn-list', 'a', '--tags', 'team=web,env=dev'], { ResourceARNList: ['a'], Tags: { team: 'web', env: 'dev' } }],
    [['resourcegroupstaggingapi', 'tag-resources', '--resource-arn-list', 'a', '--tags', '{"team":"web"}'], { ResourceARNList: ['a'], Tags: { team: 'web' } }],
    [['resourcegroupstaggingapi', 'get-resources', '--tag-filters', 'Key=k,Values=v1,v2', '--resource-type-filters', 'ec2:instance'], { TagFilters: [{ Key: 'k', Values: ['v1', 'v2'] }], ResourceTypeFilters: ['ec2:instance'] }],
    [['ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=web,db'], { Filters: [{ Name: 'tag:Name', Values: ['web', 'db'] }] }],
    [['ec2', 'describe-instances', '--filters', 'Name=iam-instance-profile.arn,Values=arn:aws:iam::123456789012:instance-profile/x'], { Filters: [{ Name: 'iam-instance-profile.arn', Values: ['arn:aws:iam::123456789012:instance-profile/x'] }] }],
    [['ec2', 'describe-instances', '--filters', 'Name=instance-state-name,Values=running', 'Name=tag:Name,Values=web'], { Filters: [{ Name: 'instance-state-name', Values: ['running'] }, { Name: 'tag:Name', Values: ['web'] }] }],
    [['ec2', 'describe-instances', '--filters', '[{"Name":"x","Values":["a"]}]'], { Filters: [{ Name: 'x', Values: ['a'] }] }],
    [['sts', 'assume-role', '--role-arn', 'arn:aws:iam::123456789012:role/x', '--role-session-name', 'ss', '--policy-arns', 'arn=arn:aws:iam::aws:policy/ReadOnlyAccess'], { RoleArn: 'arn:aws:iam::123456789012:role/x', RoleSessionName: 'ss', PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }],
  ])('%j', (argv, expected) => {
    expect(outcome(argv)).toEqual(expected);
  });

  it.each<[string[], string]>([
    [['iam', 'tag-role', '--role-name', 'r', '--tags', 'Key=a,Value=b,Key=c'], 'Error parsing parameter \'--tags\': Second instance of key "Key" encountered for input:\nKey=a,Value=b,Key=c\n              ^\nThis is often because there is a preceding "," instead of a space.'],
    [['iam', 'tag-role', '--role-name', 'r', '--tags', 'Key=a'], 'Parameter validation failed:\nMissing required parameter in Tags[0]: "Value"'],
    [['iam', 'tag-role', '--role-name', 'r', '--tags', 'Key=a,Value=b,Foo=c'], 'Parameter validation failed:\nUnknown parameter in Tags[0]: "Foo", must be one of: Key, Value'],
    [['iam', 'tag-role', '--role-name', 'r', '--tags', '{"Key":"a"}'], 'Parameter validation failed:\nMissing required parameter in Tags[0]: "Value"'],
    [['iam', 'tag-role', '--role-name', 'r', '--tags', '[{"Key":"a","Value":"b",}]'], 'Error parsing parameter \'--tags\': Invalid JSON: Illegal trailing comma before end of object: line 1 column 24 (char 23)\nJSON received: [{"Key":"a","Value":"b",}]'],
    [['resourcegroupstaggingapi', 'tag-resources', '--resource-arn-list', 'a', '--tags', 'team=web,dev'], "Parameter validation failed:\nInvalid type for parameter Tags.team, value: ['web', 'dev'], type: <class 'list'>, valid types: <class 'str'>"],
    [['resourcegroupstaggingapi', 'tag-resources', '--resource-arn-list', 'a', '--tags', '{team:web}'], "Error parsing parameter '--tags': Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\nJSON received: {team:web}"],
    [['ec2', 'describe-instances', '--filters', '{"Name":"x","Values":["a"]}', 'Name=y,Values=b'], "Error parsing parameter '--filters': Invalid JSON:\nName=y,Values=b"],
    [['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', '[1]'], "Error parsing parameter '--iam-instance-profile': Invalid JSON:\n[1]"],
    [['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', ''], "Error parsing parameter '--iam-instance-profile': Expected: '=', received: 'EOF' for input:\n\n^"],
    [['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', '{"Name": 5}'], "Parameter validation failed:\nInvalid type for parameter IamInstanceProfile.Name, value: 5, type: <class 'int'>, valid types: <class 'str'>"],
    [['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', '{"Name": true}'], "Parameter validation failed:\nInvalid type for parameter IamInstanceProfile.Name, value: True, type: <class 'bool'>, valid types: <class 'str'>"],
    [['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', '{"Name": null}'], "Parameter validation failed:\nInvalid type for parameter IamInstanceProfile.Name, value: None, type: <class 'NoneType'>, valid types: <class 'str'>"],
    [['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', '{"Name": 1.5}'], "Parameter validation failed:\nInvalid type for parameter IamInstanceProfile.Name, value: 1.5, type: <class 'float'>, valid types: <class 'str'>"],
    [['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', '{"Name": {"a": 1}}'], "Parameter validation failed:\nInvalid type for parameter IamInstanceProfile.Name, value: OrderedDict({'a': 1}), type: <class 'collections.OrderedDict'>, valid types: <class 'str'>"],
    [['ec2', 'run-instances', '--image-id', 'x', '--iam-instance-profile', '{"Nam": "x"}'], 'Parameter validation failed:\nUnknown parameter in IamInstanceProfile: "Nam", must be one of: Arn, Name'],
  ])('%j', (argv, message) => {
    expect(outcome(argv)).toEqual(paramError(message));
  });
});
