import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { WalkthroughActions, WalkthroughState, WalkthroughStore } from './store';

const Context = createContext<WalkthroughStore | undefined>(undefined);

export const WalkthroughProvider = Context.Provider;

function useWalkthroughStore(): WalkthroughStore {
  const store = useContext(Context);
  if (!store) throw new Error('The walkthrough must be rendered inside WalkthroughProvider.');
  return store;
}

/** Reads one slice of the walkthrough; the component re-renders only when that slice changes. */
export function useWalkthrough<T>(selector: (state: WalkthroughState & WalkthroughActions) => T): T {
  return useStore(useWalkthroughStore(), selector);
}

/** The walkthrough's actions: stable functions. */
export function useWalkthroughActions(): WalkthroughActions {
  return useWalkthroughStore().getState();
}
