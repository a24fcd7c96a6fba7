import { afterEach, describe, expect, it } from 'vitest';
import { newWorkspace, runCommand, type Workspace } from '../terminal';
import { loadAllParts, loadedParts, part, PART_NAMES, PartMissing, unloadParts, withParts } from '.';

// The test setup loads every part (as Node does); these tests start without them, as the browser's worker does.
afterEach(loadAllParts);

const TRUST = 'file://ec2-role-trust-policy.json';

function output(result: ReturnType<typeof runCommand>) {
  return { exitCode: result.exitCode, chunks: result.chunks, events: result.events, requests: result.requests };
}

/** The same script run on two identical labs: with every part loaded, and with none loaded to begin with. */
async function both(lines: readonly string[], language: 'en' | 'ja' = 'en') {
  const eager: Workspace = newWorkspace({ seed: 9 });
  const eagerOut = lines.map((line) => output(runCommand(eager, line, { language, elapsedMs: 1000 })));
  unloadParts();
  const lazy: Workspace = newWorkspace({ seed: 9 });
  const lazyOut = [];
  for (const line of lines) lazyOut.push(output(await withParts(() => runCommand(lazy, line, { language, elapsedMs: 1000 }))));
  return { eager, eagerOut, lazy, lazyOut };
}

describe('CLI parts', () => {
  it('are all named, and each is missing until loaded', async () => {
    expect([...PART_NAMES].sort()).toEqual(['help', 'help.en', 'help.ja', 'query', 'yaml']);
    unloadParts();
    expect(loadedParts()).toEqual([]);
    expect(() => part('yaml')).toThrow(new PartMissing('yaml'));
    await withParts(() => part('query'));
    expect(loadedParts()).toEqual(['query']);
  });

  it('a command that needs one runs once all the same: the lab is put back before it runs again', async () => {
    const { eager, eagerOut, lazy, lazyOut } = await both([
      `aws iam create-role --role-name a --assume-role-policy-document ${TRUST}; X=before; aws iam list-roles --output yaml; sleep 5; aws iam create-role --role-name b --assume-role-policy-document ${TRUST}`,
      'echo $X',
    ]);
    expect(lazyOut).toEqual(eagerOut);
    expect(lazy).toEqual(eager);
    expect(Object.keys(lazy.sim.tables.roles).sort()).toEqual(['a', 'b']);
    expect(lazy.shell.history).toEqual(eager.shell.history);
    expect(loadedParts()).toEqual(['yaml']);
  });

  it('loads each part a line needs in turn: --query inside $(…), a waiter, YAML input, a skeleton', async () => {
    const { eager, eagerOut, lazy, lazyOut } = await both([
      `echo 'RoleName: y' > in.yaml; aws iam create-role --cli-input-yaml file://in.yaml --assume-role-policy-document ${TRUST}`,
      `N=$(aws iam list-roles --query 'Roles[0].RoleName' --output text); echo "first: $N"`,
      'aws ec2 run-instances --image-id ami-11aa22bb --query Instances[0].InstanceId --output text > id.txt; aws ec2 wait instance-running --instance-ids $(cat id.txt); echo waited',
      'aws iam create-role --generate-cli-skeleton yaml-input',
    ]);
    expect(lazyOut).toEqual(eagerOut);
    expect(lazy).toEqual(eager);
    expect(eagerOut[1]?.chunks.map((c) => c.text).join('')).toBe('first: y\n');
    expect(eagerOut[2]?.exitCode).toBe(0);
    expect(loadedParts().sort()).toEqual(['query', 'yaml']);
  });

  it('help pages load with their language only', async () => {
    const { eagerOut, lazyOut } = await both(['aws iam create-role help'], 'ja');
    expect(lazyOut).toEqual(eagerOut);
    expect(eagerOut[0]?.chunks.map((c) => c.text).join('')).toContain('create-role');
    expect(loadedParts().sort()).toEqual(['help', 'help.ja']);
  });

  it('a defect is no missing part: anything else a command throws goes through', async () => {
    await expect(withParts(() => JSON.parse('{'))).rejects.toThrow(SyntaxError);
  });
});
