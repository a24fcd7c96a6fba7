import type { Locator, Page } from '@playwright/test';

/** Test id parts of the graph's node kinds (see `src/ui/graph/nodes.tsx`). */
export type NodeKindId = 'principal' | 'role' | 'policy' | 'inline-policy' | 'profile' | 'deleted-profile' | 'instance';
export type EdgeKindId = 'may-assume' | 'has-managed-policy' | 'has-inline-policy' | 'contains-role' | 'uses-profile';

/** The live graph: nodes and edges by kind, the warnings over it, the legend with its filter. */
export class GraphPanel {
  readonly root: Locator;
  readonly empty: Locator;
  readonly warnings: Locator;
  readonly legend: Locator;
  readonly fitView: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('graph');
    this.empty = page.getByTestId('graph.empty');
    this.warnings = this.root.getByTestId('graph.warning');
    this.legend = this.root.getByTestId('graph.legend');
    this.fitView = this.root.locator('.react-flow__controls-fitview');
  }

  nodes(kind: NodeKindId): Locator {
    return this.root.getByTestId(`graph.node.${kind}`);
  }

  /** A node's box by its graph id (`role:s3access`, `profile:s3access-profile`, `instance:i-…`). */
  node(id: string): Locator {
    return this.root.locator(`[data-node-id="${id}"]`);
  }

  /** The focusable element React Flow wraps around a node. */
  nodeWrapper(id: string): Locator {
    return this.root.locator(`.react-flow__node[data-id="${id}"]`);
  }

  edges(kind: EdgeKindId): Locator {
    return this.root.getByTestId(`graph.edge.${kind}`);
  }

  edgeLabels(kind: EdgeKindId): Locator {
    return this.root.getByTestId(`graph.edge-label.${kind}`);
  }

  /** Shows or hides a kind of node through the legend's filter. */
  async toggleKind(kind: NodeKindId): Promise<void> {
    if (!(await this.legend.evaluate((el) => (el as unknown as { open: boolean }).open))) await this.legend.locator('summary').click();
    await this.legend.getByTestId(`graph.filter.${kind}`).click();
  }
}
