import { exhaustive } from '../../sim/core/assert';
import type { ServiceName } from '../../sim/core/errors';
import { serviceModels } from '../../sim/core/model';
import type { HelpTopic } from '../args/types';
import { xformName } from '../args/xform';
import type { Language } from '../text';
import { DEFAULT_WIDTH } from './layout';
import { operationPage, servicePage, topPage, waiterPage, waitPage, type PageContext } from './pages';
import { helpText } from './text';

/**
 * `aws help` pages in IAM Lab's words, laid out like the AWS CLI's: plain text, no pager, no
 * colour. Operations and waiters may be named as the CLI names them (`create-role`,
 * `instance-running`) or as the model does (`CreateRole`, `InstanceRunning`); `operation: 'wait'`
 * without a waiter is `aws <service> wait help`.
 */
export interface HelpTarget {
  readonly service?: string;
  readonly operation?: string;
  readonly waiter?: string;
}

export interface HelpOptions {
  /** Columns to fill paragraphs to (the terminal's width); 80 by default. */
  readonly width?: number;
  /** Sees every catalogue key the page reads (for tests). */
  readonly onKey?: (key: string) => void;
}

const SERVICES = Object.keys(serviceModels) as ServiceName[];

export function renderHelp(language: Language, target: HelpTarget, options: HelpOptions = {}): string {
  const text = helpText(language, options.onKey);
  const ctx: PageContext = { text, width: options.width ?? DEFAULT_WIDTH };
  if (target.service === undefined) return topPage(ctx, SERVICES);
  const service = SERVICES.find((s) => s === target.service);
  if (!service) return notFound(ctx, ['aws', target.service]);
  const model = serviceModels[service];
  if (target.waiter !== undefined) {
    const name = Object.keys(model.waiters).find((w) => w === target.waiter || xformName(w) === target.waiter);
    const waiter = name ? model.waiters[name] : undefined;
    return name && waiter ? waiterPage(ctx, service, model, name, waiter) : notFound(ctx, ['aws', service, 'wait', target.waiter], service);
  }
  if (target.operation === 'wait' && Object.keys(model.waiters).length) return waitPage(ctx, service, model);
  if (target.operation !== undefined) {
    const operation = Object.keys(model.operations).find((op) => op === target.operation || xformName(op) === target.operation);
    return operation ? operationPage(ctx, service, model, operation) : notFound(ctx, ['aws', service, target.operation], service);
  }
  return servicePage(ctx, service, model);
}

/** The page the argument parser's help request names. */
export function helpTarget(topic: HelpTopic): HelpTarget {
  switch (topic.level) {
    case 'aws':
      return {};
    case 'service':
      return { service: topic.service };
    case 'operation':
      return { service: topic.service, operation: topic.operation };
    case 'wait':
      return { service: topic.service, operation: 'wait' };
    case 'waiter':
      return { service: topic.service, waiter: topic.waiter };
    default:
      return exhaustive(topic);
  }
}

/** A short message rather than a page: the argument parser reports unknown commands itself. */
function notFound({ text }: PageContext, words: readonly string[], service?: ServiceName): string {
  const command = words.join(' ');
  const message = service ? text.get('unknown.command', { command, service }) : text.get('unknown.page', { command, services: [...SERVICES].sort().join(', ') });
  return `${message}\n`;
}
