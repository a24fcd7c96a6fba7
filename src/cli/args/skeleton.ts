import type { ServiceModel, Shape } from '../../sim/core/model';
import type { RandomSource } from '../../sim/core/random';
import { part } from '../parts';
import type { JsValue } from './py';

/**
 * botocore's `ArgumentGenerator`, behind `--generate-cli-skeleton`: every member with a
 * placeholder (`""`, `0`, `true`, an enum's value picked at random, a one-item list, a map
 * with one `KeyName`), recursion cut after the second visit of a shape. With member names as
 * values it is the sample `output` skeleton.
 */
export function generateSkeleton(model: ServiceModel, shapeName: string, random: RandomSource, layout: 'json' | 'yaml' | 'output'): JsValue {
  return new Generator(model, random, layout).generate(shapeName, [], '');
}

class Generator {
  constructor(
    private readonly model: ServiceModel,
    private readonly random: RandomSource,
    private readonly layout: 'json' | 'yaml' | 'output',
  ) {}

  private get useMemberNames(): boolean {
    return this.layout === 'output';
  }

  private shape(name: string): Shape {
    const shape = this.model.shapes[name];
    if (!shape) throw new Error(`Service model has no shape ${name}`);
    return shape;
  }

  generate(shapeName: string, stack: string[], name: string): JsValue {
    stack.push(shapeName);
    try {
      const shape = this.shape(shapeName);
      switch (shape.type) {
        case 'structure': {
          if (stack.filter((s) => s === shapeName).length > 1) return {};
          const out: { [key: string]: JsValue } = {};
          for (const [member, ref] of Object.entries(shape.members ?? {})) out[member] = this.generate(ref.shape, stack, member);
          return out;
        }
        case 'list': {
          const member = shape.member?.shape ?? '';
          return [this.generate(member, stack, this.useMemberNames ? member : '')];
        }
        case 'map':
          return { KeyName: this.generate(shape.value?.shape ?? '', stack, '') };
        case 'string':
          if (this.useMemberNames) return name;
          if (shape.enum?.length) return shape.enum[this.random.nextUint32() % shape.enum.length] ?? '';
          return '';
        case 'integer':
        case 'long':
        case 'float':
        case 'double':
          // [BEL] Python writes a float's 0.0; no input shape of IAM Lab's models is a float.
          return 0;
        case 'boolean':
          return true;
        case 'timestamp':
          // datetime(1970, 1, 1) as the JSON encoder (isoformat) and ruamel write it.
          return this.layout === 'yaml' ? '1970-01-01 00:00:00' : '1970-01-01T00:00:00';
        case 'blob':
          // botocore has no placeholder for blobs: the skeleton holds None.
          return null;
      }
    } finally {
      stack.pop();
    }
  }
}

/** `--generate-cli-skeleton input`: `json.dumps(skeleton, indent=4)` and a newline. */
export function skeletonJson(skeleton: JsValue): string {
  return `${JSON.stringify(skeleton, null, 4) ?? 'null'}\n`;
}

/** `--generate-cli-skeleton yaml-input`, loaded on first use with the `yaml` library (`../parts`, `./skeletonYaml.ts`). */
export const skeletonYaml = (skeleton: JsValue): string => part('yaml').skeletonYaml(skeleton);
