import { benchGraph } from './graph';
benchGraph();
