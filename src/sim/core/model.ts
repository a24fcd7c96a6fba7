import ec2Model from '../models/ec2.json';
import iamModel from '../models/iam.json';
import taggingModel from '../models/resourcegroupstaggingapi.json';
import stsModel from '../models/sts.json';
import type { ServiceName } from './errors';

/** AWS's service models, trimmed by scripts/gen-models.py: the one source for parameters, types and limits. */
export interface ShapeRef {
  shape: string;
  idempotencyToken?: boolean;
  deprecated?: boolean;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';
  required?: string[];
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
  sensitive?: boolean;
}

export interface OperationModel {
  name: string;
  input?: string;
  output?: string;
  errors?: string[];
}

export interface Paginator {
  input_token: string | string[];
  output_token: string | string[];
  limit_key?: string;
  result_key: string | string[];
  more_results?: string;
}

export interface WaiterAcceptor {
  state: 'success' | 'failure' | 'retry';
  matcher: 'path' | 'pathAll' | 'pathAny' | 'status' | 'error';
  expected: string | number | boolean;
  argument?: string;
}

export interface Waiter {
  operation: string;
  delay: number;
  maxAttempts: number;
  acceptors: WaiterAcceptor[];
}

export interface ServiceModel {
  metadata: { apiVersion: string; endpointPrefix: string; protocol: string; serviceId: string; serviceFullName: string };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
  paginators: Record<string, Paginator>;
  waiters: Record<string, Waiter>;
}

export const serviceModels: Readonly<Record<ServiceName, ServiceModel>> = {
  iam: iamModel as ServiceModel,
  ec2: ec2Model as ServiceModel,
  sts: stsModel as ServiceModel,
  resourcegroupstaggingapi: taggingModel as ServiceModel,
};

export function shapeOf(model: ServiceModel, ref: ShapeRef | string): Shape {
  const name = typeof ref === 'string' ? ref : ref.shape;
  const shape = model.shapes[name];
  if (!shape) throw new Error(`Service model has no shape ${name}`);
  return shape;
}

/** One broken constraint, located as AWS locates it (`roleName`, `tags.1.member.key`). */
export interface Violation {
  path: string;
  value: unknown;
  constraint: 'required' | 'type' | 'minLength' | 'maxLength' | 'pattern' | 'enum' | 'min' | 'max';
  /** The constraint's own text, as AWS's validation message ends. */
  detail: string;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

// Smithy patterns are unanchored ECMAScript-style regexes that must match the whole value.
const patternCache = new Map<string, RegExp>();
function wholeMatch(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

/** Service-side validation of an operation's input against the model, in member order. */
export function validateInput(service: ServiceName, operation: string, params: unknown): Violation[] {
  const model = serviceModels[service];
  const op = model.operations[operation];
  if (!op?.input) return [];
  const violations: Violation[] = [];
  visit(model, shapeOf(model, op.input), params, '', violations, true);
  return violations;
}

function visit(model: ServiceModel, shape: Shape, value: unknown, path: string, out: Violation[], top = false): void {
  if (value === undefined || value === null) return;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        out.push({ path, value, constraint: 'type', detail: 'Member must be a structure' });
        return;
      }
      const record = value as Record<string, unknown>;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const memberPath = top ? lowerFirst(name) : `${path}.${lowerFirst(name)}`;
        const memberValue = record[name];
        if ((memberValue === undefined || memberValue === null) && shape.required?.includes(name)) {
          out.push({ path: memberPath, value: null, constraint: 'required', detail: 'Member must not be null' });
          continue;
        }
        visit(model, shapeOf(model, ref), memberValue, memberPath, out);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        out.push({ path, value, constraint: 'type', detail: 'Member must be a list' });
        return;
      }
      checkSize(shape, value.length, value, path, out, 'length');
      const member = shape.member ? shapeOf(model, shape.member) : undefined;
      if (member) value.forEach((item, i) => visit(model, member, item, `${path}.${i + 1}.member`, out));
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        out.push({ path, value, constraint: 'type', detail: 'Member must be a map' });
        return;
      }
      const entries = Object.entries(value as Record<string, unknown>);
      checkSize(shape, entries.length, value, path, out, 'length');
      const keyShape = shape.key ? shapeOf(model, shape.key) : undefined;
      const valueShape = shape.value ? shapeOf(model, shape.value) : undefined;
      for (const [k, v] of entries) {
        if (keyShape) visit(model, keyShape, k, `${path}.key`, out);
        if (valueShape) visit(model, valueShape, v, `${path}.${k}`, out);
      }
      return;
    }
    case 'string':
    case 'timestamp':
    case 'blob': {
      if (typeof value !== 'string') {
        out.push({ path, value, constraint: 'type', detail: 'Member must be a string' });
        return;
      }
      checkSize(shape, [...value].length, value, path, out, 'length');
      if (shape.pattern && !wholeMatch(shape.pattern).test(value)) {
        out.push({ path, value, constraint: 'pattern', detail: `Member must satisfy regular expression pattern: ${shape.pattern}` });
      }
      if (shape.enum && !shape.enum.includes(value)) {
        out.push({ path, value, constraint: 'enum', detail: `Member must satisfy enum value set: [${shape.enum.join(', ')}]` });
      }
      return;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        out.push({ path, value, constraint: 'type', detail: 'Member must be a number' });
        return;
      }
      checkSize(shape, value, value, path, out, 'value');
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') out.push({ path, value, constraint: 'type', detail: 'Member must be a boolean' });
      return;
  }
}

function checkSize(shape: Shape, size: number, value: unknown, path: string, out: Violation[], of: 'length' | 'value'): void {
  if (shape.min !== undefined && size < shape.min) {
    out.push({
      path, value,
      constraint: of === 'length' ? 'minLength' : 'min',
      detail: of === 'length' ? `Member must have length greater than or equal to ${shape.min}` : `Member must have value greater than or equal to ${shape.min}`,
    });
  }
  if (shape.max !== undefined && size > shape.max) {
    out.push({
      path, value,
      constraint: of === 'length' ? 'maxLength' : 'max',
      detail: of === 'length' ? `Member must have length less than or equal to ${shape.max}` : `Member must have value less than or equal to ${shape.max}`,
    });
  }
}

/** AWS's own wording: `1 validation error detected: Value 'x' at 'roleName' failed to satisfy constraint: …`. */
export function describeViolations(violations: readonly Violation[]): string {
  const count = violations.length;
  const parts = violations.map((v) => `Value ${v.value === null ? 'null' : `'${typeof v.value === 'string' ? v.value : JSON.stringify(v.value)}'`} at '${v.path}' failed to satisfy constraint: ${v.detail}`);
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}
