import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode, NodeKind } from '../../graph/types';
import type { LabFlowNode, LabNodeData } from './flow';
import { ConsoleIcon, KIND_ICONS, WarningIcon } from './icons';
import { warningShort } from './text';

/** The test id part of each kind: `graph.node.role`, `graph.node.profile` … */
export const NODE_TEST_IDS: Readonly<Record<NodeKind, string>> = {
  principal: 'principal',
  role: 'role',
  'managed-policy': 'policy',
  'inline-policy': 'inline-policy',
  'instance-profile': 'profile',
  'deleted-profile': 'deleted-profile',
  instance: 'instance',
};

function nodeOf<K extends NodeKind>(data: LabNodeData, kind: K): Extract<GraphNode, { kind: K }> {
  if (data.node.kind !== kind) throw new Error(`a ${data.node.kind} node drawn as a ${kind}`);
  return data.node as Extract<GraphNode, { kind: K }>;
}

/** The count of warnings, with their text as a tooltip (the node's accessible name already says them). */
function WarningBadge({ data }: { data: LabNodeData }) {
  const { t } = useTranslation('graph');
  if (data.warnings.length === 0) return null;
  return (
    <span className="lab-node-warning" title={data.warnings.map((w) => warningShort(t, w)).join('\n')} data-testid="graph.node.warning" aria-hidden="true">
      <WarningIcon />
      {data.warnings.length > 1 && <span>{data.warnings.length}</span>}
    </span>
  );
}

interface FrameProps {
  data: LabNodeData;
  /** Shown above the name: the kind, or a closer description of it. */
  heading: string;
  name: string;
  /** Marks beside the heading (AWS managed, made by the console …). */
  tags?: ReactNode;
  children?: ReactNode;
}

/**
 * The box every node shares: icon, heading, name, one line of detail. Everything inside is text
 * from the lab or the locale files, rendered as text: never markup.
 */
function Frame({ data, heading, name, tags, children }: FrameProps) {
  const { node } = data;
  const Icon = KIND_ICONS[node.kind];
  return (
    <div className={`lab-node-box kind-${node.kind}`} data-testid={`graph.node.${NODE_TEST_IDS[node.kind]}`} data-node-id={node.id}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="lab-node-head">
        <Icon />
        <span className="lab-node-kind">{heading}</span>
        {tags}
        <WarningBadge data={data} />
      </div>
      <div className="lab-node-name" title={name}>
        {name}
      </div>
      {children}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

const RoleView = memo(function RoleView({ data }: NodeProps<LabFlowNode>) {
  const { t } = useTranslation('graph');
  const role = nodeOf(data, 'role');
  return (
    <Frame data={data} heading={t('kinds.role')} name={role.name}>
      {role.description !== undefined && <div className="lab-node-sub">{role.description}</div>}
    </Frame>
  );
});

/** A profile is drawn as a case holding its role's name, or an empty slot. */
const ProfileView = memo(function ProfileView({ data }: NodeProps<LabFlowNode>) {
  const { t } = useTranslation('graph');
  const profile = nodeOf(data, 'instance-profile');
  const RoleIcon = KIND_ICONS.role;
  const tags =
    profile.createdBy === 'console' ? (
      <span className="lab-node-tag tag-console" title={t('node.madeByConsoleHelp')} data-testid="graph.node.madeByConsole">
        <ConsoleIcon />
        {t('node.madeByConsole')}
      </span>
    ) : undefined;
  return (
    <Frame data={data} heading={t('kinds.instance-profile')} name={profile.name} tags={tags}>
      {profile.roleName === null ? (
        <div className="lab-node-slot is-empty" data-testid="graph.node.profile.slot">
          {t('node.noRole')}
        </div>
      ) : (
        <div className="lab-node-slot" data-testid="graph.node.profile.slot">
          <RoleIcon />
          <span className="visually-hidden">{t('node.holds')} </span>
          <span className="lab-node-slot-name">{profile.roleName}</span>
        </div>
      )}
    </Frame>
  );
});

const InstanceView = memo(function InstanceView({ data }: NodeProps<LabFlowNode>) {
  const { t } = useTranslation('graph');
  const instance = nodeOf(data, 'instance');
  return (
    <Frame data={data} heading={t('kinds.instance')} name={instance.name ?? instance.instanceId}>
      <div className="lab-node-sub lab-node-instance">
        <span className={`lab-state state-${instance.state}`} data-testid="graph.node.instance.state" data-state={instance.state}>
          {t(`instanceStates.${instance.state}`)}
        </span>
        <span className="lab-node-id">{instance.name === null ? t('node.noName') : instance.instanceId}</span>
      </div>
    </Frame>
  );
});

const ManagedPolicyView = memo(function ManagedPolicyView({ data }: NodeProps<LabFlowNode>) {
  const { t } = useTranslation('graph');
  const policy = nodeOf(data, 'managed-policy');
  return (
    <Frame data={data} heading={t('kinds.managed-policy')} name={policy.name}>
      <div className="lab-node-sub">{policy.awsManaged ? t('node.awsManaged') : t('node.customerManaged')}</div>
    </Frame>
  );
});

const InlinePolicyView = memo(function InlinePolicyView({ data }: NodeProps<LabFlowNode>) {
  const { t } = useTranslation('graph');
  const policy = nodeOf(data, 'inline-policy');
  return (
    <Frame data={data} heading={t('kinds.inline-policy')} name={policy.name}>
      <div className="lab-node-sub">{t('node.inRole', { role: policy.roleName })}</div>
    </Frame>
  );
});

const PrincipalView = memo(function PrincipalView({ data }: NodeProps<LabFlowNode>) {
  const { t } = useTranslation('graph');
  const principal = nodeOf(data, 'principal');
  return (
    <Frame data={data} heading={t('kinds.principal')} name={principal.value}>
      <div className="lab-node-sub">{t(`principalTypes.${principal.principalType}`)}</div>
    </Frame>
  );
});

const DeletedProfileView = memo(function DeletedProfileView({ data }: NodeProps<LabFlowNode>) {
  const { t } = useTranslation('graph');
  const marker = nodeOf(data, 'deleted-profile');
  return (
    <Frame data={data} heading={t('kinds.deleted-profile')} name={marker.name}>
      <div className="lab-node-sub">{t('node.deletedId', { id: marker.profileId })}</div>
    </Frame>
  );
});

/** One component per kind; React Flow picks it by the node's `type`, which is its kind. */
export const NODE_TYPES = {
  principal: PrincipalView,
  role: RoleView,
  'managed-policy': ManagedPolicyView,
  'inline-policy': InlinePolicyView,
  'instance-profile': ProfileView,
  'deleted-profile': DeletedProfileView,
  instance: InstanceView,
} satisfies Record<NodeKind, unknown> satisfies NodeTypes;
