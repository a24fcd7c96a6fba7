import { commit, eventsOf, type AppliedChange, type SimEvent } from './core/changes';
import { awsError, type AwsError, type ServiceName } from './core/errors';
import { serviceModels, validateInput } from './core/model';
import { LEARNER, type Caller, type Ctx, type OpEnv, type OperationSpec, type RequestOrigin } from './core/operation';
import type { ServiceDefinition } from './core/service';
import type { SimState } from './core/state';
import { authorize, recordRoleUse } from './auth';
import { settle } from './clock';
import { ec2Service } from './ec2';
import { iamService } from './iam';
import { stsService } from './sts';
import { taggingService } from './tagging';

/** One API call, shaped as the service model shapes its input. */
export interface Request {
  service: ServiceName;
  operation: string;
  params?: Record<string, unknown>;
  /** The learner unless the request comes from inside an instance or an assumed-role session. */
  caller?: Caller;
  /** The CLI unless a console action made the request. */
  origin?: RequestOrigin;
}

export type Outcome = { ok: true; response: unknown } | { ok: false; error: AwsError };

export interface ExecuteResult {
  /** The same state object, brought up to date (see `commit`). */
  state: SimState;
  outcome: Outcome;
  /** Clock transitions that came due, then the request's own changes. */
  events: SimEvent[];
  /** Every committed change with its prior value, for undo. */
  applied: AppliedChange[];
}

const services: readonly ServiceDefinition[] = [iamService, ec2Service, stsService, taggingService];

const registry = new Map<string, { service: ServiceDefinition; operation: OperationSpec<never, unknown> }>();
for (const service of services) {
  for (const operation of service.operations) registry.set(`${service.name}:${operation.name}`, { service, operation });
}

export const supportedOperations = (service: ServiceName): string[] =>
  services.find((s) => s.name === service)?.operations.map((o) => o.name) ?? [];

/**
 * Runs one request against the state. Deterministic: the same state, request, clock and random
 * source give the same result. Atomic: a failed request commits nothing but due clock transitions.
 */
export function execute(state: SimState, request: Request, ctx: Ctx): ExecuteResult {
  const now = ctx.now();
  const clock = settle(state, now);
  const failWith = (error: AwsError): ExecuteResult => ({ state, outcome: { ok: false, error }, events: clock.events, applied: clock.applied });

  const entry = registry.get(`${request.service}:${request.operation}`);
  if (!entry) {
    const version = serviceModels[request.service]?.metadata.apiVersion ?? 'unknown';
    return failWith(awsError(request.service, 'InvalidAction', `Could not find operation ${request.operation} for version ${version}`));
  }
  const params = request.params ?? {};
  const violations = validateInput(request.service, request.operation, params);
  if (violations.length) return failWith(entry.service.validationError(request.operation, violations));

  const env: OpEnv = { state, now, random: ctx.random, caller: request.caller ?? LEARNER, origin: request.origin ?? 'cli' };
  const denied = authorize(entry.service.name, entry.operation, params, env);
  if (denied) return failWith(denied);
  const result = entry.operation.handler(params as never, env);
  if (!result.ok) return failWith(result.error);

  const applied = commit(state, result.value.changes);
  // A role's use is recorded after the request's own changes, on the role as they left it.
  applied.push(...commit(state, recordRoleUse(state, env)));
  const events = [...clock.events, ...eventsOf(applied, { type: 'request', service: request.service, operation: request.operation })];
  return { state, outcome: { ok: true, response: result.value.response }, events, applied: [...clock.applied, ...applied] };
}
