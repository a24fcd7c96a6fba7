import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EdgeKind } from '../../graph/types';
import type { LabFlowEdge } from './flow';
import { WarningIcon } from './icons';
import { edgeText, warningShort } from './text';

/** Edges whose word teaches something; policy edges speak through the legend instead, to keep the picture calm. */
const LABELLED: ReadonlySet<EdgeKind> = new Set(['may-assume', 'contains-role', 'uses-profile']);

/**
 * A curve between two columns, with its word at the middle (an association's state, "contains",
 * "may assume") and a warning mark when a warning sits on it. Test ids: `graph.edge.<kind>`.
 */
const LabEdge = memo(function LabEdge({ id, data, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd }: EdgeProps<LabFlowEdge>) {
  const { t } = useTranslation('graph');
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  if (!data) return null;
  const { edge, warnings } = data;
  const state = edge.kind === 'uses-profile' ? edge.state : undefined;
  const labelled = LABELLED.has(edge.kind) || warnings.length > 0;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} data-testid={`graph.edge.${edge.kind}`} data-edge-id={edge.id} {...(state ? { 'data-state': state } : {})} />
      {labelled && (
        <EdgeLabelRenderer>
          <div
            className={`lab-edge-label label-${edge.kind}${state ? ` state-${state}` : ''}${warnings.length ? ' has-warning' : ''}${data.fading ? ' is-fading' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`graph.edge-label.${edge.kind}`}
            title={warnings.length ? warnings.map((w) => warningShort(t, w)).join('\n') : undefined}
            aria-hidden="true"
          >
            {warnings.length > 0 && <WarningIcon />}
            {LABELLED.has(edge.kind) && <span>{edgeText(t, edge)}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const EDGE_TYPES = { lab: LabEdge } satisfies EdgeTypes;
