import { benchCli } from './cli';
import { benchGraph } from './graph';
import { benchSimulator } from './sim';

console.log('IAM Lab benchmarks (figures are printed, not asserted)');
benchSimulator();
benchCli();
benchGraph();
