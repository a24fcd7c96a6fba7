import type { TFunction } from 'i18next';
import type { UiMessage } from '../store/messages';

/** The text of a message in the current language; nested messages (a worker's reason) first. */
export function translateMessage(t: TFunction<'app'>, message: UiMessage): string {
  if (message.source === 'lab') return t(`lab.${message.message.key}`, { ...message.message.values });
  const values = Object.fromEntries(Object.entries(message.values ?? {}).map(([name, value]) => [name, typeof value === 'object' ? translateMessage(t, value) : value]));
  return t(message.key, values);
}
