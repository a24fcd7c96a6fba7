import { afterEach, describe, expect, it } from 'vitest';
import { newWorkspace } from '../cli/terminal';
import { loadDagre } from '../graph';
import { dagre, unloadDagre } from '../graph/dagre';
import { LabHost } from './host';
import { layoutFirst, layoutOnLoad } from './layoutFirst';
import type { Storage } from './storage';
import { MemoryStorage } from './__tests__/memoryStorage';

// The worker starts without @dagrejs/dagre; these tests too (the setup loaded it, as Node does).
afterEach(loadDagre);

// A band dagre orders: a role with three nodes on its left (its principal and two policies).
const BAND = [
  'aws iam create-role --role-name web --assume-role-policy-document file://ec2-role-trust-policy.json',
  'aws iam attach-role-policy --role-name web --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'aws iam attach-role-policy --role-name web --policy-arn arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess',
].join('; ');

const lab = (storage: Storage) => new LabHost({ storage, wallClock: () => 0, freshWorkspace: () => newWorkspace({ seed: 2 }) });
const loaded = () => {
  try {
    dagre();
    return true;
  } catch {
    return false;
  }
};

describe('the layout engine, loaded before the lab has anything to lay out', () => {
  it('a new lab starts without it; the first command that can bring nodes loads it first', async () => {
    unloadDagre();
    const api = layoutFirst(lab(new MemoryStorage()));
    const started = await api.init('en');
    expect(started.graph.nodes).toEqual([]);
    await api.tick();
    await api.complete('aws ia', 6);
    expect(loaded()).toBe(false);
    const published = await api.run(BAND, 'en');
    expect(published.notice).toBeUndefined();
    expect(published.graph.nodes.map((n) => n.kind).sort()).toEqual(['managed-policy', 'managed-policy', 'principal', 'role']);
    expect(loaded()).toBe(true);
  });

  it('a saved lab loads it before it is laid out', async () => {
    const storage = new MemoryStorage();
    await lab(storage).run(BAND, 'en');
    unloadDagre();
    const started = await layoutFirst(lab(layoutOnLoad(storage))).init('en');
    expect(started.notice).toBeUndefined();
    expect(started.graph.nodes).toHaveLength(4);
    expect(loaded()).toBe(true);
  });

  it('without it, a command that brings such a band fails: what all this is for', async () => {
    unloadDagre();
    await expect(lab(new MemoryStorage()).run(BAND, 'en')).rejects.toThrow('The graph layout needs @dagrejs/dagre: loadDagre() has not finished.');
  });
});
