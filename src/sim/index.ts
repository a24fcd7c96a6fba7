/** The simulator's public surface, for the CLI, the worker, the graph and the lessons. */
export { execute, supportedOperations, type ExecuteResult, type Outcome, type Request } from './execute';
export { settle } from './clock';
export { emptyState, SCHEMA_VERSION, DEFAULT_TIMING, type SimState, type TableName, type Tables, type Timing } from './core/state';
export { commit, invert, type AppliedChange, type Change, type SimEvent, type ResourceType } from './core/changes';
export { LEARNER, type Caller, type Ctx } from './core/operation';
export { seededRandom, type RandomSource, type RandomState } from './core/random';
export type { AwsError, ServiceName } from './core/errors';
export { serviceModels, type ServiceModel, type Shape } from './core/model';
export { imdsRequest, metadataServiceReachable, instanceRoleSession, type ImdsRequest, type ImdsResponse, type InstanceRoleSession, type InstanceRoleSessionUnavailable } from './imds';
export { decodeSessionToken, callerArn, type SessionClaims } from './sts';
export { runConsoleAction, type ConsoleAction, type ConsoleActionResult, type ConsoleApiCall } from './console/actions';
export { SERVICE_USE_CASES, type ServiceUseCase } from './console/useCases';
export { own, newTable, nameKey, type InstanceRecord, type RoleRecord, type InstanceProfileRecord, type AssociationRecord, type ManagedPolicyRecord, type Tag } from './core/state';
