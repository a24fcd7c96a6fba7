import { parse } from 'yaml';

/** The YAML part (see ./index.ts): everything of the CLI that needs the `yaml` library. */
export { formatYaml } from '../output/yamlDump';
export { skeletonYaml } from '../args/skeletonYaml';

/** `--cli-input-yaml`'s document, integers kept exact; throws on YAML that does not parse. */
export const parseYaml = (text: string): unknown => parse(text, { intAsBigInt: true });
