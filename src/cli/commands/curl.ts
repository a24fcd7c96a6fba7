import { imdsRequest, metadataServiceReachable } from '../../sim';
import { cliText } from '../text';
import { DEV_NULL, resolvePath, type Builtin, type CommandIO } from '../shell/session';

/**
 * A curl that reaches one host: the instance metadata service, from inside an instance.
 * Output follows curl 8 on Amazon Linux 2023: the body as served (no newline added), `-v`
 * traces on standard error, the progress meter when output is captured and `-s` is not given.
 */

const METADATA_HOSTS = new Set(['169.254.169.254', '[fd00:ec2::254]', 'instance-data', 'instance-data.ec2.internal']);
const REASONS: Readonly<Record<number, string>> = { 200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' };

interface CurlOptions {
  method?: string;
  headers: [string, string][];
  silent: boolean;
  showErrors: boolean;
  verbose: boolean;
  include: boolean;
  fail: boolean;
  writeOut?: string;
  output?: string;
  urls: string[];
}

function parseOptions(args: readonly string[]): CurlOptions | string {
  const options: CurlOptions = { headers: [], silent: false, showErrors: false, verbose: false, include: false, fail: false, urls: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = () => args[++i];
    if (arg === '-X' || arg === '--request') options.method = value();
    else if (arg === '-H' || arg === '--header') {
      const header = value() ?? '';
      const colon = header.indexOf(':');
      if (colon > 0) options.headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
    } else if (arg === '-w' || arg === '--write-out') options.writeOut = value();
    else if (arg === '-o' || arg === '--output') options.output = value();
    else if (arg === '-s' || arg === '--silent') options.silent = true;
    else if (arg === '-S' || arg === '--show-error') options.showErrors = true;
    else if (arg === '-v' || arg === '--verbose') options.verbose = true;
    else if (arg === '-i' || arg === '--include') options.include = true;
    else if (arg === '-f' || arg === '--fail') options.fail = true;
    else if (arg === '-L' || arg === '--location' || arg === '-k' || arg === '--insecure') continue;
    else if (/^-[sSvifLk]+$/.test(arg)) {
      for (const flag of arg.slice(1)) {
        if (flag === 's') options.silent = true;
        if (flag === 'S') options.showErrors = true;
        if (flag === 'v') options.verbose = true;
        if (flag === 'i') options.include = true;
        if (flag === 'f') options.fail = true;
      }
    } else if (arg.startsWith('-')) return `curl: option ${arg}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
    else options.urls.push(arg);
  }
  if (!options.urls.length) return "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n";
  return options;
}

const progressMeter = (bytes: number): string =>
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
  `100 ${String(bytes).padStart(5)}  100 ${String(bytes).padStart(5)}    0     0  ${String(bytes * 1000).padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${String(bytes * 1000).padStart(5)}\n`;

export const curl: Builtin = (io) => {
  const options = parseOptions(io.args);
  if (typeof options === 'string') {
    io.err(options);
    return 2;
  }
  let code = 0;
  for (const raw of options.urls) code = fetchOne(io, options, raw) || code;
  return code;
};

function fetchOne(io: CommandIO, options: CurlOptions, raw: string): number {
  const quietError = (message: string, exitCode: number) => {
    if (!options.silent || options.showErrors) io.err(`curl: ${message}\n`);
    return exitCode;
  };
  const match = /^(?:(https?):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([^?#]*)/i.exec(raw);
  if (!match) return quietError(`(3) URL rejected: Malformed input to a URL function`, 3);
  const [, scheme = 'http', host = '', port, path = ''] = match;
  if (!METADATA_HOSTS.has(host)) {
    return /^[\d.]+$/.test(host)
      ? quietError(`(7) Failed to connect to ${host} port ${port ?? (scheme === 'https' ? 443 : 80)} after 0 ms: Couldn't connect to server`, 7)
      : quietError(`(6) Could not resolve host: ${host}`, 6);
  }
  const location = io.shell.location;
  if (location.type === 'local' || !metadataServiceReachable(io.machine.state, location.instanceId)) {
    const code = quietError(`(28) Failed to connect to ${host} port 80 after 1000 ms: Timeout was reached`, 28);
    if (location.type === 'local') io.err(cliText(io.machine.language, 'curl.local') + '\n');
    return code;
  }
  if (scheme === 'https') return quietError(`(7) Failed to connect to ${host} port 443 after 0 ms: Couldn't connect to server`, 7);

  const method = options.method ?? 'GET';
  const headers = Object.fromEntries(options.headers);
  const response = imdsRequest(io.machine.state, { instanceId: location.instanceId, method, path: path || '/', headers }, io.machine.ctx.now());
  const reason = REASONS[response.status] ?? '';
  if (options.verbose) {
    io.err(`*   Trying ${host}:80...\n* Connected to ${host} (${host}) port 80\n`);
    io.err(`> ${method} ${path || '/'} HTTP/1.1\n> Host: ${host}\n> User-Agent: curl/8.5.0\n> Accept: */*\n`);
    for (const [name, value] of options.headers) io.err(`> ${name}: ${value}\n`);
    io.err('> \n');
    io.err(`< HTTP/1.1 ${response.status} ${reason}\n`);
    for (const [name, value] of Object.entries(response.headers)) io.err(`< ${name}: ${value}\n`);
    io.err('< \n');
  }
  if (options.fail && response.status >= 400) {
    if (options.verbose) io.err('* Closing connection\n');
    return quietError(`(22) The requested URL returned error: ${response.status}`, 22);
  }
  const body = options.include ? `HTTP/1.1 ${response.status} ${reason}\r\n${Object.entries(response.headers).map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n${response.body}` : response.body;
  if (!options.silent && (!io.stdoutIsTerminal || options.output) && !options.verbose) io.err(progressMeter(response.body.length));
  const outputPath = options.output === undefined ? undefined : resolvePath(io.shell.cwd, options.output);
  if (outputPath === undefined) io.out(body);
  else if (outputPath !== DEV_NULL) io.shell.files[outputPath] = body;
  if (options.writeOut) io.out(options.writeOut.replace(/%\{(http_code|response_code)\}/g, String(response.status)).replace(/\\n/g, '\n'));
  if (options.verbose) io.err(`* Connection #0 to host ${host} left intact\n`);
  return 0;
}
