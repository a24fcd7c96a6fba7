import * as Comlink from 'comlink';
import { newWorkspace } from '../cli/terminal';
import { LabHost } from './host';
import { layoutFirst, layoutOnLoad } from './layoutFirst';
import { indexedDbStorage } from './storage';
import { wireApi } from './wire';

/**
 * The Web Worker: the simulator and the terminal run here, off the UI thread. A new lab starts at
 * the real date and time, with a random seed, so ids differ from learner to learner as in AWS.
 */
const freshWorkspace = () => newWorkspace({ seed: crypto.getRandomValues(new Uint32Array(1))[0] ?? 1, startTime: Math.floor(Date.now() / 1000) * 1000 });

// The CLI's rarer parts and the graph's layout engine load on first use (see ../cli/parts and ./layoutFirst).
Comlink.expose(wireApi(layoutFirst(new LabHost({ storage: layoutOnLoad(indexedDbStorage()), wallClock: () => performance.now(), freshWorkspace }))));
