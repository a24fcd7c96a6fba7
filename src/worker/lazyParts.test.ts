import { afterEach, describe, expect, it } from 'vitest';
import { loadAllParts, loadedParts, unloadParts } from '../cli/parts';
import { newWorkspace } from '../cli/terminal';
import { LabHost } from './host';
import type { Storage } from './storage';

// The browser's worker starts without the CLI's parts (help, YAML, JMESPath); the host loads them as commands ask.
afterEach(loadAllParts);

function host(): LabHost {
  const memory: Storage = { load: async () => undefined, save: async () => undefined };
  return new LabHost({ storage: memory, wallClock: () => 0, freshWorkspace: () => newWorkspace({ seed: 4 }) });
}

const stdout = (published: Awaited<ReturnType<LabHost['run']>>) => published.output?.chunks.map((c) => c.text).join('');

describe('the lab host and the CLI parts loaded on first use', () => {
  it('runs a command that needs a part as if it had been there, once', async () => {
    unloadParts();
    const lab = host();
    await lab.init('en');
    const published = await lab.run('aws iam create-role --role-name r --assume-role-policy-document file://ec2-role-trust-policy.json --query Role.RoleName', 'en');
    expect(published.notice).toBeUndefined();
    expect(stdout(published)).toBe('"r"\n');
    expect(Object.keys(published.sim.tables.roles)).toEqual(['r']);
    expect(published.shell.history).toEqual(['aws iam create-role --role-name r --assume-role-policy-document file://ec2-role-trust-policy.json --query Role.RoleName']);
    expect(loadedParts()).toEqual(['query']);
    expect((await lab.undo()).sim.tables.roles).toEqual({});
  });

  it("starts a walkthrough chapter, loading the lessons and what their prepared lab's commands need", async () => {
    unloadParts();
    const lab = host();
    const published = await lab.startChapter('attach-replace-detach', 'ja');
    expect(published.notice).toBeUndefined();
    expect(Object.keys(published.sim.tables.roles).length).toBeGreaterThan(0);
    // Its prepared lab waits for an instance to stop: a waiter's JMESPath.
    expect(loadedParts()).toEqual(['query']);
  });
});
