import type { TFunction } from 'i18next';
import type { GraphEdge, GraphNode, GraphWarning } from '../../graph/types';
import { exhaustive } from '../lib/exhaustive';

/**
 * The graph's words in the learner's language, from `locales/*\/graph.json`. Warnings carry a
 * code and names; the sentences are ours. Names are interpolated as data and rendered as text.
 */
export type GraphT = TFunction<'graph'>;

/** One line: what is wrong, with the names involved. */
export function warningShort(t: GraphT, warning: GraphWarning): string {
  switch (warning.code) {
    case 'empty-profile-attached':
      return t('warnings.empty-profile-attached.short', warning.params);
    case 'association-profile-deleted':
      return t('warnings.association-profile-deleted.short', warning.params);
    case 'profile-role-not-trusted-by-ec2':
      return t('warnings.profile-role-not-trusted-by-ec2.short', warning.params);
    case 'ec2-role-without-profile':
      return t('warnings.ec2-role-without-profile.short', warning.params);
    case 'same-name-not-linked':
      return t('warnings.same-name-not-linked.short', { role: warning.params.role, profile: warning.params.profile });
    case 'role-without-permissions':
      return t('warnings.role-without-permissions.short', warning.params);
    default:
      return exhaustive(warning);
  }
}

/** Why it matters, and the sentence that leads to the fix. */
export function warningExplanation(t: GraphT, warning: GraphWarning): { explain: string; fix: string } {
  switch (warning.code) {
    case 'empty-profile-attached':
      return { explain: t('warnings.empty-profile-attached.explain', warning.params), fix: t('warnings.empty-profile-attached.fix') };
    case 'association-profile-deleted':
      return { explain: t('warnings.association-profile-deleted.explain', warning.params), fix: t('warnings.association-profile-deleted.fix') };
    case 'profile-role-not-trusted-by-ec2': {
      const { role, profile, trust } = warning.params;
      const explain = trust === 'deny' ? t('warnings.profile-role-not-trusted-by-ec2.explainDeny', { role, profile }) : t('warnings.profile-role-not-trusted-by-ec2.explainNoMatch', { role, profile });
      return { explain, fix: t('warnings.profile-role-not-trusted-by-ec2.fix') };
    }
    case 'ec2-role-without-profile':
      return { explain: t('warnings.ec2-role-without-profile.explain'), fix: t('warnings.ec2-role-without-profile.fix') };
    case 'same-name-not-linked': {
      const { role, profile, profileRole } = warning.params;
      const explain = profileRole === null ? t('warnings.same-name-not-linked.explainEmpty', { profile }) : t('warnings.same-name-not-linked.explainOther', { role, profile, profileRole });
      return { explain, fix: t('warnings.same-name-not-linked.fix') };
    }
    case 'role-without-permissions':
      return { explain: t('warnings.role-without-permissions.explain'), fix: t('warnings.role-without-permissions.fix') };
    default:
      return exhaustive(warning);
  }
}

/** The name a node is shown and announced by. */
export function nodeName(node: GraphNode): string {
  switch (node.kind) {
    case 'principal':
      return node.value;
    case 'instance':
      return node.name ?? node.instanceId;
    case 'role':
    case 'managed-policy':
    case 'inline-policy':
    case 'instance-profile':
    case 'deleted-profile':
      return node.name;
    default:
      return exhaustive(node);
  }
}

/**
 * Accessible names for a thousand nodes at once. i18next takes a fraction of a millisecond per
 * call, far too slow for every node of a large lab, so each sentence pattern is translated once
 * with markers in place of its values, which are then put in by plain string splicing.
 */
export function makeLabeler(t: GraphT, nameOf: (id: string) => string): { node(node: GraphNode, warnings: readonly GraphWarning[]): string; edge(edge: GraphEdge): string } {
  const mark = (name: string) => `\u0000${name}\u0000`;
  const fill = (pattern: string, values: Record<string, string>) => Object.entries(values).reduce((text, [name, value]) => text.split(mark(name)).join(value), pattern);
  const plain = t('node.label', { kind: mark('kind'), name: mark('name') });
  const warned = t('node.labelWithWarnings', { kind: mark('kind'), name: mark('name'), warnings: mark('warnings') });
  const edgePattern = t('edges.label', { label: mark('label'), source: mark('source'), target: mark('target') });
  const kinds = new Map<string, string>();
  const kindOf = (node: GraphNode) => kinds.get(node.kind) ?? kinds.set(node.kind, t(`kinds.${node.kind}`)).get(node.kind)!;
  const words = new Map<string, string>();
  const wordOf = (edge: GraphEdge) => {
    const key = edge.kind === 'may-assume' ? `${edge.kind}:${edge.decision.effect}` : edge.kind === 'uses-profile' ? `${edge.kind}:${edge.state}` : edge.kind;
    return words.get(key) ?? words.set(key, edgeText(t, edge)).get(key)!;
  };
  return {
    node: (node, warnings) =>
      warnings.length === 0
        ? fill(plain, { kind: kindOf(node), name: nodeName(node) })
        : fill(warned, { kind: kindOf(node), name: nodeName(node), warnings: warnings.map((w) => warningShort(t, w)).join(' ') }),
    edge: (edge) => fill(edgePattern, { label: wordOf(edge), source: nameOf(edge.source), target: nameOf(edge.target) }),
  };
}

/** The word on an edge: what the relation is, or the association's state. */
export function edgeText(t: GraphT, edge: GraphEdge): string {
  switch (edge.kind) {
    case 'may-assume':
      switch (edge.decision.effect) {
        case 'allow':
          return t('edges.mayAssume');
        case 'deny':
          return t('edges.trustDenied');
        case 'no-match':
          return t('edges.trustNoMatch');
        case 'not-evaluated':
          return t('edges.trustNamed');
        default:
          return exhaustive(edge.decision);
      }
    case 'has-managed-policy':
    case 'has-inline-policy':
      return t('edges.permissions');
    case 'contains-role':
      return t('edges.contains');
    case 'uses-profile':
      return t(`edges.${edge.state}`);
    default:
      return exhaustive(edge);
  }
}
