import { loadDagre } from '../graph';
import type { LabApi } from './protocol';
import type { Storage } from './storage';

/**
 * The graph's layout engine (@dagrejs/dagre) is loaded before the lab can have anything to lay
 * out, never at start for a new lab (it is empty): before each request that can bring nodes, and
 * before a saved lab is laid out (`layoutOnLoad`). Once loaded it stays. The requests that cannot
 * bring nodes go straight through: ticks (they change what exists), completion, reading, export.
 */
export function layoutFirst(lab: LabApi): LabApi {
  const ready =
    <A extends unknown[], R>(request: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await loadDagre();
      return Reflect.apply(request, lab, args) as Promise<R>;
    };
  return {
    init: (language) => lab.init(language),
    run: ready(lab.run),
    consoleAction: ready(lab.consoleAction),
    tick: () => lab.tick(),
    complete: (line, cursor) => lab.complete(line, cursor),
    undo: ready(lab.undo),
    reset: ready(lab.reset),
    startChapter: ready(lab.startChapter),
    exportScenario: () => lab.exportScenario(),
    importScenario: ready(lab.importScenario),
    shareFragment: () => lab.shareFragment(),
    openShared: ready(lab.openShared),
    readFile: (path) => lab.readFile(path),
    writeFile: ready(lab.writeFile),
    moveNodes: ready(lab.moveNodes),
    describeNode: (nodeId) => lab.describeNode(nodeId),
  };
}

/** A saved lab is laid out as soon as it is read: the engine comes with it. */
export function layoutOnLoad(storage: Storage): Storage {
  return {
    async load() {
      const text = await storage.load();
      if (text !== undefined) await loadDagre();
      return text;
    },
    save: (rest, account) => storage.save(rest, account),
  };
}
