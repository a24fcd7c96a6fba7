import { cliText } from '../text';
import { INSTANCE_HOME, LOCAL_HOME, isDirectory, resolvePath, type Builtin, type CommandIO } from './session';

/** The plain shell commands. `aws`, `ssh` and `curl` live beside the simulator code they drive. */

const echo: Builtin = (io) => {
  let args = [...io.args];
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    const flags = args[0];
    if (flags.includes('n')) newline = false;
    if (flags.includes('e')) escapes = true;
    if (flags.includes('E')) escapes = false;
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) text = text.replace(/\\(n|t|\\)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
  io.out(text + (newline ? '\n' : ''));
  return 0;
};

const cat: Builtin = (io) => {
  let code = 0;
  for (const arg of io.args) {
    const path = resolvePath(io.shell.cwd, arg);
    const text = io.shell.files[path];
    if (text !== undefined) io.out(text);
    else if (isDirectory(io.shell, path)) {
      io.err(`cat: ${arg}: Is a directory\n`);
      code = 1;
    } else {
      io.err(`cat: ${arg}: No such file or directory\n`);
      code = 1;
    }
  }
  return code;
};

/** Names directly inside a directory: files, and sub-directories with a trailing slash marker. */
function entries(io: CommandIO, dir: string): { name: string; directory: boolean }[] {
  const prefix = dir === '/' ? '/' : dir + '/';
  const found = new Map<string, boolean>();
  for (const path of Object.keys(io.shell.files)) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf('/');
    found.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
  }
  return [...found].map(([name, directory]) => ({ name, directory })).sort((a, b) => a.name.localeCompare(b.name));
}

const ls: Builtin = (io) => {
  const long = io.args.some((a) => /^-\w*l/.test(a));
  const targets = io.args.filter((a) => !a.startsWith('-'));
  let code = 0;
  for (const target of targets.length ? targets : ['.']) {
    const path = resolvePath(io.shell.cwd, target);
    if (io.shell.files[path] !== undefined) {
      io.out(long ? `-rw-r--r-- 1 learner learner ${io.shell.files[path]?.length ?? 0} ${target}\n` : `${target}\n`);
      continue;
    }
    if (!isDirectory(io.shell, path)) {
      io.err(`ls: cannot access '${target}': No such file or directory\n`);
      code = 2;
      continue;
    }
    const list = entries(io, path);
    if (targets.length > 1) io.out(`${target}:\n`);
    if (long) for (const e of list) io.out(`${e.directory ? 'drwxr-xr-x' : '-rw-r--r--'} 1 learner learner ${e.directory ? 4096 : (io.shell.files[`${path}/${e.name}`]?.length ?? 0)} ${e.name}\n`);
    else if (list.length) io.out(list.map((e) => e.name).join('  ') + '\n');
  }
  return code;
};

const rm: Builtin = (io) => {
  const force = io.args.some((a) => /^-\w*f/.test(a));
  const targets = io.args.filter((a) => !a.startsWith('-'));
  if (!targets.length) {
    io.err("rm: missing operand\nTry 'rm --help' for more information.\n");
    return 1;
  }
  let code = 0;
  for (const target of targets) {
    const path = resolvePath(io.shell.cwd, target);
    if (io.shell.files[path] !== undefined) delete io.shell.files[path];
    else if (isDirectory(io.shell, path)) {
      io.err(`rm: cannot remove '${target}': Is a directory\n`);
      code = 1;
    } else if (!force) {
      io.err(`rm: cannot remove '${target}': No such file or directory\n`);
      code = 1;
    }
  }
  return code;
};

const pwd: Builtin = (io) => {
  io.out(io.shell.cwd + '\n');
  return 0;
};

const cd: Builtin = (io) => {
  const home = io.shell.location.type === 'local' ? LOCAL_HOME : INSTANCE_HOME;
  const target = io.args[0] ?? home;
  const path = resolvePath(io.shell.cwd, target);
  if (!isDirectory(io.shell, path)) {
    io.err(`bash: cd: ${target}: No such file or directory\n`);
    return 1;
  }
  io.shell.cwd = path;
  return 0;
};

const clear: Builtin = (io) => {
  io.effect({ type: 'clear' });
  return 0;
};

const history: Builtin = (io) => {
  const width = String(io.shell.history.length).length;
  io.shell.history.forEach((line, i) => io.out(`${String(i + 1).padStart(Math.max(width, 4) + 1)}  ${line}\n`));
  return 0;
};

const help: Builtin = (io) => {
  const lang = io.machine.language;
  io.out([cliText(lang, 'help.title'), '', ...(['help.aws', 'help.files', 'help.shell', 'help.ssh', 'help.curl', 'help.keys'] as const).map((k) => '  ' + cliText(lang, k)), ''].join('\n'));
  return 0;
};

const exportVariables: Builtin = (io) => {
  if (!io.args.length) {
    for (const [name, value] of Object.entries(io.shell.variables).sort()) io.out(`declare -x ${name}="${value}"\n`);
    return 0;
  }
  let code = 0;
  for (const arg of io.args) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      io.err(`bash: export: \`${arg}': not a valid identifier\n`);
      code = 1;
    } else if (match[2] !== undefined) io.shell.variables[match[1] ?? ''] = match[2];
  }
  return code;
};

const unset: Builtin = (io) => {
  for (const name of io.args) delete io.shell.variables[name];
  return 0;
};

const env: Builtin = (io) => {
  for (const [name, value] of Object.entries(io.environment).sort()) io.out(`${name}=${value}\n`);
  return 0;
};

const sleep: Builtin = (io) => {
  const arg = io.args[0];
  if (arg === undefined) {
    io.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!match) {
    io.err(`sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`);
    return 1;
  }
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? ''] ?? 1;
  const seconds = Number(match[1]) * unit;
  io.machine.advanceClock(seconds * 1000);
  io.effect({ type: 'clock', advancedSeconds: seconds });
  return 0;
};

const edit: Builtin = (io) => {
  const target = io.args[0];
  if (!target) {
    io.err(cliText(io.machine.language, 'edit.usage') + '\n');
    return 2;
  }
  io.effect({ type: 'edit', path: resolvePath(io.shell.cwd, target) });
  return 0;
};

const whoami: Builtin = (io) => {
  io.out((io.shell.location.type === 'local' ? 'learner' : 'ec2-user') + '\n');
  return 0;
};

export const shellBuiltins: Readonly<Record<string, Builtin>> = {
  echo,
  cat,
  ls,
  rm,
  pwd,
  cd,
  clear,
  history,
  help,
  export: exportVariables,
  unset,
  env,
  printenv: env,
  sleep,
  edit,
  whoami,
  true: () => 0,
  false: () => 1,
};
