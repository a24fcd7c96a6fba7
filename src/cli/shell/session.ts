import type { AppliedChange, AwsError, Ctx, ExecuteResult, Request, ServiceName, SimEvent, SimState } from '../../sim';

/** Where the learner's shell is: their own machine, or an SSH session inside an instance. */
export type Location = { type: 'local' } | { type: 'instance'; instanceId: string; /** where `exit` returns to */ returnCwd: string };

/** The terminal's own state, saved with the simulator's. */
export interface ShellState {
  cwd: string;
  /** Shell and environment variables (IAM Lab does not tell them apart). */
  variables: Record<string, string>;
  /** The virtual file system: absolute path → text. Directories exist where files do. */
  files: Record<string, string>;
  history: string[];
  location: Location;
  lastExitCode: number;
}

export const LOCAL_HOME = '/home/learner';
/** Writes to it vanish, as on any Unix. */
export const DEV_NULL = '/dev/null';
export const INSTANCE_HOME = '/home/ec2-user';

/** What a command may use besides the shell: the simulated account, its clock and the UI language. */
export interface Machine {
  state: SimState;
  ctx: Ctx;
  /** Every API call goes through here, so the host sees each change (for events, highlights and undo). */
  execute(request: Request): ExecuteResult;
  /** Moves simulated time forward (`sleep`). */
  advanceClock(ms: number): void;
  language: 'en' | 'ja';
}

/** Something the terminal must do besides printing. */
export type Effect =
  | { type: 'clear' }
  | { type: 'edit'; path: string }
  /** Simulated time moved forward (the terminal says so quietly; it is not output). */
  | { type: 'clock'; advancedSeconds: number };

export type OutputChunk = { stream: 'stdout' | 'stderr'; text: string };

/**
 * One API request the script sent to the simulator, and how AWS answered it: what a learner met,
 * as data, whatever the terminal printed or where its standard error went.
 */
export interface ApiRequest {
  service: ServiceName;
  operation: string;
  outcome: { ok: true } | { ok: false; error: AwsError };
}

export interface ScriptResult {
  chunks: OutputChunk[];
  exitCode: number;
  events: SimEvent[];
  /** The simulator changes the script committed, with prior values, in order (undo inverts them). */
  applied: AppliedChange[];
  /** Every API request sent, in order, `$(…)` included (the host's Machine fills it). */
  requests: ApiRequest[];
  effects: Effect[];
}

/** A command's view of the world while it runs. */
export interface CommandIO {
  readonly name: string;
  readonly args: readonly string[];
  readonly shell: ShellState;
  readonly machine: Machine;
  /** False when standard output goes to a file or into a `$(…)`: curl then shows its progress meter. */
  readonly stdoutIsTerminal: boolean;
  out(text: string): void;
  err(text: string): void;
  effect(effect: Effect): void;
  /** The variables this command sees: the shell's plus its `NAME=value` prefixes. */
  readonly environment: Readonly<Record<string, string>>;
}

export type Builtin = (io: CommandIO) => number;

export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export const isDirectory = (shell: ShellState, path: string): boolean =>
  path === '/' || path === LOCAL_HOME || path === INSTANCE_HOME || Object.keys(shell.files).some((f) => f.startsWith(path + '/'));
