import { describe, expect, it } from 'vitest';
import { createLabStore } from '../store/labStore';
import { readPrefs } from '../store/prefs';
import { postMessageLab } from './__tests__/labClient';
import { CHAPTERS } from '../../lessons';
import { createWalkthroughLoader, savedStart, type WalkthroughCode } from './loader';
import { createSavedWalkthrough } from './persist';
import { RECORD_KEY } from './record';

const prefs = readPrefs(null, { languages: ['en'], prefersDark: false });
const IN_CHAPTER = JSON.stringify({ open: false, chapterId: 'cli-path', progress: { 'cli-path': { chapterId: 'cli-path', stepIndex: 1, completed: ['create-role'], quizAnswers: {} } } });

describe('savedStart', () => {
  it.each([
    ['nothing saved', null, { open: false, active: false }],
    ['not JSON', '{', { open: false, active: false }],
    ['not an object', '[true]', { open: false, active: false }],
    ['closed, on the chapter list', JSON.stringify({ open: false, progress: {} }), { open: false, active: false }],
    ['closed, a chapter shown but never started', JSON.stringify({ open: false, chapterId: 'cli-path', progress: {} }), { open: false, active: false }],
    ['closed, a chapter under way', IN_CHAPTER, { open: false, active: true }],
    ['open', JSON.stringify({ open: true, progress: {} }), { open: true, active: true }],
    ['open only when exactly true', JSON.stringify({ open: 'yes' }), { open: false, active: false }],
    ['progress inherited from the prototype does not count', JSON.stringify({ chapterId: 'toString', progress: {} }), { open: false, active: false }],
  ])('%s', (_name, saved, expected) => {
    expect(savedStart(saved)).toEqual(expected);
  });
});

// walkthrough.ts without its components (rendering is the e2e specs' part).
const CODE: WalkthroughCode = { createSavedWalkthrough, WalkthroughPanel: () => null, PresentationStep: () => null, FIRST_CHAPTER_ID: CHAPTERS[0]?.id };

async function setup(saved: string | null, options: { failFirst?: boolean } = {}) {
  const { client } = postMessageLab();
  const lab = createLabStore(client, prefs);
  await lab.getState().start([]);
  const storage = new Map<string, string>(saved === null ? [] : [[RECORD_KEY, saved]]);
  const calls = { code: 0, texts: 0 };
  const loader = createWalkthroughLoader(
    lab,
    { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    {
      texts: async () => void calls.texts++,
      code: async () => {
        calls.code++;
        if (options.failFirst && calls.code === 1) throw new Error('offline');
        return CODE;
      },
    },
  );
  return { loader, calls, storage };
}

describe('the walkthrough loader', () => {
  it('loads nothing at start when the record asks nothing, then code and texts once, on first use', async () => {
    const { loader, calls } = await setup(JSON.stringify({ open: false, progress: {} }));
    expect(calls).toEqual({ code: 0, texts: 0 });
    expect(loader.state.getState()).toEqual({ savedOpen: false, loaded: undefined });
    const loaded = await loader.load();
    expect(loader.state.getState().loaded).toBe(loaded);
    expect(loaded.firstChapterId).toBe('console-path');
    expect(loaded.store.getState().open).toBe(false);
    expect(await loader.load()).toBe(loaded);
    expect(calls).toEqual({ code: 1, texts: 1 });
  });

  it('loads at once a walkthrough left open, resumed from the record and checked on the lab as it is', async () => {
    const { loader, calls } = await setup(JSON.stringify({ ...JSON.parse(IN_CHAPTER), open: true }));
    expect(calls).toEqual({ code: 1, texts: 1 });
    expect(loader.state.getState().savedOpen).toBe(true);
    const loaded = await loader.load();
    expect(loaded.store.getState()).toMatchObject({ open: true, chapterId: 'cli-path' });
    expect(loaded.store.getState().result).toEqual({ passed: false, missing: [expect.objectContaining({ key: 'missing.failure.launchWithRoleName' })] });
    expect(calls).toEqual({ code: 1, texts: 1 });
  });

  it('loads at once a closed walkthrough with a chapter under way: its step observes from the start', async () => {
    const { loader, calls } = await setup(IN_CHAPTER);
    expect(calls.code).toBe(1);
    const { store } = await loader.load();
    expect(store.getState()).toMatchObject({ open: false, chapterId: 'cli-path' });
    expect(store.getState().observations).toBeDefined();
  });

  it('tries again on the next use after a failed load', async () => {
    const { loader, calls } = await setup(null, { failFirst: true });
    await expect(loader.load()).rejects.toThrow('offline');
    expect(loader.state.getState().loaded).toBeUndefined();
    const loaded = await loader.load();
    expect(loader.state.getState().loaded).toBe(loaded);
    expect(calls.code).toBe(2);
  });

  it('saves the record through the storage it was given, once loaded', async () => {
    const { loader, storage } = await setup(null);
    const { store } = await loader.load();
    store.getState().setOpen(true);
    expect(JSON.parse(storage.get(RECORD_KEY) ?? 'null')).toEqual({ open: true, progress: {} });
  });
});
