import type { ServiceName } from '../../sim/core/errors';
import type { Paginator, ServiceModel } from '../../sim/core/model';
import { parseKnownArgs, type ArgValue } from './argparse';
import { base64Encode, utf8Encode } from './bytes';
import type { CliFailure } from './errors';
import { PyBytes, PyDict, fromJs, isDict, pyInt, pyShortTypeName, pyTypeName, toJs, type JsValue, type PyValue } from './py';
import { part } from '../parts';
import { pyJsonLoads } from './pyjson';
import { runInstancesParams } from './runinstances';
import { regionError } from './globals';
import { generateSkeleton, skeletonJson, skeletonYaml } from './skeleton';
import { buildArgumentTable, optionSpecs, pagingInputNames, pyName, relaxRequired, type CliArg, type Command } from './table';
import { loadParamFile, processArgument, shapeAt } from './unpack';
import { validateParams } from './validate';
import type { CliGlobals, HelpTopic, Pagination, ParseContext, ParsedCommand } from './types';

/**
 * One operation (or waiter) command, as `ServiceOperation.__call__` runs it: parse the
 * options, reject leftovers, build the parameters option by option, merge
 * `--cli-input-json`/`--cli-input-yaml`, answer `--generate-cli-skeleton`, apply the
 * request-time defaults (`--count`, idempotency tokens, base64 user data), then botocore's
 * client-side validation.
 */
export interface OperationInput {
  readonly service: ServiceName;
  readonly model: ServiceModel;
  readonly command: Command;
  /** The waiter's model name when this is `wait <waiter>`. */
  readonly waiter?: string;
  readonly args: readonly string[];
  readonly globals: CliGlobals;
  readonly ctx: ParseContext;
}

export type OperationOutcome = { ok: true; value: ParsedCommand } | { ok: false; error: CliFailure };

const fail = (kind: CliFailure['kind'], message: string): OperationOutcome => ({ ok: false, error: { kind, message } });

const toPy = (v: ArgValue | undefined): PyValue => (v === undefined ? null : v);

export function runOperation(input: OperationInput): OperationOutcome {
  const { model, command, args, ctx } = input;
  const helpTopic: HelpTopic = input.waiter
    ? { level: 'waiter', service: input.service, waiter: command.cliName }
    : { level: 'operation', service: input.service, operation: command.operation };
  if (args.length === 1 && args[0] === 'help') return { ok: true, value: { kind: 'help', topic: helpTopic } };

  let table = buildArgumentTable(model, command);
  relaxRequired(table, args);
  const parsed = parseKnownArgs({ optionals: optionSpecs(table), positionals: [{ dest: 'help', nargs: '?' }] }, args);
  if (!parsed.ok) return fail('usage', parsed.stop.kind === 'error' ? parsed.stop.message : '');
  const { values } = parsed.value;
  const help = values.get('help');
  if (help === 'help') return { ok: true, value: { kind: 'help', topic: helpTopic } };
  // A stray word lands in the `help` positional; an empty one is falsy and forgotten.
  const extras = [...parsed.value.extras, ...(typeof help === 'string' && help !== '' ? [help] : [])];
  if (extras.length) return fail('unknown', `Unknown options: ${extras.join(', ')}`);

  // operation-args-parsed: paging, then run-instances' consistency check.
  const paginator = model.paginators[command.operation];
  const paging = resolvePaging(paginator, table, values, input.globals.paginate);
  if (!paging.ok) return paging;
  const { paginate } = paging;
  table = paging.table;
  const isRunInstances = !input.waiter && input.service === 'ec2' && command.cliName === 'run-instances';
  if (isRunInstances && truthy(values.get('network_interfaces'))) {
    if (['secondary_private_ip_addresses', 'secondary_private_ip_address_count', 'associate_public_ip_address'].some((k) => truthy(values.get(k)))) {
      // [BEL] A ValueError in the CLI's source (rc 255); v2 may report it as ParamValidation.
      return fail('general', 'Mixing the --network-interfaces option with the simple, scalar options is not supported.');
    }
  }

  const built = buildParams(input, table, values);
  if (!built.ok) return built;
  const { params, pagination, cliInputs } = built;

  // calling-command: the input file, then the skeleton.
  for (const [arg, loaded] of cliInputs) {
    const merged = mergeCliInput(arg, loaded, values, params);
    if (merged) return merged;
  }
  const skeleton = values.get('generate_cli_skeleton');
  const op = model.operations[command.operation];
  if (skeleton === 'input' || skeleton === 'yaml-input') {
    const shape = op?.input;
    const layout = skeleton === 'input' ? 'json' : 'yaml';
    const value: JsValue = shape ? generateSkeleton(model, shape, ctx.random, layout) : {};
    return { ok: true, value: { kind: 'skeleton', service: input.service, operation: command.operation, stdout: layout === 'json' ? skeletonJson(value) : skeletonYaml(value) } };
  }

  // The client is created (checking the region), then before-parameter-build and validation.
  const badRegion = regionError(input.globals, ctx.env);
  if (badRegion) return fail('general', badRegion);
  const prepared = isRunInstances ? runInstancesParams(params) : { ok: true as const };
  if (!prepared.ok) return fail('general', prepared.message);
  const userData = encodeUserData(input.service, command, params);
  if (userData) return userData;
  const inputShape = op?.input ? shapeAt(model, { shape: op.input }) : undefined;
  for (const [member, ref] of Object.entries(inputShape?.members ?? {})) {
    if (ref.idempotencyToken && !params.entries.has(member)) params.entries.set(member, ctx.uuid());
  }
  // Paging settings travel with the waiter's or the stubbed call's parameters (and are refused there).
  const passesPagingConfig = input.waiter !== undefined || skeleton === 'output';
  const checked = new PyDict(new Map(params.entries));
  if (passesPagingConfig && pagination.size) checked.entries.set('PaginationConfig', new PyDict(pagination));
  const pageSize = pagination.get('PageSize');
  if (!passesPagingConfig && paginate && paginator?.limit_key && pageSize !== undefined) checked.entries.set(paginator.limit_key, pageSize);
  const problems = inputShape ? validateParams(model, inputShape, checked) : undefined;
  if (problems) return fail('param', problems);

  const jsParams = toJs(params) as Record<string, JsValue>;
  if (skeleton === 'output') {
    const response = op?.output ? (generateSkeleton(model, op.output, ctx.random, 'output') as Record<string, JsValue>) : {};
    return { ok: true, value: { kind: 'sample-output', service: input.service, operation: command.operation, response, globals: input.globals } };
  }
  if (input.waiter) {
    return { ok: true, value: { kind: 'wait', service: input.service, waiter: input.waiter, operation: command.operation, params: jsParams, globals: input.globals } };
  }
  const globals = paginate === input.globals.paginate ? input.globals : { ...input.globals, paginate };
  return {
    ok: true,
    value: {
      kind: 'call',
      service: input.service,
      operation: command.operation,
      params: jsParams,
      globals,
      ...(paginator && paginate ? { pagination: paginationOf(pagination) } : {}),
    },
  };
}

/**
 * paginate.py: giving a service paging member (`--marker`, `--next-token`) turns automatic
 * pagination off; without it, the CLI's own paging options are refused, unless one stood in
 * for a member of the same name (IAM's `--max-items`), which then gets its place back.
 */
function resolvePaging(
  paginator: Paginator | undefined,
  table: CliArg[],
  values: ReadonlyMap<string, ArgValue>,
  paginate: boolean,
): { ok: true; paginate: boolean; table: CliArg[] } | { ok: false; error: CliFailure } {
  if (!paginator) return { ok: true, paginate, table };
  for (const name of pagingInputNames(paginator)) {
    const py = name.replace(/-/g, '_');
    if (values.get(py) !== null && values.get(py) !== undefined && py !== 'max_items') paginate = false;
  }
  if (paginate) return { ok: true, paginate, table };
  const shadowed = table.filter((a) => a.kind === 'page' && a.shadowed).map(pyName);
  const used = ['starting_token', 'page_size', 'max_items'].filter((p) => !shadowed.includes(p) && truthy(values.get(p)));
  if (used.length) {
    // botocore's PaginationError, which the CLI does not catch: rc 255 [BEL for v2].
    const flags = used.map((p) => `--${p.replace(/_/g, '-')}`).join(', ');
    return { ok: false, error: { kind: 'general', message: `Error during pagination: Cannot specify --no-paginate along with pagination arguments: ${flags}` } };
  }
  return { ok: true, paginate, table: table.map((a) => (a.kind === 'page' && a.shadowed ? a.shadowed : a)) };
}

const truthy = (v: ArgValue | undefined): boolean => (Array.isArray(v) ? v.length > 0 : typeof v === 'bigint' ? v !== 0n : Boolean(v));

function paginationOf(config: ReadonlyMap<string, PyValue>): Pagination {
  const n = (v: PyValue | undefined) => (typeof v === 'bigint' ? Number(v) : undefined);
  const token = config.get('StartingToken');
  return {
    ...(n(config.get('MaxItems')) !== undefined ? { maxItems: n(config.get('MaxItems')) } : {}),
    ...(n(config.get('PageSize')) !== undefined ? { pageSize: n(config.get('PageSize')) } : {}),
    ...(typeof token === 'string' ? { startingToken: token } : {}),
  };
}

type CliInputArg = 'cli-input-json' | 'cli-input-yaml';
type Built = { ok: true; params: PyDict; pagination: Map<string, PyValue>; cliInputs: Map<CliInputArg, PyValue> } | { ok: false; error: CliFailure };

/** `_build_call_parameters`: each option in table order, file loading first, then its own rules. */
function buildParams(input: OperationInput, table: readonly CliArg[], values: ReadonlyMap<string, ArgValue>): Built {
  const params = new PyDict();
  const pagination = new Map<string, PyValue>();
  const cliInputs = new Map<CliInputArg, PyValue>();
  const files = { readFile: input.ctx.readFile, env: input.ctx.env };
  for (const arg of table) {
    const py = pyName(arg);
    if (!values.has(py)) continue;
    const cliName = `--${arg.name}`;
    const loaded = loadParamFile(cliName, toPy(values.get(py)), files);
    if (!loaded.ok) return loaded;
    const value = loaded.value;
    switch (arg.kind) {
      case 'member': {
        if (value === null) break;
        const unpacked = processArgument(input.model, arg.shape, cliName, value, files);
        if (!unpacked.ok) return unpacked;
        params.entries.set(arg.member, unpacked.value);
        break;
      }
      case 'boolean':
        if (value !== null) params.entries.set(arg.member, value);
        break;
      case 'count': {
        if (value === null) break;
        const counts = parseCount(value);
        // [BEL] A ValueError in the CLI's source (rc 255); v2 may report it as ParamValidation.
        if (!counts) return { ok: false, error: { kind: 'general', message: 'count parameter should be of form min[:max] (e.g. 1 or 1:10)' } };
        params.entries.set('MinCount', counts[0]);
        params.entries.set('MaxCount', counts[1]);
        break;
      }
      case 'secondary-ips':
        if (Array.isArray(value) && value.length) {
          const addresses = value.map((v) => new PyDict(new Map<string, PyValue>([['PrivateIpAddress', v], ['Primary', false]])));
          networkInterface(params, 'PrivateIpAddresses', addresses, true);
        }
        break;
      case 'secondary-ip-count':
        if (typeof value === 'bigint' && value !== 0n) networkInterface(params, 'SecondaryPrivateIpAddressCount', value, false);
        break;
      case 'public-ip':
        if (value === !arg.negative) networkInterface(params, 'AssociatePublicIpAddress', value, false);
        break;
      case 'page':
        if (value !== null) pagination.set(arg.name === 'max-items' ? 'MaxItems' : arg.name === 'page-size' ? 'PageSize' : 'StartingToken', value);
        break;
      case 'cli-input':
        if (value !== null) cliInputs.set(arg.name, value);
        break;
      case 'skeleton':
        break;
    }
  }
  return { ok: true, params, pagination, cliInputs };
}

/** `--count N` or `--count min:max`, converted with Python's `int()`. */
function parseCount(value: PyValue): [bigint, bigint] | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.includes(':') ? value.split(':') : [value, value];
  if (parts.length !== 2) return undefined;
  const [min, max] = parts.map((p) => pyInt(p));
  return min?.ok && max?.ok ? [min.value, max.value] : undefined;
}

/** runinstances.py's `_build_network_interfaces`: the first interface, created on demand. */
function networkInterface(params: PyDict, key: string, value: PyValue, keepExisting: boolean): void {
  let interfaces = params.entries.get('NetworkInterfaces');
  if (!Array.isArray(interfaces)) {
    interfaces = [new PyDict(new Map([['DeviceIndex', 0n]]))];
    params.entries.set('NetworkInterfaces', interfaces);
  }
  const first = interfaces[0];
  if (!isDict(first)) return;
  if (keepExisting && first.entries.has(key)) return;
  first.entries.set(key, value);
}

/** CliInputArgument: parameters from JSON or YAML (already read from its file), never overriding the line's. */
function mergeCliInput(arg: CliInputArg, loaded: PyValue, values: ReadonlyMap<string, ArgValue>, params: PyDict): OperationOutcome | undefined {
  const given = [...values].filter(([k, v]) => k.startsWith('cli_input') && v !== null);
  if (given.length !== 1) return fail('param', 'Only one --cli-input- parameter may be specified.');
  const text = loaded instanceof PyBytes ? loaded.text : typeof loaded === 'string' ? loaded : '';
  let document: PyValue;
  if (arg === 'cli-input-json') {
    const json = pyJsonLoads(text, false);
    if (!json.ok) return fail('param', `Error parsing parameter '${arg}': Invalid JSON received.`);
    document = json.value;
  } else {
    // Taken before the try: a part still loading is no YAML error (see ../parts).
    const yaml = part('yaml');
    try {
      document = fromJs(yaml.parseYaml(text));
    } catch {
      return fail('param', `Error parsing parameter '${arg}': Invalid YAML received.`);
    }
  }
  if (!isDict(document)) return fail('param', `Error parsing parameter '--${arg}': Invalid type: expecting map, received ${pyTypeName(document)}`);
  for (const [key, value] of document.entries) if (!params.entries.has(key)) params.entries.set(key, value);
  return undefined;
}

/** botocore's `base64_encode_user_data` for RunInstances. */
function encodeUserData(service: ServiceName, command: Command, params: PyDict): OperationOutcome | undefined {
  if (service !== 'ec2' || command.operation !== 'RunInstances' || !params.entries.has('UserData')) return undefined;
  const data = params.entries.get('UserData') ?? null;
  if (typeof data !== 'string' && !(data instanceof PyBytes)) return fail('general', `a bytes-like object is required, not '${pyShortTypeName(data)}'`);
  params.entries.set('UserData', base64Encode(utf8Encode(typeof data === 'string' ? data : data.text)));
  return undefined;
}
