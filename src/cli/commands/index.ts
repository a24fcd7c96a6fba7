import { shellBuiltins } from '../shell/builtins';
import type { Builtin } from '../shell/session';
import { aws } from './aws';
import { curl } from './curl';
import { exit, hostname, ssh } from './instance';

/** Every command the IAM Lab terminal knows, by name. */
export const COMMANDS: Readonly<Record<string, Builtin>> = {
  ...shellBuiltins,
  aws,
  curl,
  ssh,
  connect: ssh,
  exit,
  logout: exit,
  hostname,
};

export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS).sort();
