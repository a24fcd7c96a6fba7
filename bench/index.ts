import { benchCli } from './cli';
import { benchGraph } from './graph';
import { benchSimulator } from './sim';
import { loadAllParts } from '../src/cli/parts';
import { loadDagre } from '../src/graph';

// As in Node generally: what the browser's worker loads on first use (the CLI's parts, the layout engine) is loaded first.
await Promise.all([loadAllParts(), loadDagre()]);

console.log('IAM Lab benchmarks (figures are printed, not asserted)');
benchSimulator();
benchCli();
benchGraph();
