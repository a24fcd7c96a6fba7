import { newWorkspace } from '../../../cli/terminal';
import { LabHost } from '../../../worker/host';
import type { Storage } from '../../../worker/storage';
import type { LabClient } from '../../store/labStore';

/**
 * A real lab behind the walkthrough, in Node: the worker's LabHost with every answer copied as
 * postMessage copies it (tables gain a prototype, nothing is shared with the worker's state).
 */
export function postMessageLab(): { host: LabHost; client: LabClient } {
  const memory: Storage = { load: async () => undefined, save: async () => undefined };
  let wall = 0;
  // Each request is a second after the last, as a learner types.
  const host = new LabHost({ storage: memory, wallClock: () => (wall += 1000), freshWorkspace: () => newWorkspace({ seed: 3 }) });
  const client = new Proxy(host, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (value.apply(target, args) as Promise<unknown>).then((answer) => structuredClone(answer));
    },
  }) as LabClient;
  return { host, client };
}
