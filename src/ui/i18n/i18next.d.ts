import 'i18next';
import type { UiResources } from './resources';

// Typed keys: `t('menu.rset')` or a key missing from the English files fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: UiResources;
  }
}
