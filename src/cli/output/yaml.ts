import { part } from '../parts';
import type { JsonValue } from './python';

/** `--output yaml`, loaded on first use with the `yaml` library (`../parts`, `./yamlDump.ts`). */
export const formatYaml = (value: JsonValue): string => part('yaml').formatYaml(value);
