import type { RandomSource } from '../../sim/core/random';
import type { ServiceName } from '../../sim/core/errors';
import type { FileReader } from './paramfile';
import type { JsValue } from './py';

/** What `aws …` asked for, once its arguments are parsed. Never thrown: errors are a kind too. */
export type ParsedCommand = CallRequest | WaitRequest | HelpRequest | VersionRequest | SkeletonOutput | SampleOutputRequest | UsageError;

export type OutputFormat = 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream' | 'off';
export type ErrorFormat = 'enhanced' | 'legacy' | 'json' | 'yaml' | 'text' | 'table';

/** The global options (`aws --region … <command>`), wherever they appeared on the line. */
export interface CliGlobals {
  /** Undefined when not given: the configured default (json) applies. */
  readonly output?: OutputFormat;
  readonly query?: string;
  readonly region?: string;
  readonly profile?: string;
  /** Accepted and ignored: IAM Lab has no endpoints. */
  readonly endpointUrl?: string;
  readonly debug: boolean;
  /** False with `--no-paginate`, or when a service paging parameter (`--marker`) was given. */
  readonly paginate: boolean;
  readonly verifySsl: boolean;
  readonly signRequest: boolean;
  readonly cliPager: boolean;
  readonly color: 'on' | 'off' | 'auto';
  readonly caBundle?: string;
  readonly readTimeout?: number;
  readonly connectTimeout?: number;
  readonly cliBinaryFormat?: 'base64' | 'raw-in-base64-out';
  /** `--cli-auto-prompt` or AWS_CLI_AUTO_PROMPT: IAM Lab has no prompt and runs the line as typed. */
  readonly autoPrompt: 'on' | 'on-partial' | 'off';
  /** How errors after this point are written (`--cli-error-format`, else AWS_CLI_ERROR_FORMAT). */
  readonly errorFormat: ErrorFormat;
}

/** The CLI's own paging options (`--max-items`, `--page-size`, `--starting-token`). */
export interface Pagination {
  readonly maxItems?: number;
  readonly pageSize?: number;
  readonly startingToken?: string;
}

export interface CallRequest {
  readonly kind: 'call';
  readonly service: ServiceName;
  /** The API name, e.g. `CreateRole`. */
  readonly operation: string;
  /** Model-shaped parameters, exactly what the CLI would send. */
  readonly params: Readonly<Record<string, JsValue>>;
  readonly globals: CliGlobals;
  /** Set for paginated operations when automatic pagination is on. */
  readonly pagination?: Pagination;
}

/** `aws <service> wait <waiter> …`: poll `operation` with `params` per the model's waiter. */
export interface WaitRequest {
  readonly kind: 'wait';
  readonly service: ServiceName;
  /** The waiter's model name, e.g. `InstanceProfileExists`. */
  readonly waiter: string;
  readonly operation: string;
  readonly params: Readonly<Record<string, JsValue>>;
  readonly globals: CliGlobals;
}

/** Which help page was asked for; the text is written elsewhere. */
export type HelpTopic =
  | { readonly level: 'aws'; readonly topic?: string }
  | { readonly level: 'service'; readonly service: ServiceName }
  | { readonly level: 'operation'; readonly service: ServiceName; readonly operation: string }
  | { readonly level: 'wait'; readonly service: ServiceName }
  | { readonly level: 'waiter'; readonly service: ServiceName; readonly waiter: string };

export interface HelpRequest {
  readonly kind: 'help';
  readonly topic: HelpTopic;
}

/** `aws --version`: print `text` and a newline on stdout, exit 0. */
export interface VersionRequest {
  readonly kind: 'version';
  readonly text: string;
}

/** `--generate-cli-skeleton [input|yaml-input]`: print `stdout` as it is, exit 0. */
export interface SkeletonOutput {
  readonly kind: 'skeleton';
  readonly service: ServiceName;
  readonly operation: string;
  readonly stdout: string;
}

/** `--generate-cli-skeleton output`: format `response` like the operation's own output, exit 0. */
export interface SampleOutputRequest {
  readonly kind: 'sample-output';
  readonly service: ServiceName;
  readonly operation: string;
  readonly response: Readonly<Record<string, JsValue>>;
  readonly globals: CliGlobals;
}

/** The CLI stopped before calling anything: write `stderr` exactly, exit with `exitCode`. */
export interface UsageError {
  readonly kind: 'error';
  readonly exitCode: number;
  readonly stderr: string;
}

/** What the parser may consult; nothing else reaches it. */
export interface ParseContext {
  readonly readFile: FileReader;
  /** Environment variables: HOME, AWS_CLI_ERROR_FORMAT, AWS_CLI_AUTO_PROMPT … */
  readonly env: Readonly<Record<string, string>>;
  /** ClientToken and other idempotency tokens. */
  readonly uuid: () => string;
  /** `--generate-cli-skeleton` picks a random value for enum members, as botocore does. */
  readonly random: RandomSource;
}
