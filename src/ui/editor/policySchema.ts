import type enPolicy from '../../../locales/en/policy.json';
import type { SchemaKind } from './files';

/**
 * JSON schemas for IAM policy documents, as the editor's JSON language service reads them: the
 * grammar learners write by hand (identity-based permissions policies and role trust policies),
 * with every description in the learner's language (`policy.json` in each locale folder, loaded
 * only with the editor's lazy chunk: hover text has no place in the first load). They check
 * shape, not meaning: IAM's own checks (the simulator's MalformedPolicyDocument) still decide.
 */

export type SchemaTextKey = keyof typeof enPolicy;
export type SchemaText = (key: SchemaTextKey) => string;

/** The subset of JSON Schema (with the language service's extensions) these schemas use. */
export interface JsonSchema {
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'boolean' | ('object' | 'array' | 'string' | 'number' | 'boolean')[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minProperties?: number;
  enum?: string[];
  enumDescriptions?: string[];
  examples?: string[];
  pattern?: string;
  patternErrorMessage?: string;
  errorMessage?: string;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  doNotSuggest?: boolean;
  defaultSnippets?: { label: string; description: string; body: unknown }[];
}

/** Where a model's schema is registered: a name, never fetched (the editor requests no schema). */
export const schemaUri = (kind: SchemaKind): string => `inmemory://iam-lab/schemas/${kind}-policy.json`;

export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'];

const ACTION_PATTERN = '^(\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$';
const RESOURCE_PATTERN = '^(\\*|arn:[^:]+:[^:]*:[^:]*:[^:]*:.+)$';

const CONDITION_FAMILIES = {
  conditionString: ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'],
  conditionNumeric: ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'],
  conditionDate: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'],
  conditionBool: ['Bool'],
  conditionBinary: ['BinaryEquals'],
  conditionIp: ['IpAddress', 'NotIpAddress'],
  conditionArn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
} as const satisfies Partial<Record<SchemaTextKey, readonly string[]>>;

export const CONDITION_OPERATORS: readonly string[] = Object.values(CONDITION_FAMILIES).flat();

/** Any operator, with the set prefixes and the IfExists suffix; Null takes neither. */
const OPERATOR_PATTERN = `^((ForAllValues:|ForAnyValue:)?(${CONDITION_OPERATORS.join('|')})(IfExists)?|Null)$`;

const CONDITION_KEYS: Record<string, SchemaTextKey> = {
  'aws:SourceAccount': 'keySourceAccount',
  'aws:SourceArn': 'keySourceArn',
  'aws:SourceIp': 'keySourceIp',
  'aws:PrincipalArn': 'keyPrincipalArn',
  'aws:RequestedRegion': 'keyRequestedRegion',
  'aws:MultiFactorAuthPresent': 'keyMfa',
  'sts:ExternalId': 'keyExternalId',
};

const ACTION_EXAMPLES = ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 'ec2:DescribeInstances', 'iam:PassRole', 'sts:AssumeRole', '*'];
const TRUST_ACTION_EXAMPLES = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'];
const RESOURCE_EXAMPLES = ['*', 'arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*', 'arn:aws:iam::123456789012:role/my-role'];
const SERVICE_EXAMPLES = ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'ssm.amazonaws.com'];
const AWS_PRINCIPAL_EXAMPLES = ['arn:aws:iam::123456789012:root', '123456789012', 'arn:aws:iam::123456789012:role/my-role'];
const FEDERATED_EXAMPLES = ['cognito-identity.amazonaws.com', 'arn:aws:iam::123456789012:saml-provider/my-provider', 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'];

/** A string, or a non-empty list of strings, as IAM takes most elements. */
function oneOrMany(description: string, item: JsonSchema): JsonSchema {
  return { description, anyOf: [{ ...item, type: 'string', description }, { type: 'array', description, items: { ...item, type: 'string' }, minItems: 1 }] };
}

/** An element that may not appear here: its own message in the learner's language, never suggested. */
const forbidden = (message: string): JsonSchema => ({ not: {}, errorMessage: message, doNotSuggest: true });

/**
 * Exactly one of two elements that exclude each other. Written with `not` because the language
 * service words a failed `not` with the schema's own `errorMessage` (a failed `anyOf` or `required`
 * would get its generic English text instead).
 */
function oneOf(a: string, b: string, both: string, missing: string): JsonSchema[] {
  const hasNeither: JsonSchema = { not: { anyOf: [{ type: 'object', required: [a] }, { type: 'object', required: [b] }] } };
  return [
    { not: { type: 'object', required: [a, b] }, errorMessage: both },
    { not: hasNeither, errorMessage: missing },
  ];
}

function conditionSchema(text: SchemaText): JsonSchema {
  const value: JsonSchema = { description: text('conditionValue'), type: ['string', 'number', 'boolean', 'array'], items: { type: ['string', 'number', 'boolean'] } };
  const block = (description: string): JsonSchema => ({
    description,
    type: 'object',
    properties: Object.fromEntries(Object.entries(CONDITION_KEYS).map(([key, textKey]) => [key, { ...value, description: text(textKey) }])),
    additionalProperties: value,
  });
  const operators: Record<string, JsonSchema> = {};
  for (const [family, names] of Object.entries(CONDITION_FAMILIES) as [SchemaTextKey, readonly string[]][]) {
    for (const name of names) operators[name] = block(text(family));
  }
  operators.Null = block(text('conditionNull'));
  return {
    description: text('condition'),
    type: 'object',
    properties: operators,
    additionalProperties: block(text('conditionOperator')),
    propertyNames: { pattern: OPERATOR_PATTERN, patternErrorMessage: text('conditionOperator') },
  };
}

function principalSchema(text: SchemaText, description: string): JsonSchema {
  return {
    description,
    anyOf: [
      {
        type: 'object',
        description,
        minProperties: 1,
        properties: {
          Service: oneOrMany(text('principalService'), { examples: SERVICE_EXAMPLES }),
          AWS: oneOrMany(text('principalAws'), { examples: AWS_PRINCIPAL_EXAMPLES }),
          Federated: oneOrMany(text('principalFederated'), { examples: FEDERATED_EXAMPLES }),
          CanonicalUser: oneOrMany(text('principalCanonicalUser'), {}),
        },
        additionalProperties: false,
      },
      { type: 'string', enum: ['*'], enumDescriptions: [text('principalAll')], description },
    ],
  };
}

function statementSchema(kind: SchemaKind, text: SchemaText): JsonSchema {
  const actions = kind === 'trust' ? TRUST_ACTION_EXAMPLES : ACTION_EXAMPLES;
  const action = (description: string) => oneOrMany(description, { examples: actions, pattern: ACTION_PATTERN, patternErrorMessage: text('actionPattern') });
  const resource = (description: string) => oneOrMany(description, { examples: RESOURCE_EXAMPLES, pattern: RESOURCE_PATTERN, patternErrorMessage: text('resourcePattern') });
  const common: Record<string, JsonSchema> = {
    Sid: { description: text('sid'), type: 'string', pattern: '^[A-Za-z0-9]*$', patternErrorMessage: text('sidPattern') },
    Effect: { description: text('effect'), type: 'string', enum: ['Allow', 'Deny'], enumDescriptions: [text('effectAllow'), text('effectDeny')] },
    Action: action(kind === 'trust' ? text('trustAction') : text('action')),
    NotAction: action(text('notAction')),
    Condition: conditionSchema(text),
  };
  const specific: Record<string, JsonSchema> =
    kind === 'trust'
      ? {
          Principal: principalSchema(text, text('principal')),
          NotPrincipal: principalSchema(text, text('notPrincipal')),
          Resource: forbidden(text('resourceInTrust')),
          NotResource: forbidden(text('resourceInTrust')),
        }
      : {
          Resource: resource(text('resource')),
          NotResource: resource(text('notResource')),
          Principal: forbidden(text('principalInIdentity')),
          NotPrincipal: forbidden(text('principalInIdentity')),
        };
  const rules =
    kind === 'trust'
      ? [...oneOf('Action', 'NotAction', text('actionBoth'), text('actionMissing')), ...oneOf('Principal', 'NotPrincipal', text('principalBoth'), text('principalMissing'))]
      : [...oneOf('Action', 'NotAction', text('actionBoth'), text('actionMissing')), ...oneOf('Resource', 'NotResource', text('resourceBoth'), text('resourceMissing'))];
  return {
    type: 'object',
    description: text('statement'),
    properties: { ...common, ...specific },
    additionalProperties: false,
    required: ['Effect'],
    allOf: rules,
    defaultSnippets: [
      {
        label: text('snippetStatement'),
        description: text('snippetStatementDescription'),
        body: kind === 'trust' ? { Effect: 'Allow', Principal: { Service: '${1:ec2.amazonaws.com}' }, Action: 'sts:AssumeRole' } : { Effect: 'Allow', Action: ['${1:s3:GetObject}'], Resource: ['${2:*}'] },
      },
    ],
  };
}

const IDENTITY_SNIPPET = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['${1:s3:GetObject}'], Resource: ['${2:arn:aws:s3:::my-bucket/*}'] }] };
const TRUST_SNIPPET = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: '${1:ec2.amazonaws.com}' }, Action: 'sts:AssumeRole' }] };

/** The schema for a policy document of this kind, in the learner's language. */
export function policySchema(kind: SchemaKind, text: SchemaText): JsonSchema {
  const statement = statementSchema(kind, text);
  return {
    title: kind === 'trust' ? text('trustTitle') : text('identityTitle'),
    type: 'object',
    properties: {
      Version: { description: text('version'), type: 'string', enum: POLICY_VERSIONS, enumDescriptions: [text('versionCurrent'), text('versionOld')] },
      Id: { description: text('id'), type: 'string' },
      Statement: { description: text('statement'), anyOf: [{ type: 'array', description: text('statement'), items: statement, minItems: 1 }, statement] },
    },
    additionalProperties: false,
    required: ['Statement'],
    defaultSnippets:
      kind === 'trust'
        ? [{ label: text('snippetTrustEc2'), description: text('snippetTrustEc2Description'), body: TRUST_SNIPPET }]
        : [{ label: text('snippetIdentity'), description: text('snippetIdentityDescription'), body: IDENTITY_SNIPPET }],
  };
}
