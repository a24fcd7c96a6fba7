import type { Change } from './changes';
import type { AwsError, ServiceName } from './errors';
import type { RandomSource } from './random';
import type { Result } from './result';
import type { SimState } from './state';

/** What the host injects: the simulator has no clock or randomness of its own. */
export interface Ctx {
  /** Simulated wall-clock time, epoch milliseconds. */
  now(): number;
  random: RandomSource;
}

/**
 * Who makes the request. The learner is an IAM user with full rights; inside an instance,
 * requests are signed with the instance role's temporary credentials.
 */
export type Caller =
  | { type: 'user' }
  | { type: 'assumed-role'; roleName: string; sessionName: string };

export const LEARNER: Caller = { type: 'user' };

/** Everything a handler may read. It may not write: it returns changes. */
export interface OpEnv {
  readonly state: SimState;
  readonly now: number;
  readonly random: RandomSource;
  readonly caller: Caller;
  /** Where the request came from: the console makes some resources silently, and the graph says so. */
  readonly origin: RequestOrigin;
}

export type RequestOrigin = 'cli' | 'console';

export type OpResult<Output> = Result<{ response: Output; changes: Change[] }, AwsError>;

/** An IAM action on a resource, as authorization checks it (`iam:PassRole` on a role ARN …). */
export interface Permission {
  action: string;
  resource: string;
}

/**
 * One API operation: its handler and the permissions it needs beyond its own action.
 * `Input` is the request as the service model shapes it, already checked against the model.
 */
export interface OperationSpec<Input, Output> {
  service: ServiceName;
  name: string;
  /** The resource ARN the operation's own action applies to (defaults to `*`). */
  resource?: (input: Input, env: OpEnv) => string;
  /** Further permissions the caller needs, such as `iam:PassRole` for a launch with a profile. */
  extraPermissions?: (input: Input, env: OpEnv) => Permission[];
  handler: (input: Input, env: OpEnv) => OpResult<Output>;
}

/** Declares an operation with its types inferred from the handler. */
export const defineOperation = <Input, Output>(spec: OperationSpec<Input, Output>): OperationSpec<Input, Output> => spec;

/** Result helpers for handlers. */
export const done = <Output>(response: Output, changes: Change[] = []): OpResult<Output> => ({ ok: true, value: { response, changes } });
export const fail = (error: AwsError): OpResult<never> => ({ ok: false, error });
