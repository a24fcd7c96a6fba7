import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphEdge, GraphNode, GraphWarning } from '../../graph/types';
import type { NodeDescription } from '../../worker/protocol';
import { useLab, useLabActions } from '../app/LabContext';
import { KIND_ICONS, WarningIcon } from '../graph/icons';
import { nodeName, warningExplanation, warningShort } from '../graph/text';
import { segment } from '../terminal/highlight';
import { fixCommands } from './fixes';
import './details.css';

const NO_EDGES: readonly GraphEdge[] = [];
const NO_WARNINGS: readonly GraphWarning[] = [];

/** A command line the learner can copy, or put in the terminal's command line to read, edit and run. */
function CommandBox({ command, testId }: { command: string; testId: string }) {
  const { t } = useTranslation('graph');
  const { pasteCommand } = useLabActions();
  const [copied, setCopied] = useState<'copied' | 'failed' | undefined>(undefined);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="details-command">
      <code data-testid={testId}>{command}</code>
      <div className="details-command-actions">
        <button type="button" className="button" onClick={() => void copy()} data-testid={`${testId}.copy`}>
          {t('details.copy')}
        </button>
        <button type="button" className="button" onClick={() => pasteCommand(command)} data-testid={`${testId}.paste`}>
          {t('details.paste')}
        </button>
        <span className="details-copied" role="status">
          {copied === 'copied' ? t('details.copied') : copied === 'failed' ? t('details.copyFailed') : ''}
        </span>
      </div>
    </div>
  );
}

/** What the command printed, highlighted as the terminal highlights JSON, as text nodes only. */
function Output({ description }: { description: NodeDescription }) {
  const { t } = useTranslation('graph');
  const failed = description.exitCode !== 0;
  const segments = useMemo(() => segment(description.output, !failed), [description.output, failed]);
  return (
    <>
      <h3 className="details-heading">{t('details.output')}</h3>
      {failed && <p className="details-note">{t('details.failed')}</p>}
      <pre className={`details-output${failed ? ' is-error' : ''}`} data-testid="details.output" tabIndex={0}>
        {segments.map((s, i) => (s.kind === 'plain' ? s.text : <span key={i} className={`tok-${s.kind === 'id' ? s.within : s.kind}`}>{s.text}</span>))}
      </pre>
    </>
  );
}

function WarningExplained({ warning, edges }: { warning: GraphWarning; edges: readonly GraphEdge[] }) {
  const { t } = useTranslation('graph');
  const { explain, fix } = warningExplanation(t, warning);
  return (
    <li className="details-warning" data-testid="details.warning" data-code={warning.code}>
      <p className="details-warning-title">
        <WarningIcon />
        <span>{warningShort(t, warning)}</span>
      </p>
      <p>{explain}</p>
      <p>{fix}</p>
      {fixCommands(warning, edges).map((command) => (
        <CommandBox key={command} command={command} testId="details.fix" />
      ))}
    </li>
  );
}

/** A trust principal is no resource of the account: the roles that name it stand in for a command. */
function TrustingRoles({ node, edges }: { node: GraphNode; edges: readonly GraphEdge[] }) {
  const { t } = useTranslation('graph');
  const { selectNode } = useLabActions();
  const roles = edges.filter((e) => e.kind === 'may-assume' && e.source === node.id).map((e) => e.target);
  return (
    <>
      <p>{t('details.noCommand')}</p>
      {roles.length === 0 ? (
        <p className="details-note">{t('details.noRoles')}</p>
      ) : (
        <ul className="details-links">
          {roles.map((id) => (
            <li key={id}>
              <button type="button" className="details-link" onClick={() => selectNode(id)}>
                {id.slice('role:'.length)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The selected node's resource as its read-only command prints it, refreshed after every change. */
function useDescription(nodeId: string, version: number | undefined): { description: NodeDescription | undefined; loading: boolean } {
  const { describeNode } = useLabActions();
  const [shown, setShown] = useState<{ nodeId: string; version: number | undefined; description: NodeDescription | undefined }>();
  useEffect(() => {
    let current = true;
    describeNode(nodeId).then(
      (description) => current && setShown({ nodeId, version, description }),
      () => current && setShown({ nodeId, version, description: undefined }),
    );
    return () => {
      current = false;
    };
  }, [describeNode, nodeId, version]);
  // While a newer answer is on its way, the last one for this node stays (no flicker on every tick).
  const same = shown?.nodeId === nodeId;
  return { description: same ? shown.description : undefined, loading: !same };
}

function SelectedNode({ node }: { node: GraphNode }) {
  const { t } = useTranslation('graph');
  const { selectNode } = useLabActions();
  const version = useLab((s) => s.published?.stateVersion);
  const edges = useLab((s) => s.published?.graph.edges ?? NO_EDGES);
  const allWarnings = useLab((s) => s.published?.graph.warnings ?? NO_WARNINGS);
  const warnings = useMemo(() => allWarnings.filter((w) => w.nodeIds.includes(node.id)), [allWarnings, node.id]);
  const { description, loading } = useDescription(node.id, version);
  const Icon = KIND_ICONS[node.kind];
  const arn = 'arn' in node ? node.arn : undefined;
  return (
    <div className="details" data-testid="details.selected" data-node-id={node.id} data-kind={node.kind}>
      <div className="details-title">
        <Icon />
        <div>
          <p className="details-kind">{t(`kinds.${node.kind}`)}</p>
          <h3 className="details-name" data-testid="details.name">
            {nodeName(node)}
          </h3>
          {arn !== undefined && <p className="details-arn">{arn}</p>}
          {node.kind === 'principal' && <p className="details-arn">{t('details.principal', { type: t(`principalTypes.${node.principalType}`), value: node.value })}</p>}
        </div>
        <button type="button" className="button details-clear" onClick={() => selectNode(undefined)} data-testid="details.clear">
          {t('details.clear')}
        </button>
      </div>

      <h3 className="details-heading">{t('details.warnings')}</h3>
      {warnings.length === 0 ? (
        <p className="details-note" data-testid="details.noWarnings">
          {t('details.noWarnings')}
        </p>
      ) : (
        <ul className="details-warnings">
          {warnings.map((w) => (
            <WarningExplained key={w.id} warning={w} edges={edges} />
          ))}
        </ul>
      )}

      {node.kind === 'principal' ? (
        <TrustingRoles node={node} edges={edges} />
      ) : (
        <>
          <h3 className="details-heading">{t('details.command')}</h3>
          {description ? <CommandBox command={description.command} testId="details.command" /> : loading && <p className="details-note">{t('details.loading')}</p>}
          {description && <Output description={description} />}
        </>
      )}
    </div>
  );
}

/** The details panel: the selected node of the graph (or id of the terminal), explained. */
export function NodeDetails() {
  const { t } = useTranslation('graph');
  const selected = useLab((s) => s.selectedNodeId);
  const node = useLab((s) => (s.selectedNodeId === undefined ? undefined : s.published?.graph.nodes.find((n) => n.id === s.selectedNodeId)));
  const { selectNode } = useLabActions();
  if (selected === undefined) {
    return (
      <div className="details details-empty" data-testid="details.empty">
        <p>{t('details.empty')}</p>
      </div>
    );
  }
  if (!node) {
    return (
      <div className="details" data-testid="details.gone" data-node-id={selected}>
        <p>{t('details.gone', { id: selected })}</p>
        <button type="button" className="button" onClick={() => selectNode(undefined)}>
          {t('details.clear')}
        </button>
      </div>
    );
  }
  return <SelectedNode key={node.id} node={node} />;
}
