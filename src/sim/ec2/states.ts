import type { InstanceStateName } from '../core/state';

/** EC2's state codes (the low byte of InstanceState.Code). */
export const STATE_CODES: Readonly<Record<InstanceStateName, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export const instanceState = (name: InstanceStateName): { Code: number; Name: InstanceStateName } => ({ Code: STATE_CODES[name], Name: name });
