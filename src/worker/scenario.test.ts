import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../sim';
import { newWorkspace } from '../cli/terminal';
import { LabHost } from './host';
import { ACCOUNT_PARTS, accountParts, joinSaved, readScenario, savedRest, scenarioText } from './scenario';
import { MemoryStorage } from './__tests__/memoryStorage';

/** One thing a learner does, with the resources it touches picked from what exists when it runs. */
type Step =
  | { kind: 'role' | 'profile' | 'deleteRole' | 'deleteProfile'; n: number }
  | { kind: 'add' | 'remove'; profile: number; role: number }
  | { kind: 'launch'; profile: number | null }
  | { kind: 'associate' | 'replace'; target: number; profile: number }
  | { kind: 'disassociate' | 'stop' | 'start' | 'terminate'; target: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'undo' };

const n = fc.integer({ min: 0, max: 2 });
// Weighted towards building things up, so that most runs reach associations and their transitions.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('role', 'profile'), n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('deleteRole', 'deleteProfile'), n }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add'), profile: n, role: n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove'), profile: n, role: n }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('launch'), profile: fc.option(n) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('associate', 'replace'), target: n, profile: n }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('disassociate', 'stop', 'start', 'terminate'), target: n }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wait'), ms: fc.integer({ min: 0, max: 8_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo') }) },
) as fc.Arbitrary<Step>;

const pick = (keys: string[], i: number): string => keys.sort()[i % Math.max(1, keys.length)] ?? 'none';

describe('scenario files', () => {
  it('whatever a learner does, the saved lab reads back as it stands (no false refusals), and a reload restores it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40, size: 'max' }), async (steps) => {
        const store = new MemoryStorage();
        const storage = store;
        const wall = { now: 0 };
        const host = new LabHost({ storage, wallClock: () => wall.now, freshWorkspace: () => newWorkspace({ seed: 11 }) });
        let published = await host.init('en');
        for (const s of steps) {
          const { instances, associations } = published.sim.tables;
          const instance = pick(Object.keys(instances), 'target' in s ? s.target : 0);
          const association = pick(Object.keys(associations), 'target' in s ? s.target : 0);
          switch (s.kind) {
            case 'role':
              published = await host.run(`aws iam create-role --role-name r${s.n} --assume-role-policy-document file://ec2-role-trust-policy.json`, 'en');
              break;
            case 'profile':
              published = await host.run(`aws iam create-instance-profile --instance-profile-name p${s.n}`, 'en');
              break;
            case 'deleteRole':
              published = await host.consoleAction({ type: 'iam.deleteRole', roleName: `r${s.n}` }, 'en');
              break;
            case 'deleteProfile':
              published = await host.run(`aws iam delete-instance-profile --instance-profile-name p${s.n}`, 'en');
              break;
            case 'add':
            case 'remove':
              published = await host.run(`aws iam ${s.kind === 'add' ? 'add-role-to' : 'remove-role-from'}-instance-profile --instance-profile-name p${s.profile} --role-name r${s.role}`, 'en');
              break;
            case 'launch':
              published = await host.consoleAction({ type: 'ec2.launchInstance', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', ...(s.profile === null ? {} : { instanceProfileName: `p${s.profile}` }) }, 'en');
              break;
            case 'associate':
              published = await host.run(`aws ec2 associate-iam-instance-profile --instance-id ${instance} --iam-instance-profile Name=p${s.profile}`, 'en');
              break;
            case 'replace':
              published = await host.run(`aws ec2 replace-iam-instance-profile-association --association-id ${association} --iam-instance-profile Name=p${s.profile}`, 'en');
              break;
            case 'disassociate':
              published = await host.run(`aws ec2 disassociate-iam-instance-profile --association-id ${association}`, 'en');
              break;
            case 'stop':
            case 'start':
            case 'terminate':
              published = await host.consoleAction({ type: `ec2.${s.kind}Instances`, instanceIds: [instance] }, 'en');
              break;
            case 'wait':
              wall.now += s.ms;
              published = (await host.tick()) ?? published;
              break;
            case 'undo':
              published = await host.undo();
              break;
          }
          expect(published.notice).toBeUndefined();
        }
        if (store.text !== undefined) {
          const read = readScenario(store.text);
          expect(read.ok ? undefined : read.problem).toBeUndefined();
        }
        const reloaded = await new LabHost({ storage, wallClock: () => wall.now }).init('en');
        expect(JSON.stringify(reloaded.sim)).toBe(JSON.stringify(published.sim));
      }),
      { numRuns: 60 },
    );
    // 60 sessions of up to 40 requests, each saved and published with its graph laid out.
  }, 30_000);

  it('saves the random source as unsigned words, so the sequence resumes where it was', () => {
    const workspace = newWorkspace({ seed: 11 });
    workspace.random = [-34820314, 5, 6, 7];
    const read = readScenario(scenarioText(workspace));
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.workspace.random).toEqual([-34820314 >>> 0, 5, 6, 7]);
    expect(seededRandom(read.workspace.random).nextUint32()).toBe(seededRandom(workspace.random).nextUint32());
  });
});

describe('the saved lab in parts', () => {
  it('joins back into the same scenario', () => {
    const workspace = newWorkspace({ seed: 5 });
    workspace.shell.history.push('aws iam list-roles');
    const layout = { 'role:b': { x: 1, y: 2 }, 'role:a': { x: 3, y: 4 } };
    const joined = joinSaved(accountParts(workspace.sim, 'all'), savedRest(workspace, layout));
    expect(JSON.parse(joined)).toEqual(JSON.parse(scenarioText(workspace, undefined, layout)));
    expect(readScenario(joined).ok).toBe(true);
    expect(savedRest(workspace)).not.toContain('"sim"');
  });

  it('writes only the tables asked for, the settings with a whole account', () => {
    const { sim } = newWorkspace({ seed: 5 });
    expect(Object.keys(accountParts(sim, new Set(['roles'])))).toEqual(['table:roles']);
    expect(Object.keys(accountParts(sim, new Set()))).toEqual([]);
    expect(Object.keys(accountParts(sim, 'all'))).toEqual(ACCOUNT_PARTS);
  });

  it.each([
    ['a rest it did not write', (parts: Record<string, string>) => parts, '{"workspace":{},"format":"iam-lab-scenario","version":1}'],
    ['a missing table', (parts: Record<string, string>) => ({ ...parts, 'table:roles': undefined as unknown as string }), undefined],
    ['damaged settings', (parts: Record<string, string>) => ({ ...parts, settings: '[' }), undefined],
  ])('turns %s into a scenario the reader refuses', (_label, damage, rest) => {
    const workspace = newWorkspace({ seed: 5 });
    const parts = damage(accountParts(workspace.sim, 'all'));
    expect(readScenario(joinSaved(parts, rest ?? savedRest(workspace))).ok).toBe(false);
  });
});
