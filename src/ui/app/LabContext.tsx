import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabActions, LabState, LabStore } from '../store/labStore';

const LabStoreContext = createContext<LabStore | undefined>(undefined);

export const LabStoreProvider = LabStoreContext.Provider;

export function useLabStore(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('IAM Lab components must be rendered inside LabStoreProvider.');
  return store;
}

/** Reads one slice of the store; the component re-renders only when that slice changes. */
export function useLab<T>(selector: (state: LabState & LabActions) => T): T {
  return useStore(useLabStore(), selector);
}

/** The store's actions: stable functions, so reading them never re-renders. */
export function useLabActions(): LabActions {
  return useLabStore().getState();
}
