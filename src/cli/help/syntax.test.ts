import { describe, expect, it } from 'vitest';
import { serviceModels, type ServiceModel, type Shape } from '../../sim/core/model';
import { jsonSyntax, limitsOf, listSyntax, outputTree, shorthandSyntax } from './syntax';

const ec2 = serviceModels.ec2;
const iam = serviceModels.iam;
const shape = (model: ServiceModel, name: string): Shape => {
  const found = model.shapes[name];
  if (!found) throw new Error(`no shape ${name}`);
  return found;
};

/** A model of our own, for the cases AWS's four models do not have. */
const synthetic: ServiceModel = {
  metadata: { apiVersion: '1', endpointPrefix: 'x', protocol: 'json', serviceId: 'X', serviceFullName: 'X' },
  operations: {},
  paginators: {},
  waiters: {},
  shapes: {
    String: { type: 'string' },
    Tree: { type: 'structure', members: { Name: { shape: 'String' }, Children: { shape: 'TreeList' } } },
    TreeList: { type: 'list', member: { shape: 'Tree' } },
    L1: { type: 'structure', members: { A: { shape: 'L2' } } },
    L2: { type: 'structure', members: { B: { shape: 'L3' } } },
    L3: { type: 'structure', members: { C: { shape: 'L4' } } },
    L4: { type: 'structure', members: { D: { shape: 'L5' } } },
    L5: { type: 'structure', members: { E: { shape: 'String' } } },
    Nested: { type: 'structure', members: { Labels: { shape: 'LabelMap' }, Matrix: { shape: 'Matrix' } } },
    LabelMap: { type: 'map', key: { shape: 'String' }, value: { shape: 'String' } },
    Matrix: { type: 'list', member: { shape: 'Row' } },
    Row: { type: 'list', member: { shape: 'String' } },
    Wrapped: { type: 'structure', members: { Value: { shape: 'String' } } },
    Many: { type: 'string', enum: Array.from({ length: 13 }, (_, i) => `v${i}`) },
    ManyHolder: { type: 'structure', members: { Kind: { shape: 'Many' } } },
  },
};

describe('shorthand syntax', () => {
  it.each([
    ['IamInstanceProfileSpecification', 'Arn=string,Name=string'],
    ['FilterList', 'Name=string,Values=string,string ...'],
    ['TagSpecificationList', 'ResourceType=string,Tags=[{Key=string,Value=string},{Key=string,Value=string}] ...'],
    ['RunInstancesMonitoringEnabled', 'Enabled=boolean'],
    ['InstanceMetadataOptionsRequest', 'HttpTokens=string,HttpPutResponseHopLimit=integer,HttpEndpoint=string,HttpProtocolIpv6=string,InstanceMetadataTags=string'],
  ])('ec2 %s → %s', (name, expected) => {
    expect(shorthandSyntax(ec2, shape(ec2, name))).toBe(expected);
  });

  it('IAM tags and the tagging API map', () => {
    expect(shorthandSyntax(iam, shape(iam, 'tagListType'))).toBe('Key=string,Value=string ...');
    const tagging = serviceModels.resourcegroupstaggingapi;
    const tagMap = tagging.shapes[tagging.shapes.TagResourcesInput?.members?.Tags?.shape ?? ''];
    expect(tagMap && shorthandSyntax(tagging, tagMap)).toBe('KeyName1=string,KeyName2=string');
  });

  it('is not offered for scalars, lists of scalars, or a lone Value member', () => {
    expect(shorthandSyntax(iam, shape(iam, 'roleNameType'))).toBeUndefined();
    expect(shorthandSyntax(ec2, shape(ec2, 'InstanceIdStringList'))).toBeUndefined();
    expect(shorthandSyntax(synthetic, shape(synthetic, 'Wrapped'))).toBeUndefined();
  });

  it('marks recursion, brackets nested lists and maps, and gives up past four levels', () => {
    expect(shorthandSyntax(synthetic, shape(synthetic, 'Tree'))).toBe(
      'Name=string,Children=[{Name=string,Children=( ... recursive ... )},{Name=string,Children=( ... recursive ... )}]',
    );
    expect(shorthandSyntax(synthetic, shape(synthetic, 'Nested'))).toBe('Labels={KeyName1=string,KeyName2=string},Matrix=[[string,string],[string,string]]');
    expect(shorthandSyntax(synthetic, shape(synthetic, 'L1'))).toBeUndefined();
  });
});

describe('JSON syntax', () => {
  it('a structure of scalars, with enums spelled out', () => {
    expect(jsonSyntax(ec2, shape(ec2, 'InstanceMetadataOptionsRequest'))).toEqual([
      '{',
      '  "HttpTokens": "optional"|"required",',
      '  "HttpPutResponseHopLimit": integer,',
      '  "HttpEndpoint": "disabled"|"enabled",',
      '  "HttpProtocolIpv6": "disabled"|"enabled",',
      '  "InstanceMetadataTags": "disabled"|"enabled"',
      '}',
    ]);
  });

  it('a list of structures holding a list of strings', () => {
    expect(jsonSyntax(ec2, shape(ec2, 'FilterList'))).toEqual(['[', '  {', '    "Name": "string",', '    "Values": ["string", ...]', '  }', '  ...', ']']);
  });

  it('recursion, long enums and maps', () => {
    expect(jsonSyntax(synthetic, shape(synthetic, 'Tree'))).toEqual([
      '{',
      '  "Name": "string",',
      '  "Children": [',
      '    {',
      '      "Name": "string",',
      '      "Children": [ ... recursive ... ]',
      '    }',
      '    ...',
      '  ]',
      '}',
    ]);
    expect(jsonSyntax(synthetic, shape(synthetic, 'ManyHolder'))).toEqual(['{', '  "Kind": "string"', '}']);
    expect(jsonSyntax(synthetic, shape(synthetic, 'LabelMap'))).toEqual(['{"string": "string"', '  ...}']);
  });
});

describe('list syntax and limits', () => {
  it('a list of strings is written as words', () => {
    expect(listSyntax(ec2, shape(ec2, 'InstanceIdStringList'))).toBe('"string" "string" ...');
    expect(listSyntax(ec2, shape(ec2, 'FilterList'))).toBeUndefined();
  });

  it.each([
    ['roleNameType', { of: 'length', min: 1, max: 64, pattern: '[\\w+=,.@-]+' }],
    ['roleMaxSessionDurationType', { of: 'value', min: 3600, max: 43200 }],
    ['tagListType', { of: 'items', max: 50 }],
  ])('iam %s', (name, limits) => {
    expect(limitsOf(shape(iam, name))).toEqual(limits);
  });

  it('none when the model sets none', () => {
    expect(limitsOf(shape(ec2, 'IamInstanceProfileSpecification'))).toBeUndefined();
  });
});

describe('output tree', () => {
  it('names members with their types, list items by type, recursion once', () => {
    expect(outputTree(iam, shape(iam, 'ListRoleTagsResponse'))).toEqual([
      'Tags -> (list)',
      '   (structure)',
      '      Key -> (string)',
      '      Value -> (string)',
      'IsTruncated -> (boolean)',
      'Marker -> (string)',
    ]);
    expect(outputTree(synthetic, { type: 'structure', members: { Root: { shape: 'Tree' }, Labels: { shape: 'LabelMap' } } })).toEqual([
      'Root -> (structure)',
      '   Name -> (string)',
      '   Children -> (list)',
      '      (structure) ( ... recursive ... )',
      'Labels -> (map)',
      '   key -> (string)',
      '   value -> (string)',
    ]);
  });
});
