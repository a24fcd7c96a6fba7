/** The live graph: simulator state → nodes, edges and warnings; highlights; a stable layout. */
export { deriveGraph, compareIds } from './derive';
export { diffGraph, graphChanges, eventTarget, type ChangeSet, type GraphChanges } from './highlight';
export { layoutGraph, LAYOUT_DEFAULTS, BAND_LAYOUT_LIMIT, COLUMN_OF, type LayoutOptions, type Position, type Positions } from './layout';
export { loadDagre } from './dagre';
export { filterGraph, summarizeGraph, type GraphSummary } from './view';
export * from './types';
