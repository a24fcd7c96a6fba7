import { loadAllParts } from '../cli/parts';
import { loadDagre } from '../graph';

// Tests run as Node does: the CLI's parts and the graph's layout engine, which the browser's
// worker loads on first use, are all loaded before the first test.
await Promise.all([loadAllParts(), loadDagre()]);
