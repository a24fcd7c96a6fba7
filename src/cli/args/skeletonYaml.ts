import { Document } from 'yaml';
import type { JsValue } from './py';

/**
 * `--generate-cli-skeleton yaml-input`, ruamel's round-trip layout: keys in model order, lists
 * not indented under their key. [BEL] The CLI adds each member's documentation as a comment;
 * IAM Lab's trimmed models carry no documentation, so there are none.
 */
export function skeletonYaml(skeleton: JsValue): string {
  if (skeleton !== null && typeof skeleton === 'object' && !Array.isArray(skeleton) && Object.keys(skeleton).length === 0) return '{}\n';
  return new Document(skeleton).toString({ indentSeq: false, singleQuote: true, lineWidth: 0 });
}
