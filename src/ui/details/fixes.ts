import type { GraphEdge, GraphWarning } from '../../graph/types';
import { exhaustive } from '../lib/exhaustive';

/** A word as bash reads it back: bare when safe, else single-quoted (as the CLI's own command lines are written). */
export const shellWord = (word: string): string => (/^[A-Za-z0-9_\-.,:/@%+=]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

const aws = (...words: string[]): string => ['aws', ...words.map(shellWord)].join(' ');

/** What the learner types in place of a name IAM Lab cannot guess. */
export const PLACEHOLDER = { role: 'ROLE_NAME', profile: 'PROFILE_NAME' } as const;

/**
 * Commands that take a warning away, for the learner to paste, read and run: built from the
 * warning's names and the lab's example files (`ec2-role-trust-policy.json`,
 * `ec2-role-access-policy.json`); a name IAM Lab cannot choose is a placeholder in capitals.
 */
export function fixCommands(warning: GraphWarning, edges: readonly GraphEdge[]): string[] {
  switch (warning.code) {
    case 'empty-profile-attached':
      return [aws('iam', 'add-role-to-instance-profile', '--instance-profile-name', warning.params.profile, '--role-name', PLACEHOLDER.role)];
    case 'association-profile-deleted': {
      const association = edges.find((e) => e.kind === 'uses-profile' && warning.edgeIds.includes(e.id));
      const id = association?.kind === 'uses-profile' ? association.associationId : '';
      return [aws('ec2', 'replace-iam-instance-profile-association', '--association-id', id, '--iam-instance-profile', `Name=${PLACEHOLDER.profile}`)];
    }
    case 'profile-role-not-trusted-by-ec2':
      return [aws('iam', 'update-assume-role-policy', '--role-name', warning.params.role, '--policy-document', 'file://ec2-role-trust-policy.json')];
    case 'ec2-role-without-profile': {
      const { role } = warning.params;
      // The console names the profile after the role; an IAM name is at most 128 characters.
      const profile = role.length + '-profile'.length <= 128 ? `${role}-profile` : PLACEHOLDER.profile;
      return [aws('iam', 'create-instance-profile', '--instance-profile-name', profile), aws('iam', 'add-role-to-instance-profile', '--instance-profile-name', profile, '--role-name', role)];
    }
    case 'same-name-not-linked': {
      const { role, profile, profileRole } = warning.params;
      const add = aws('iam', 'add-role-to-instance-profile', '--instance-profile-name', profile, '--role-name', role);
      return profileRole === null ? [add] : [aws('iam', 'remove-role-from-instance-profile', '--instance-profile-name', profile, '--role-name', profileRole), add];
    }
    case 'role-without-permissions':
      return [aws('iam', 'put-role-policy', '--role-name', warning.params.role, '--policy-name', 'S3-Permissions', '--policy-document', 'file://ec2-role-access-policy.json')];
    default:
      return exhaustive(warning);
  }
}
