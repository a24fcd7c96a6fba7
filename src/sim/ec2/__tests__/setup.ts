import { expect } from 'vitest';
import { EC2_TRUST, makeSim } from '../../__tests__/harness';
import { settle } from '../../clock';
import type { Instance, Reservation } from '../../models/ec2.types';

export type Sim = ReturnType<typeof makeSim>;

export const AMI = 'ami-0abcdef1234567890';
export const PROFILE_ARN = (name: string, path = '/') => `arn:aws:iam::123456789012:instance-profile${path}${name}`;

/**
 * A simulator with role `s3access` inside profile `web`, role `reports` inside profile `reports-profile`,
 * an empty profile `empty`, and role `orphan` with no profile of its own.
 */
export function setup(options: Parameters<typeof makeSim>[0] = {}): Sim {
  const sim = makeSim(options);
  for (const role of ['s3access', 'reports', 'orphan']) sim.ok('iam', 'CreateRole', { RoleName: role, AssumeRolePolicyDocument: EC2_TRUST });
  for (const profile of ['web', 'reports-profile', 'empty']) sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: profile });
  sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 's3access' });
  sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'reports-profile', RoleName: 'reports' });
  return sim;
}

export const profileId = (sim: Sim, name: string): string => {
  const profile = sim.state.tables.instanceProfiles[name.toLowerCase()];
  if (!profile) throw new Error(`no profile ${name}`);
  return profile.InstanceProfileId;
};

/** Launches and returns the RunInstances answer (a Reservation at top level). */
export function launch(sim: Sim, params: Record<string, unknown> = {}): Reservation & { Instances: Instance[] } {
  return sim.ok('ec2', 'RunInstances', { ImageId: AMI, MinCount: 1, MaxCount: 1, ...params });
}

export function launchOne(sim: Sim, params: Record<string, unknown> = {}): Instance & { InstanceId: string } {
  const [instance] = launch(sim, params).Instances;
  if (!instance?.InstanceId) throw new Error('launch returned no instance');
  return instance as Instance & { InstanceId: string };
}

export function describeOne(sim: Sim, instanceId: string): Instance {
  const { Reservations } = sim.ok<{ Reservations: Reservation[] }>('ec2', 'DescribeInstances', { InstanceIds: [instanceId] });
  const instance = Reservations[0]?.Instances?.[0];
  if (!instance) throw new Error(`no instance ${instanceId}`);
  return instance;
}

/**
 * Runs a request that must fail with AWS's exact code and message, and checks it changed
 * nothing. Transitions already due are settled first, so they do not count as a change.
 */
export function expectFailure(sim: Sim, operation: string, params: Record<string, unknown>, code: string, message: string): void {
  settle(sim.state, sim.now());
  const before = JSON.stringify(sim.state);
  const error = sim.fails('ec2', operation, params);
  expect({ code: error.code, message: error.message }).toEqual({ code, message });
  expect(JSON.stringify(sim.state)).toBe(before);
}
