import type { Published } from '../../worker/protocol';

/**
 * Rules for the files the editor shows, creates and opens. Pure functions: the file list and the
 * editor dialog call them, and the tests pin them down. The worker checks paths again on save.
 */

/** The learner's home, and the instance user's home inside an SSH session (as the shell has them). */
export const LOCAL_HOME = '/home/learner';
export const INSTANCE_HOME = '/home/ec2-user';
const HOMES = [LOCAL_HOME, INSTANCE_HOME];

/** Longest name the file list accepts for a new file (relative to the home folder). */
export const MAX_NAME_LENGTH = 255;

type ShellLocation = Published['shell']['location'];

/** The home folder of where the terminal is now. */
export const homeFor = (location: ShellLocation): string => (location.type === 'local' ? LOCAL_HOME : INSTANCE_HOME);

/** Whether the editor may open and save this absolute path (a file somewhere under a home folder). */
export const insideHome = (path: string): boolean => HOMES.some((home) => path.startsWith(`${home}/`) && path.length > home.length + 1) && !path.split('/').some((part) => part === '..' || part === '.');

/** A path names a folder when it is a home folder or some file lies under it. */
export const isFolder = (path: string, files: readonly string[]): boolean => HOMES.includes(path) || files.some((file) => file.startsWith(`${path}/`));

export interface HomeFile {
  path: string;
  /** The path relative to the home folder, as the list shows it (`trust.json`, `policies/s3.json`). */
  name: string;
}

/** The files under a home folder, sorted by name. */
export function homeFiles(files: readonly string[], home: string): HomeFile[] {
  return files
    .filter((path) => path.startsWith(`${home}/`))
    .map((path) => ({ path, name: path.slice(home.length + 1) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export type NameProblem = 'empty' | 'tooLong' | 'badCharacters' | 'dotSegment' | 'exists' | 'folder' | 'parentIsFile';

export type NameCheck = { ok: true; path: string } | { ok: false; problem: NameProblem };

/**
 * A new file's name, relative to the home folder. Letters, digits, `.`, `_` and `-`, with `/`
 * between folders: names that need no quoting in `file://NAME` or `cat NAME`.
 */
export function checkNewName(name: string, home: string, files: readonly string[]): NameCheck {
  if (name.length === 0) return { ok: false, problem: 'empty' };
  if (name.length > MAX_NAME_LENGTH) return { ok: false, problem: 'tooLong' };
  if (!/^[A-Za-z0-9._\-/]+$/.test(name) || name.startsWith('/') || name.endsWith('/') || name.includes('//')) return { ok: false, problem: 'badCharacters' };
  const parts = name.split('/');
  if (parts.some((part) => part === '.' || part === '..')) return { ok: false, problem: 'dotSegment' };
  const path = `${home}/${name}`;
  if (files.includes(path)) return { ok: false, problem: 'exists' };
  if (isFolder(path, files)) return { ok: false, problem: 'folder' };
  for (let i = 1; i < parts.length; i++) {
    if (files.includes(`${home}/${parts.slice(0, i).join('/')}`)) return { ok: false, problem: 'parentIsFile' };
  }
  return { ok: true, path };
}

export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A file's name as the editor shows it: relative to its home folder (`trust.json`), else the full path. */
export function displayName(path: string): string {
  const home = HOMES.find((h) => path.startsWith(`${h}/`));
  return home ? path.slice(home.length + 1) : path;
}

/** Which IAM policy schema checks a file: `*.json`, as a trust policy when its name says "trust". */
export type SchemaKind = 'trust' | 'identity';

export function schemaKindFor(path: string): SchemaKind | undefined {
  const name = baseName(path).toLowerCase();
  if (!name.endsWith('.json')) return undefined;
  return name.includes('trust') ? 'trust' : 'identity';
}

export const languageFor = (path: string): 'json' | 'plaintext' => (schemaKindFor(path) ? 'json' : 'plaintext');

/** How the learner names the file in the terminal from where the shell is: `file://trust.json`. */
export function fileUrlFor(path: string, cwd: string): string {
  const relative = cwd === '/' ? path.slice(1) : path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
  return `file://${relative}`;
}

/** A word the shell reads back as exactly `text` (single quotes unless it needs none). */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9._\-/]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
