import type { ParseKeys } from 'i18next';
import type enTerminal from '../../../locales/en/terminal.json';
import type { LabMessage } from '../../worker/protocol';

/** A value may itself be a message (the worker's reason inside "could not be loaded: …"). */
type Values = Record<string, string | number | UiMessage>;

/**
 * Something to tell the learner, kept as a key and values and translated when shown, so it
 * follows a language switch. `lab` messages come from the worker (`LabMessage`).
 */
export type UiMessage = { source: 'app'; key: ParseKeys<'app'>; values?: Values } | { source: 'lab'; message: LabMessage };

export const appMessage = (key: ParseKeys<'app'>, values?: Values): UiMessage => (values ? { source: 'app', key, values } : { source: 'app', key });
export const labMessage = (message: LabMessage): UiMessage => ({ source: 'lab', message });

export type NoteKey = keyof (typeof enTerminal)['notes'];

/** A transient message in the notification area. */
export interface Notice {
  id: number;
  tone: 'info' | 'error';
  message: UiMessage;
}
