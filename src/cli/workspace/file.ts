import * as v from 'valibot';
import { describeSnapshotProblem, parseSimState } from '../../sim/core/snapshot';
import { err, ok, type Result } from '../../sim/core/result';
import type { Workspace } from '../terminal';

/** A saved terminal session: the shell's part is checked here, the simulator's by `parseSimState`. */
const location = v.variant('type', [
  v.strictObject({ type: v.literal('local') }),
  v.strictObject({ type: v.literal('instance'), instanceId: v.string(), returnCwd: v.string() }),
]);

const absolutePath = v.pipe(v.string(), v.startsWith('/'));

const shell = v.strictObject({
  cwd: absolutePath,
  variables: v.record(v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/)), v.string()),
  // Checked key by key below: valibot's record() would drop a file named `__proto__`.
  files: v.custom<Record<string, string>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'Invalid type: Expected Object'),
  history: v.array(v.string()),
  location,
  lastExitCode: v.pipe(v.number(), v.integer()),
});

const uint32 = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff));
const workspace = v.strictObject({
  sim: v.unknown(),
  shell,
  clock: v.pipe(v.number(), v.finite()),
  random: v.tuple([uint32, uint32, uint32, uint32]),
});

/** Reads a workspace from JSON text, or says (in English, as a CLI message) why it cannot. */
export function parseWorkspace(text: string): Result<Workspace, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return err(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const checked = v.safeParse(workspace, value);
  if (!checked.success) {
    const issue = checked.issues[0];
    return err(`invalid at ${issue.path?.map((p) => String(p.key)).join('.') || 'the top level'}: ${issue.message}`);
  }
  const files = Object.create(null) as Record<string, string>;
  for (const [path, content] of Object.entries(checked.output.shell.files)) {
    if (!path.startsWith('/') || typeof content !== 'string') return err(`invalid at shell.files.${path}: expected an absolute path and text`);
    files[path] = content;
  }
  const sim = parseSimState(checked.output.sim);
  if (!sim.ok) return err(`simulator state ${describeSnapshotProblem(sim.error)}`);
  const { random } = checked.output;
  return ok({ sim: sim.value, shell: { ...checked.output.shell, files }, clock: checked.output.clock, random: [random[0], random[1], random[2], random[3]] });
}
