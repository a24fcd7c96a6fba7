import { own, type SimState } from '../../sim';
import { cliText } from '../text';
import { INSTANCE_HOME, LOCAL_HOME, type Builtin, type ShellState } from '../shell/session';

/** The prompt bash shows: the learner's own machine, or Amazon Linux's inside an instance. */
export function promptOf(shell: ShellState, state: SimState): string {
  if (shell.location.type === 'local') {
    const where = shell.cwd === LOCAL_HOME ? '~' : shell.cwd.startsWith(LOCAL_HOME + '/') ? '~' + shell.cwd.slice(LOCAL_HOME.length) : shell.cwd;
    return `learner@iam-lab:${where}$ `;
  }
  const instance = own(state.tables.instances, shell.location.instanceId);
  const host = instance ? `ip-${instance.PrivateIpAddress.replaceAll('.', '-')}` : 'localhost';
  const where = shell.cwd === INSTANCE_HOME ? '~' : shell.cwd.slice(shell.cwd.lastIndexOf('/') + 1) || '/';
  return `[ec2-user@${host} ${where}]$ `;
}

/** `ssh i-…`, `ssh ec2-user@i-…` or `connect i-…`: a shell inside a running instance. */
export const ssh: Builtin = (io) => {
  const lang = io.machine.language;
  if (io.shell.location.type === 'instance') {
    io.err(cliText(lang, 'ssh.nested', { instanceId: io.shell.location.instanceId }) + '\n');
    return 1;
  }
  // Options such as `-i key.pem` or `-o …` take a value; the destination is the first other word.
  const words: string[] = [];
  for (let i = 0; i < io.args.length; i++) {
    const arg = io.args[i] ?? '';
    if (/^-[ilopFJ]$/.test(arg)) i++;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  const destination = words[0];
  if (!destination) {
    io.err(cliText(lang, 'ssh.usage') + '\n');
    return 255;
  }
  const host = destination.slice(destination.indexOf('@') + 1);
  const state = io.machine.state;
  const instance = own(state.tables.instances, host) ?? Object.values(state.tables.instances).find((i) => i.PrivateIpAddress === host || i.PublicIpAddress === host);
  if (!instance) {
    io.err(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
    return 255;
  }
  if (instance.State.Name !== 'running') {
    io.err(`ssh: connect to host ${instance.InstanceId} port 22: Connection refused\n`);
    io.err(cliText(lang, 'ssh.notRunning', { instanceId: instance.InstanceId, state: instance.State.Name }) + '\n');
    return 255;
  }
  const name = instance.Tags.find((t) => t.Key === 'Name')?.Value ?? instance.InstanceId;
  io.shell.location = { type: 'instance', instanceId: instance.InstanceId, returnCwd: io.shell.cwd };
  io.shell.cwd = INSTANCE_HOME;
  io.out(cliText(lang, 'ssh.welcome', { instanceId: instance.InstanceId, name }) + '\n');
  return 0;
};

/** `exit` leaves the instance shell; on the learner's own terminal there is nowhere to go. */
export const exit: Builtin = (io) => {
  if (io.shell.location.type === 'local') {
    io.err(cliText(io.machine.language, 'exit.local') + '\n');
    return 1;
  }
  io.shell.cwd = io.shell.location.returnCwd;
  io.shell.location = { type: 'local' };
  io.out('logout\nConnection to instance closed.\n');
  return 0;
};

/** `hostname` answers as the instance or the learner's machine would. */
export const hostname: Builtin = (io) => {
  const prompt = promptOf(io.shell, io.machine.state);
  io.out((io.shell.location.type === 'local' ? 'iam-lab' : (/@([^ ]+)/.exec(prompt)?.[1] ?? 'localhost')) + '\n');
  return 0;
};
