import { describe, expect, it } from 'vitest';
import enPolicy from '../../../locales/en/policy.json';
import jaPolicy from '../../../locales/ja/policy.json';
import type { SchemaKind } from './files';
import { CONDITION_OPERATORS, policySchema, schemaUri, type JsonSchema, type SchemaText } from './policySchema';

/**
 * The schemas are checked with the JSON language service that Monaco's JSON worker runs (the copy
 * bundled inside monaco-editor), so these tests see the same problems, completions and hovers the
 * learner sees in the editor.
 */
interface Position {
  line: number;
  character: number;
}
interface Diagnostic {
  message: string;
  severity: number;
  range: { start: Position };
}
type MarkedString = string | { language: string; value: string };
interface TextDocument {
  positionAt(offset: number): Position;
}
interface JsonLanguageService {
  configure(settings: { validate: boolean; allowComments: boolean; schemas: { uri: string; fileMatch: string[]; schema: JsonSchema }[] }): void;
  parseJSONDocument(document: TextDocument): unknown;
  doValidation(document: TextDocument, json: unknown, settings: { comments: string; trailingCommas: string; schemaValidation: string }): Promise<Diagnostic[]>;
  doComplete(document: TextDocument, position: Position, json: unknown): Promise<{ items: { label: string }[] } | null>;
  doHover(document: TextDocument, position: Position, json: unknown): Promise<{ contents: MarkedString | MarkedString[] } | null>;
}

const external = '../../../node_modules/monaco-editor/esm/external';
const { getLanguageService } = (await import(/* @vite-ignore */ `${external}/vscode-json-languageservice/lib/esm/jsonLanguageService.js`)) as { getLanguageService(params: object): JsonLanguageService };
const { TextDocument } = (await import(/* @vite-ignore */ `${external}/vscode-languageserver-textdocument/lib/esm/main.js`)) as {
  TextDocument: { create(uri: string, languageId: string, version: number, text: string): TextDocument };
};

const english: SchemaText = (key) => enPolicy[key];
const japanese: SchemaText = (key) => jaPolicy[key];

function service(kind: SchemaKind, text: SchemaText = english) {
  const ls = getLanguageService({});
  ls.configure({ validate: true, allowComments: false, schemas: [{ uri: schemaUri(kind), fileMatch: ['*'], schema: policySchema(kind, text) }] });
  const open = (source: string) => {
    const document = TextDocument.create('file:///home/learner/policy.json', 'json', 1, source);
    return { document, json: ls.parseJSONDocument(document) };
  };
  return {
    async problems(source: string): Promise<string[]> {
      const { document, json } = open(source);
      const found = await ls.doValidation(document, json, { comments: 'error', trailingCommas: 'error', schemaValidation: 'warning' });
      return found.map((d) => d.message);
    },
    /** Completion labels where `|` stands in the source. */
    async completions(source: string): Promise<string[]> {
      const { document, json } = open(source.replace('|', ''));
      const list = await ls.doComplete(document, document.positionAt(source.indexOf('|')), json);
      return (list?.items ?? []).map((item) => item.label);
    },
    /** The hover's text where `|` stands, without Markdown's escapes. */
    async hover(source: string): Promise<string> {
      const { document, json } = open(source.replace('|', ''));
      const hover = await ls.doHover(document, document.positionAt(source.indexOf('|')), json);
      const contents = hover ? [hover.contents].flat() : [];
      return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n').replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
    },
  };
}

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const EC2_TRUST = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };
const S3_READ = { Sid: 'ReadBucket', Effect: 'Allow', Action: ['s3:GetObject', 's3:List*'], Resource: 'arn:aws:s3:::my-bucket/*' };
const s = enPolicy;

describe('trust policy schema', () => {
  it.each<[string, string]>([
    ['EC2 may assume the role', policy(EC2_TRUST)],
    ['a single statement object', JSON.stringify({ Version: '2012-10-17', Statement: EC2_TRUST })],
    ['several services and an account', policy({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'], AWS: '123456789012' }, Action: ['sts:AssumeRole', 'sts:TagSession'] })],
    ['a condition with set and IfExists operators', policy({ ...EC2_TRUST, Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' }, 'ForAnyValue:StringLikeIfExists': { 'aws:PrincipalTag/team': ['a*'] }, Null: { 'sts:ExternalId': 'false' }, Bool: { 'aws:MultiFactorAuthPresent': true } } })],
    ['NotPrincipal with Deny', policy({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' })],
    ['everyone, narrowed by a condition', policy({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x' } } })],
  ])('accepts %s', async (_case, source) => {
    expect(await service('trust').problems(source)).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ['a Resource', policy({ ...EC2_TRUST, Resource: '*' }), [s.resourceInTrust]],
    ['no Principal', policy({ Effect: 'Allow', Action: 'sts:AssumeRole' }), [s.principalMissing]],
    ['both Principal and NotPrincipal', policy({ ...EC2_TRUST, NotPrincipal: { AWS: '123456789012' } }), [s.principalBoth]],
    ['no Action', policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' } }), [s.actionMissing]],
    ['an unknown principal type', policy({ ...EC2_TRUST, Principal: { Services: 'ec2.amazonaws.com' } }), ['Property Services is not allowed.']],
    ['a lower-case effect', policy({ ...EC2_TRUST, Effect: 'allow' }), ['Value is not accepted. Valid values: "Allow", "Deny".']],
    ['an unknown condition operator', policy({ ...EC2_TRUST, Condition: { StringEqual: { 'aws:SourceAccount': '1' } } }), [s.conditionOperator]],
    ['an action without a service', policy({ ...EC2_TRUST, Action: 'AssumeRole' }), [s.actionPattern]],
  ])('flags %s', async (_case, source, problems) => {
    expect(await service('trust').problems(source)).toEqual(problems);
  });
});

describe('permissions policy schema', () => {
  it.each<[string, string]>([
    ['read access to a bucket', policy(S3_READ)],
    ['everything', policy({ Effect: 'Allow', Action: '*', Resource: '*' })],
    ['NotAction and NotResource', policy({ Effect: 'Deny', NotAction: 'iam:*', NotResource: ['arn:aws:iam::123456789012:role/admin'] })],
    ['PassRole to one role', policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/s3access' })],
    ['the old version and an Id', JSON.stringify({ Version: '2008-10-17', Id: 'p1', Statement: [S3_READ] })],
  ])('accepts %s', async (_case, source) => {
    expect(await service('identity').problems(source)).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ['a Principal', policy({ ...S3_READ, Principal: { AWS: '123456789012' } }), [s.principalInIdentity]],
    ['no Resource', policy({ Effect: 'Allow', Action: 's3:GetObject' }), [s.resourceMissing]],
    ['both Action and NotAction', policy({ ...S3_READ, NotAction: 's3:*' }), [s.actionBoth]],
    ['both Resource and NotResource', policy({ ...S3_READ, NotResource: '*' }), [s.resourceBoth]],
    ['a Sid with a dash', policy({ ...S3_READ, Sid: 'read-bucket' }), [s.sidPattern]],
    ['a resource that is not an ARN', policy({ ...S3_READ, Resource: 'my-bucket' }), [s.resourcePattern]],
    ['an unknown version', JSON.stringify({ Version: '2024-01-01', Statement: [S3_READ] }), ['Value is not accepted. Valid values: "2012-10-17", "2008-10-17".']],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), ['Missing property "Statement".']],
    ['an empty statement list', JSON.stringify({ Version: '2012-10-17', Statement: [] }), ['Array has too few items. Expected 1 or more.']],
    ['an unknown top-level element', JSON.stringify({ Version: '2012-10-17', Statment: [S3_READ] }), ['Missing property "Statement".', 'Property Statment is not allowed.']],
    ['no Effect', policy({ Action: 's3:GetObject', Resource: '*' }), ['Missing property "Effect".']],
  ])('flags %s', async (_case, source, problems) => {
    expect(await service('identity').problems(source)).toEqual(problems);
  });

  it('flags JSON syntax errors, comments and trailing commas', async () => {
    const problems = await service('identity').problems('{\n  // note\n  "Version": "2012-10-17",\n  "Statement": [],\n}');
    expect(problems).toContain('Comments are not permitted in JSON.');
    expect(problems).toContain('Trailing comma');
    expect(await service('identity').problems('{"Version": "2012-10-17" "Statement": []}')).toContain('Expected comma');
  });
});

describe('completion and hover', () => {
  it('offers the top-level elements, and a whole policy in an empty document', async () => {
    expect(await service('identity').completions('{ | }')).toEqual(expect.arrayContaining(['Version', 'Statement', 'Id']));
    expect(await service('trust').completions('|')).toEqual(expect.arrayContaining([s.snippetTrustEc2]));
    expect(await service('identity').completions('|')).toEqual(expect.arrayContaining([s.snippetIdentity]));
  });

  it('offers statement elements that fit the kind of policy', async () => {
    const trust = await service('trust').completions('{ "Statement": [ { | } ] }');
    expect(trust).toEqual(expect.arrayContaining(['Effect', 'Principal', 'Action', 'Condition', 'Sid']));
    expect(trust).not.toContain('Resource');
    const identity = await service('identity').completions('{ "Statement": [ { | } ] }');
    expect(identity).toEqual(expect.arrayContaining(['Effect', 'Action', 'Resource', 'NotResource']));
    expect(identity).not.toContain('Principal');
    expect(await service('trust').completions('{ "Statement": { | } }')).toEqual(expect.arrayContaining(['Effect', 'Principal', 'Action']));
  });

  it('offers values: effects, versions, service principals, trust actions, condition operators', async () => {
    expect(await service('trust').completions('{ "Statement": [ { "Effect": | } ] }')).toEqual(expect.arrayContaining(['"Allow"', '"Deny"']));
    expect(await service('trust').completions('{ "Version": | }')).toEqual(expect.arrayContaining(['"2012-10-17"']));
    expect(await service('trust').completions('{ "Statement": [ { "Principal": { "Service": | } } ] }')).toEqual(expect.arrayContaining(['"ec2.amazonaws.com"']));
    expect(await service('trust').completions('{ "Statement": [ { "Action": | } ] }')).toEqual(expect.arrayContaining(['"sts:AssumeRole"']));
    const operators = await service('identity').completions('{ "Statement": [ { "Condition": { | } } ] }');
    expect(operators).toEqual(expect.arrayContaining([...CONDITION_OPERATORS, 'Null']));
  });

  it('describes elements in the learner\'s language', async () => {
    expect(await service('identity', japanese).hover('{ "Statement": [ { "Eff|ect": "Allow" } ] }')).toContain(jaPolicy.effect);
    expect(await service('trust').hover('{ "Statement": [ { "Princ|ipal": "*" } ] }')).toContain(s.principal);
    expect(await service('trust', japanese).hover('{ "Statement": [ { "Principal": { "Serv|ice": "ec2.amazonaws.com" } } ] }')).toContain(jaPolicy.principalService);
  });
});
