import { decodeSessionToken, instanceRoleSession, serviceModels, LEARNER, type Caller, type ServiceName } from '../../sim';
import { uuid } from '../../sim/core/ids';
import type { Waiter, WaiterAcceptor } from '../../sim/core/model';
import { parseAwsArgs, type CallRequest, type CliGlobals, type ParseContext, type WaitRequest } from '../args';
import { formatOutput, type OutputFormat } from '../output/format';
import { normalizeResponse } from '../output/normalize';
import { buildFullResult, decodeStartingToken, nextPageParams, paginatorFor } from '../output/paginate';
import type { JsonObject, JsonValue } from '../output/python';
import { parseQuery, runQuery } from '../output/query';
import { resolvePath, type CommandIO } from '../shell/session';
import { cliErrorText, EXIT, serviceErrorText } from './awsErrors';
import { renderHelpPage } from './awsHelp';

/**
 * `aws …`: parse the line as AWS CLI v2 does, call the simulator as the right caller, and print
 * what the CLI prints, with its exit codes. Pagination, `--query`, output formats and waiters
 * happen here, in the CLI's order.
 */
export function aws(io: CommandIO): number {
  const parsed = parseAwsArgs(io.args, parseContext(io));
  switch (parsed.kind) {
    case 'error':
      io.err(parsed.stderr);
      return parsed.exitCode;
    case 'version':
      io.out(parsed.text + '\n');
      return EXIT.ok;
    case 'skeleton':
      io.out(parsed.stdout);
      return EXIT.ok;
    case 'help':
      io.out(renderHelpPage(io.machine.language, parsed.topic, Number(io.environment.COLUMNS) || undefined));
      return EXIT.ok;
    case 'sample-output':
      return print(io, parsed.response as JsonValue, parsed.operation, parsed.globals);
    case 'call':
      return call(io, parsed);
    case 'wait':
      return wait(io, parsed);
  }
}

function parseContext(io: CommandIO): ParseContext {
  return {
    readFile: (path) => io.shell.files[resolvePath(io.shell.cwd, path)],
    env: io.environment,
    uuid: () => uuid(io.machine.ctx.random),
    random: io.machine.ctx.random,
  };
}

type CallerResult = { ok: true; caller: Caller } | { ok: false; exitCode: number; stderr: string };

const NO_CREDENTIALS = 'Unable to locate credentials. You can configure credentials by running "aws configure".';

/** Whose credentials sign the request: an instance's role inside it, an exported session, or the learner. */
function resolveCaller(io: CommandIO, operation: string): CallerResult {
  const { state, ctx } = io.machine;
  if (io.shell.location.type === 'instance') {
    const session = instanceRoleSession(state, io.shell.location.instanceId, ctx.now());
    if (!session.ok) return { ok: false, exitCode: EXIT.configuration, stderr: cliErrorText(NO_CREDENTIALS) };
    return { ok: true, caller: { type: 'assumed-role', roleName: session.roleName, sessionName: session.sessionName } };
  }
  const token = io.environment.AWS_SESSION_TOKEN;
  if (token) {
    const claims = decodeSessionToken(token);
    if (!claims) return { ok: false, exitCode: EXIT.client, stderr: cliErrorText(`An error occurred (InvalidClientTokenId) when calling the ${operation} operation: The security token included in the request is invalid.`) };
    if (claims.expiresAt <= ctx.now()) return { ok: false, exitCode: EXIT.client, stderr: cliErrorText(`An error occurred (ExpiredToken) when calling the ${operation} operation: The security token included in the request is expired`) };
    return { ok: true, caller: { type: 'assumed-role', roleName: claims.roleName, sessionName: claims.sessionName } };
  }
  return { ok: true, caller: LEARNER };
}

/** One API call through the simulator; events go to the terminal's listeners. */
function send(io: CommandIO, service: ServiceName, operation: string, params: Record<string, unknown>, caller: Caller, debug: boolean) {
  if (debug) io.err(debugLines(io, service, operation, params));
  return io.machine.execute({ service, operation, params, caller }).outcome;
}

function debugLines(io: CommandIO, service: ServiceName, operation: string, params: Record<string, unknown>): string {
  const stamp = new Date(io.machine.ctx.now()).toISOString().replace('T', ' ').replace('Z', '');
  const model = serviceModels[service].metadata;
  return [
    `${stamp} - MainThread - botocore.endpoint - DEBUG - Making request for OperationModel(name=${operation}) with params: ${JSON.stringify(params)}`,
    `${stamp} - MainThread - iam-lab - DEBUG - Sent to the simulator: ${model.serviceId} ${model.apiVersion} ${operation}`,
    '',
  ].join('\n');
}

function call(io: CommandIO, request: CallRequest): number {
  const caller = resolveCaller(io, request.operation);
  if (!caller.ok) {
    io.err(caller.stderr);
    return caller.exitCode;
  }
  const { service, operation, globals } = request;
  const paginator = request.pagination ? paginatorFor(service, operation) : undefined;
  if (!paginator || !request.pagination) {
    const outcome = send(io, service, operation, { ...request.params }, caller.caller, globals.debug);
    if (!outcome.ok) return failed(io, outcome.error, operation, globals);
    return print(io, normalizeResponse(service, operation, outcome.response), operation, globals);
  }

  // Automatic pagination: fetch pages until the last (or until --max-items is reached), as botocore does.
  const { maxItems, pageSize, startingToken } = request.pagination;
  const limitKey = paginator.limit_key;
  let params: Record<string, unknown> = { ...request.params, ...(startingToken ? decodeStartingToken(paginator, startingToken).params : {}) };
  if (limitKey && pageSize !== undefined) params[limitKey] = pageSize;
  const pages: JsonObject[] = [];
  let gathered = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const outcome = send(io, service, operation, params, caller.caller, globals.debug);
    if (!outcome.ok) return failed(io, outcome.error, operation, globals);
    const page = normalizeResponse(service, operation, outcome.response) as JsonObject;
    pages.push(page);
    const primary = Array.isArray(paginator.result_key) ? paginator.result_key[0] : paginator.result_key;
    const items = primary ? page[primary] : undefined;
    gathered += Array.isArray(items) ? items.length : 0;
    const next = nextPageParams(paginator, page);
    if (!next || (maxItems !== undefined && gathered >= maxItems)) break;
    params = { ...params, ...next };
  }
  const full = buildFullResult(paginator, pages, { ...(maxItems !== undefined ? { maxItems } : {}), ...(startingToken ? { startingToken } : {}) });
  if ((globals.output ?? 'json') === 'text') {
    // Text output prints page by page, each through --query, then the token for the next run.
    let code: number = EXIT.ok;
    for (const page of full.pages) code = print(io, page, operation, globals) || code;
    if (full.nextToken) io.out(`NEXTTOKEN\t${full.nextToken}\n`);
    return code;
  }
  return print(io, full.result, operation, globals);
}

function failed(io: CommandIO, error: { code: string; message: string; service: ServiceName; httpStatus: number }, operation: string, globals: CliGlobals): number {
  io.err(serviceErrorText(error, operation, globals.errorFormat, globals.query));
  return EXIT.client;
}

/** `--query`, then the output format; an operation with no output prints nothing at all. */
function print(io: CommandIO, response: JsonValue, operation: string, globals: CliGlobals): number {
  let value = response;
  if (globals.query !== undefined) {
    const compiled = parseQuery(globals.query);
    if (!compiled.ok) {
      io.err(cliErrorText(compiled.error.message));
      return compiled.error.exitCode;
    }
    const searched = runQuery(compiled.value, value);
    if (!searched.ok) {
      io.err(cliErrorText(searched.error.message));
      return searched.error.exitCode;
    }
    value = searched.value;
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
    return EXIT.ok;
  }
  const format: OutputFormat = globals.output ?? 'json';
  const out = formatOutput(value, { format, operationName: operation, terminalWidth: Number(io.environment.COLUMNS) || undefined });
  io.out(out.stdout);
  if (out.error) {
    io.err(cliErrorText(out.error.message));
    return out.error.exitCode;
  }
  return EXIT.ok;
}

/** `aws … wait …`: polls as botocore's waiter does, moving simulated time forward between attempts. */
function wait(io: CommandIO, request: WaitRequest): number {
  const caller = resolveCaller(io, request.operation);
  if (!caller.ok) {
    io.err(caller.stderr);
    return caller.exitCode;
  }
  const waiter = serviceModels[request.service].waiters[request.waiter];
  if (!waiter) {
    io.err(cliErrorText(`Waiter ${request.waiter} does not exist`));
    return EXIT.general;
  }
  let lastMatched: string | undefined;
  for (let attempt = 1; attempt <= waiter.maxAttempts; attempt++) {
    const outcome = send(io, request.service, request.operation, { ...request.params }, caller.caller, request.globals.debug);
    const response = outcome.ok ? normalizeResponse(request.service, request.operation, outcome.response) : null;
    const matched = matchAcceptor(waiter, outcome.ok ? { response } : { errorCode: outcome.error.code, status: outcome.error.httpStatus });
    if (matched?.acceptor.state === 'success') return EXIT.ok;
    if (matched?.acceptor.state === 'failure') {
      io.err(cliErrorText(`Waiter ${request.waiter} failed: Waiter encountered a terminal failure state: ${matched.reason}`));
      return EXIT.general;
    }
    if (!matched && !outcome.ok) {
      io.err(cliErrorText(`Waiter ${request.waiter} failed: An error occurred (${outcome.error.code}): ${outcome.error.message}`));
      return EXIT.general;
    }
    if (matched) lastMatched = matched.reason;
    if (attempt < waiter.maxAttempts) io.machine.advanceClock(waiter.delay * 1000);
  }
  io.err(cliErrorText(`Waiter ${request.waiter} failed: Max attempts exceeded${lastMatched ? `. Previously accepted state: ${lastMatched}` : ''}`));
  return EXIT.general;
}

type Observation = { response: JsonValue } | { errorCode: string; status: number };

function matchAcceptor(waiter: Waiter, seen: Observation): { acceptor: WaiterAcceptor; reason: string } | undefined {
  for (const acceptor of waiter.acceptors) {
    const reason = acceptorMatches(acceptor, seen);
    if (reason) return { acceptor, reason };
  }
  return undefined;
}

/** The reason text botocore gives when an acceptor matches, or undefined. */
function acceptorMatches(acceptor: WaiterAcceptor, seen: Observation): string | undefined {
  switch (acceptor.matcher) {
    case 'status': {
      const status = 'response' in seen ? 200 : seen.status;
      return status === acceptor.expected ? `Matched expected HTTP status code: ${status}` : undefined;
    }
    case 'error':
      return 'errorCode' in seen && seen.errorCode === acceptor.expected ? `Matched expected service error code: ${seen.errorCode}` : undefined;
    case 'path':
    case 'pathAll':
    case 'pathAny': {
      if (!('response' in seen) || acceptor.argument === undefined) return undefined;
      const compiled = parseQuery(acceptor.argument);
      const searched = compiled.ok ? runQuery(compiled.value, seen.response) : undefined;
      if (!searched?.ok) return undefined;
      const value = searched.value;
      const hit =
        acceptor.matcher === 'path'
          ? value === acceptor.expected
          : Array.isArray(value) && value.length > 0 && (acceptor.matcher === 'pathAll' ? value.every((v) => v === acceptor.expected) : value.some((v) => v === acceptor.expected));
      if (!hit) return undefined;
      const expected = JSON.stringify(acceptor.expected);
      return acceptor.matcher === 'pathAny'
        ? `For expression "${acceptor.argument}" we matched expected path: ${expected} at least once`
        : acceptor.matcher === 'pathAll'
          ? `For expression "${acceptor.argument}" all members matched expected path: ${expected}`
          : `For expression "${acceptor.argument}" we matched expected path: ${expected}`;
    }
  }
}
