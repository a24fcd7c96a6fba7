import * as Comlink from 'comlink';
import type { LabApi } from './protocol';
import { unwireApi, type WireApi } from './wire';

/** Starts the lab's worker and returns its API; every call is a message to the worker and back. */
export function createLabClient(): LabApi {
  const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
  return unwireApi(Comlink.wrap<WireApi>(worker));
}
