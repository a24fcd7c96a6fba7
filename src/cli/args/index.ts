/** The AWS CLI v2 argument grammar: `parseAwsArgs(argv, ctx)` → what `aws …` asked for. */
export { parseAwsArgs } from './parse';
export { VERSION_TEXT } from './globals';
export type {
  CallRequest,
  CliGlobals,
  ErrorFormat,
  HelpRequest,
  HelpTopic,
  OutputFormat,
  Pagination,
  ParseContext,
  ParsedCommand,
  SampleOutputRequest,
  SkeletonOutput,
  UsageError,
  VersionRequest,
  WaitRequest,
} from './types';
export type { FileReader } from './paramfile';
export type { JsValue } from './py';
