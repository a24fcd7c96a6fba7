import { LOCAL_HOME, type ShellState } from '../shell/session';
import { EXAMPLE_FILES } from './files';

/** A fresh terminal: home folder with the example files, the usual variables, no history. */
export function newShellState(): ShellState {
  return {
    cwd: LOCAL_HOME,
    variables: { HOME: LOCAL_HOME, USER: 'learner', SHELL: '/bin/bash', AWS_DEFAULT_REGION: 'us-east-1', PATH: '/usr/local/bin:/usr/bin:/bin' },
    files: { ...EXAMPLE_FILES },
    history: [],
    location: { type: 'local' },
    lastExitCode: 0,
  };
}
