import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { LoadedWalkthrough, WalkthroughLoader } from './loader';
import type { WalkthroughActions, WalkthroughState, WalkthroughStore } from './store';

const Context = createContext<WalkthroughLoader | undefined>(undefined);

export const WalkthroughProvider = Context.Provider;

export function useWalkthroughLoader(): WalkthroughLoader {
  const loader = useContext(Context);
  if (!loader) throw new Error('The walkthrough must be rendered inside WalkthroughProvider.');
  return loader;
}

/** The walkthrough (store, panel, strip) once its code has loaded; undefined before. */
export function useLoadedWalkthrough(): LoadedWalkthrough | undefined {
  return useStore(useWalkthroughLoader().state, (s) => s.loaded);
}

const NOT_LOADED: StoreApi<{ open: boolean }> = createStore(() => ({ open: false }));

/** Walkthrough mode or sandbox mode; until the walkthrough has loaded, the mode as saved. */
export function useWalkthroughOpen(): boolean {
  const loaded = useLoadedWalkthrough();
  const savedOpen = useStore(useWalkthroughLoader().state, (s) => s.savedOpen);
  const open = useStore<StoreApi<{ open: boolean }>, boolean>(loaded?.store ?? NOT_LOADED, (s) => s.open);
  return loaded ? open : savedOpen;
}

function useWalkthroughStore(): WalkthroughStore {
  const loaded = useLoadedWalkthrough();
  if (!loaded) throw new Error('The walkthrough’s components render only once it has loaded.');
  return loaded.store;
}

/** Reads one slice of the walkthrough; the component re-renders only when that slice changes. */
export function useWalkthrough<T>(selector: (state: WalkthroughState & WalkthroughActions) => T): T {
  return useStore(useWalkthroughStore(), selector);
}

/** The walkthrough's actions: stable functions. */
export function useWalkthroughActions(): WalkthroughActions {
  return useWalkthroughStore().getState();
}
