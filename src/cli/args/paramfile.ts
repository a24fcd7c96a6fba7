import { PyBytes, pyRepr, type PyValue } from './py';

/**
 * `file://` and `fileb://` parameter values (`awscli/paramfile.py`). AWS CLI v2 loads only
 * local files: `http://` and `https://` values are passed on as they are, and so is a bare
 * file name, which the service then receives literally.
 */

/** Reads a file of the virtual file system; `undefined` when there is none at that path. */
export type FileReader = (path: string) => string | undefined;

export interface FileContext {
  readonly readFile: FileReader;
  /** The shell's variables, for `~` and `$VAR` in paths as Python's `os.path` expands them. */
  readonly env: Readonly<Record<string, string>>;
}

export type ParamFileResult = { ok: true; value: PyValue | undefined } | { ok: false; message: string };

/** `get_paramfile(value, LOCAL_PREFIX_MAP)`: the loaded contents, or `undefined` for a plain value. */
export function getParamFile(value: PyValue, ctx: FileContext): ParamFileResult {
  if (typeof value !== 'string') return { ok: true, value: undefined };
  const prefix = value.startsWith('file://') ? 'file://' : value.startsWith('fileb://') ? 'fileb://' : undefined;
  if (!prefix) return { ok: true, value: undefined };
  const path = expandVars(expandUser(value.slice(prefix.length), ctx.env), ctx.env);
  const text = ctx.readFile(path);
  if (text === undefined) {
    return { ok: false, message: `Unable to load paramfile ${value}: [Errno 2] No such file or directory: ${pyRepr(path)}` };
  }
  return { ok: true, value: prefix === 'file://' ? text : new PyBytes(text) };
}

/** `os.path.expanduser`: `~` and `~/…` become `$HOME`; other users are left alone. */
function expandUser(path: string, env: Readonly<Record<string, string>>): string {
  const home = env.HOME;
  if (home === undefined || !(path === '~' || path.startsWith('~/'))) return path;
  return home.replace(/\/+$/, '') + path.slice(1) || '/';
}

/** `os.path.expandvars`: `$NAME` and `${NAME}` for variables that exist; the rest untouched. */
function expandVars(path: string, env: Readonly<Record<string, string>>): string {
  if (!path.includes('$')) return path;
  return path.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    return env[key] ?? whole;
  });
}
