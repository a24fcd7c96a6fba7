import { CHAPTERS } from '../../lessons';
import type { LabStore } from '../store/labStore';
import { RECORD_KEY, readRecord } from './record';
import { createWalkthroughStore, type WalkthroughStore } from './store';

/**
 * The walkthrough of this visit, resumed from localStorage and saved there as it changes. Storage
 * that is full or blocked (private mode) keeps the walkthrough for this visit only.
 */
export function createSavedWalkthrough(lab: LabStore, storage: Pick<Storage, 'getItem' | 'setItem'>): WalkthroughStore {
  let saved: string | null = null;
  try {
    saved = storage.getItem(RECORD_KEY);
  } catch {
    // Unreadable: start from the chapter list.
  }
  return createWalkthroughStore(lab, readRecord(saved, CHAPTERS), {
    save(text) {
      try {
        storage.setItem(RECORD_KEY, text);
      } catch {
        // Not saved: progress lasts for this visit.
      }
    },
  });
}
