import * as v from 'valibot';
import { SERVICE_USE_CASES, type ConsoleAction } from '../sim';
import type { Language } from '../cli/text';
import type { Positions } from '../graph';

/**
 * What the UI sends, checked where it crosses into the worker: a console action with a missing
 * list would otherwise fail halfway through, after some of its API calls were made.
 */
const str = v.string();
const tag = v.object({ Key: str, Value: str });

const consoleAction = v.variant('type', [
  v.object({
    type: v.literal('iam.createServiceRole'),
    useCase: v.picklist(SERVICE_USE_CASES.map((u) => u.id)),
    roleName: str,
    description: v.optional(str),
    managedPolicyArns: v.array(str),
    tags: v.array(tag),
  }),
  v.object({ type: v.literal('iam.deleteRole'), roleName: str }),
  v.object({
    type: v.literal('ec2.launchInstance'),
    name: v.optional(str),
    imageId: str,
    instanceType: str,
    keyName: v.optional(str),
    instanceProfileName: v.optional(str),
    httpTokens: v.optional(v.picklist(['optional', 'required'])),
  }),
  v.object({ type: v.literal('ec2.modifyIamRole'), instanceId: str, instanceProfileName: v.nullable(str) }),
  v.object({ type: v.picklist(['ec2.startInstances', 'ec2.stopInstances', 'ec2.terminateInstances']), instanceIds: v.array(str) }),
]);

// If ConsoleAction changes, this line stops compiling until the schema follows.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesAction: Same<v.InferOutput<typeof consoleAction>, ConsoleAction> = true;
void schemaMatchesAction;

export type Checked<T> = { ok: true; value: T } | { ok: false; detail: string };

export function checkConsoleAction(value: unknown): Checked<ConsoleAction> {
  const checked = v.safeParse(consoleAction, value);
  if (checked.success) return { ok: true, value: checked.output };
  const issue = checked.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return { ok: false, detail: `console action${path ? ` ${path}` : ''}: ${issue.message}` };
}

/** Far beyond any sheet the layout makes, yet small enough that sums and zoom stay exact. */
const COORDINATE_LIMIT = 1e7;
const coordinate = v.pipe(v.number(), v.finite(), v.minValue(-COORDINATE_LIMIT), v.maxValue(COORDINATE_LIMIT));
const positions = v.record(v.string(), v.strictObject({ x: coordinate, y: coordinate }));

/** Dragged node positions: finite coordinates for each id, nothing else. */
export function checkPositions(value: unknown): Checked<Positions> {
  const checked = v.safeParse(positions, value);
  if (!checked.success) {
    const issue = checked.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.');
    return { ok: false, detail: `positions${path ? ` ${path}` : ''}: ${issue.message}` };
  }
  // A table without a prototype: ids are the learner's names.
  return { ok: true, value: Object.assign(Object.create(null) as Positions, checked.output) };
}

/** The UI's language, English for anything else. */
export const languageOf = (value: unknown): Language => (value === 'ja' ? 'ja' : 'en');
