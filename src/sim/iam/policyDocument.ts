import type { AwsError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { iamErrors } from './errors';

/**
 * IAM policy documents: the checks IAM makes before it accepts one, and a normalized form
 * of its statements for evaluation. The check order follows what IAM reports first when a
 * document has several faults (syntax, then version, legacy parsing, Sids, actions,
 * resources or principals, then formats), as emulators that were tested against AWS do.
 */

/** An `Action`/`NotAction` or `Resource`/`NotResource` element: `not` when it is the Not- form. */
export interface PatternList {
  not: boolean;
  patterns: string[];
}

/** One principal of a trust policy: `{ "Service": "ec2.amazonaws.com" }` gives `{ type: 'Service', value: 'ec2.amazonaws.com' }`; `"*"` gives `{ type: '*', value: '*' }`. */
export interface PrincipalEntry {
  type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';
  value: string;
}

export interface PrincipalList {
  not: boolean;
  entries: PrincipalEntry[];
}

/** A statement, normalized: single values become lists; `index` is its position in the document. */
export interface NormalizedStatement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  actions: PatternList;
  /** Absent in trust policies, which may not name resources. */
  resources?: PatternList;
  /** Present in trust policies only. */
  principals?: PrincipalList;
  /** Conditions are kept as a flag: the simulator does not evaluate them. */
  hasCondition: boolean;
}

export interface ParsedPolicy {
  version?: string;
  statements: NormalizedStatement[];
}

/** What trust-policy checks need to know about the account. */
export interface PrincipalContext {
  accountId: string;
  /** Whether a role with this ARN exists in the account (IAM resolves role principals to the role's id). */
  roleExists(arn: string): boolean;
}

const VERSIONS = ['2012-10-17', '2008-10-17'];
const TOP_LEVEL = ['Version', 'Id', 'Statement'];
// Every statement element IAM knows; which of them a kind of policy may use is checked after the syntax.
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

/**
 * Service principals IAM accepts in a trust policy. IAM rejects a service it does not know
 * (a typo such as `ec2.amazonaws.co`); this list holds the services a learner is likely to name.
 */
export const KNOWN_SERVICE_PRINCIPALS: ReadonlySet<string> = new Set(
  [
    'ec2', 'lambda', 'edgelambda', 'eks', 'eks-fargate-pods', 'ecs', 'ecs-tasks', 'dax', 'ssm', 'cloud9',
    'codepipeline', 'codebuild', 'codedeploy', 'cloudformation', 'states', 'events', 'scheduler', 'apigateway',
    'glue', 'sagemaker', 'bedrock', 'batch', 'backup', 'rds', 'monitoring', 'elasticmapreduce', 'firehose',
    'kinesisanalytics', 'logs', 'delivery.logs', 'vpc-flow-logs', 'sns', 'sqs', 's3', 'autoscaling',
    'application-autoscaling', 'spotfleet', 'elasticbeanstalk', 'opsworks', 'dms', 'datasync', 'transfer',
    'appsync', 'redshift', 'airflow', 'airflow-env', 'pipes', 'iot', 'config', 'cloudtrail', 'guardduty',
    'secretsmanager', 'elasticloadbalancing', 'imagebuilder', 'servicecatalog', 'amplify',
  ].map((service) => `${service}.amazonaws.com`),
);

/** The actions a trust policy may grant. */
const TRUST_ACTIONS = ['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity', 'sts:tagsession', 'sts:setsourceidentity', 'sts:setcontext', 'sts:*'];

/** IAM counts a document's size without its white space. */
export function policySize(document: string): number {
  return document.replace(/[\s]/g, '').length;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringOrStrings = (v: Json | undefined): boolean =>
  typeof v === 'string' || (Array.isArray(v) && v.every((item) => typeof item === 'string'));
const asList = (v: Json | undefined): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : []);

/** Checks a permissions policy (inline or managed) as IAM does; the first fault found becomes IAM's error. */
export const parseIdentityPolicy = (text: string): Result<ParsedPolicy, AwsError> => parse(text, { kind: 'identity' });

/** Checks a role's trust policy as IAM does, resolving its principals against the account. */
export const parseTrustPolicy = (text: string, context: PrincipalContext): Result<ParsedPolicy, AwsError> => parse(text, { kind: 'trust', context });

function parse(text: string, target: { kind: 'identity' } | { kind: 'trust'; context: PrincipalContext }): Result<ParsedPolicy, AwsError> {
  const { kind } = target;
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch {
    // A bare file name (`--policy-document policy.json` without `file://`) ends up here.
    return err(iamErrors.malformedPolicy('This policy contains invalid Json'));
  }
  const raw = syntaxCheck(json);
  if (!raw) return err(iamErrors.malformedPolicy('Syntax errors in policy.'));
  const { document, statements } = raw;

  const prohibited = kind === 'trust' ? ['Resource', 'NotResource'] : ['Principal', 'NotPrincipal'];
  for (const statement of statements) {
    const found = prohibited.find((field) => field in statement);
    if (found && kind === 'trust') return err(iamErrors.malformedPolicy(`Has prohibited field ${found}`));
    if (found) return err(iamErrors.malformedPolicy('Policy document should not specify a principal.')); // [BEL] exact text
  }
  const version = document.Version;
  if (typeof version === 'string' && !VERSIONS.includes(version)) return err(iamErrors.malformedPolicy('The policy failed legacy parsing'));
  // Effect passes the syntax check in any case, but the legacy parser wants it spelled exactly.
  if (statements.some((s) => s.Effect !== 'Allow' && s.Effect !== 'Deny')) return err(iamErrors.malformedPolicy('The policy failed legacy parsing'));

  const sids = statements.map((s) => s.Sid).filter((sid): sid is string => typeof sid === 'string' && sid !== '');
  if (new Set(sids).size !== sids.length) return err(iamErrors.malformedPolicy('Statement IDs (SID) in a single policy must be unique.'));
  if (statements.some((s) => asList(s.Action ?? s.NotAction).length === 0)) return err(iamErrors.malformedPolicy('Policy statement must contain actions.'));
  if (kind === 'identity') {
    if (statements.some((s) => asList(s.Resource ?? s.NotResource).length === 0)) return err(iamErrors.malformedPolicy('Policy statement must contain resources.'));
    const badResource = statements.flatMap((s) => asList(s.Resource ?? s.NotResource)).find((r) => r !== '*' && !r.includes(':'));
    if (badResource !== undefined) return err(iamErrors.malformedPolicy(`Resource ${badResource} must be in ARN format or "*".`));
  } else if (statements.some((s) => !('Principal' in s) && !('NotPrincipal' in s))) {
    return err(iamErrors.malformedPolicy('Missing required field Principal')); // [BEL] exact text
  }
  const actionError = checkActions(statements.flatMap((s) => asList(s.Action ?? s.NotAction)));
  if (actionError) return err(iamErrors.malformedPolicy(actionError));

  if (target.kind === 'trust') {
    const notSts = statements.flatMap((s) => asList(s.Action ?? s.NotAction)).find((a) => !TRUST_ACTIONS.includes(a.toLowerCase()));
    if (notSts !== undefined) return err(iamErrors.malformedPolicy('AssumeRole policy may only specify STS AssumeRole actions.')); // [BEL] exact text
    for (const statement of statements) {
      const principalError = checkPrincipal(statement.Principal ?? statement.NotPrincipal, target.context);
      if (principalError) return err(iamErrors.malformedPolicy(principalError));
    }
  }
  return ok({ ...(typeof version === 'string' ? { version } : {}), statements: statements.map(normalize) });
}

/** JSON that IAM reads as a policy at all: the shape, element names and value types. */
function syntaxCheck(json: Json): { document: JsonObject; statements: JsonObject[] } | undefined {
  if (!isObject(json)) return undefined;
  if (Object.keys(json).some((key) => !TOP_LEVEL.includes(key))) return undefined;
  if ('Version' in json && typeof json.Version !== 'string') return undefined;
  if ('Id' in json && typeof json.Id !== 'string') return undefined;
  const statement = json.Statement;
  const statements = isObject(statement) ? [statement] : Array.isArray(statement) ? statement : undefined;
  if (!statements || statements.length === 0 || !statements.every(isObject)) return undefined;
  for (const s of statements as JsonObject[]) {
    if (Object.keys(s).some((key) => !STATEMENT_ELEMENTS.includes(key))) return undefined;
    if (('Action' in s && 'NotAction' in s) || ('Resource' in s && 'NotResource' in s) || ('Principal' in s && 'NotPrincipal' in s)) return undefined;
    if (typeof s.Effect !== 'string' || !['allow', 'deny'].includes(s.Effect.toLowerCase())) return undefined;
    if ('Sid' in s && typeof s.Sid !== 'string') return undefined;
    for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
      if (key in s && !isStringOrStrings(s[key])) return undefined;
    }
    if ('Condition' in s && !(isObject(s.Condition) && Object.values(s.Condition).every(isObject))) return undefined;
    for (const key of ['Principal', 'NotPrincipal'] as const) {
      if (key in s && !principalShapeOk(s[key])) return undefined;
    }
  }
  return { document: json, statements: statements as JsonObject[] };
}

function principalShapeOk(principal: Json | undefined): boolean {
  if (principal === '*') return true;
  if (!isObject(principal)) return false;
  const keys = Object.keys(principal);
  return keys.length > 0 && keys.every((k) => (PRINCIPAL_TYPES as readonly string[]).includes(k) && isStringOrStrings(principal[k]));
}

/** IAM's wording for action names it cannot read (as reported by emulators tested against AWS). */
function checkActions(actions: string[]): string | undefined {
  for (const action of actions) {
    const parts = action.split(':');
    if (parts.length === 1 && action !== '*') return 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
    if (parts.length > 2) return 'Actions/Condition can contain only one colon.';
    const vendor = parts[0] ?? '';
    if (action !== '*' && /[^a-zA-Z0-9\-.]/.test(vendor)) return `Vendor ${vendor} is not valid`;
  }
  return undefined;
}

/** A principal IAM cannot resolve, in IAM's words: `Invalid principal in policy: "SERVICE":"ec2.amazonaws.co"`. */
function checkPrincipal(principal: Json | undefined, context: PrincipalContext): string | undefined {
  if (!isObject(principal)) return undefined;
  for (const service of asList(principal.Service)) {
    if (!KNOWN_SERVICE_PRINCIPALS.has(service)) return `Invalid principal in policy: "SERVICE":"${service}"`;
  }
  for (const aws of asList(principal.AWS)) {
    if (!awsPrincipalOk(aws, context)) return `Invalid principal in policy: "AWS":"${aws}"`;
  }
  return undefined;
}

function awsPrincipalOk(value: string, context: PrincipalContext): boolean {
  if (value === '*' || /^\d{12}$/.test(value)) return true;
  const match = /^arn:aws:(iam|sts)::(\d{12}):(.+)$/.exec(value);
  if (!match) return false;
  const [, service, account, resource = ''] = match;
  // Roles of this account must exist: IAM stores the role's unique id, not its name.
  if (service === 'iam' && account === context.accountId && resource.startsWith('role/')) return context.roleExists(value);
  return true;
}

function normalize(s: JsonObject, index: number): NormalizedStatement {
  const statement: NormalizedStatement = {
    index,
    effect: s.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: { not: 'NotAction' in s, patterns: asList(s.Action ?? s.NotAction) },
    hasCondition: 'Condition' in s,
  };
  if (typeof s.Sid === 'string') statement.sid = s.Sid;
  if ('Resource' in s || 'NotResource' in s) statement.resources = { not: 'NotResource' in s, patterns: asList(s.Resource ?? s.NotResource) };
  const principal = s.Principal ?? s.NotPrincipal;
  if (principal !== undefined) statement.principals = { not: 'NotPrincipal' in s, entries: principalEntries(principal) };
  return statement;
}

function principalEntries(principal: Json): PrincipalEntry[] {
  if (!isObject(principal)) return [{ type: '*', value: '*' }];
  return PRINCIPAL_TYPES.flatMap((type) => asList(principal[type]).map((value) => ({ type, value })));
}
