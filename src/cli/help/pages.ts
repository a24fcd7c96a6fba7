import type { ServiceName } from '../../sim/core/errors';
import type { ServiceModel, Shape, Waiter } from '../../sim/core/model';
import { xformName } from '../args/xform';
import { examplesOf } from './examples';
import { COMMAND_OPTION_ENTRIES, GLOBAL_ENTRIES } from './globals';
import { INDENT, PageWriter } from './layout';
import { optionEntries, type OptionEntry } from './options';
import { isScalar, jsonSyntax, limitsOf, listMemberEnum, listSyntax, outputTree, shorthandSyntax, type Limits } from './syntax';
import type { HelpText } from './text';

/**
 * The five kinds of page: `aws help`, `aws <service> help`, `aws <service> <operation> help`,
 * `aws <service> wait help` and `aws <service> wait <waiter> help`. Structure and syntax come from
 * the service models; every sentence comes from the locale catalogue.
 */
export interface PageContext {
  readonly text: HelpText;
  readonly width: number;
}

/** Enums longer than this are listed in part under "Possible values". */
const POSSIBLE_VALUES_LIMIT = 20;

export function topPage({ text, width }: PageContext, services: readonly ServiceName[]): string {
  const w = new PageWriter(width);
  w.section('NAME');
  w.paragraph('aws', INDENT.section, { tight: true });
  w.section('DESCRIPTION');
  w.paragraph(text.get('aws.description'), INDENT.section, { tight: true });
  w.section('SYNOPSIS');
  w.verbatim(['aws [options] <command> <subcommand> [parameters]'], INDENT.body, { tight: true });
  w.paragraph(text.get('aws.usage'), INDENT.section);
  writeGlobalOptions(w, text, 'describe');
  w.section('AVAILABLE SERVICES');
  w.verbatim([...services].sort().map((s) => `o ${s}`), INDENT.section, { tight: true });
  return w.toString();
}

export function servicePage({ text, width }: PageContext, service: ServiceName, model: ServiceModel): string {
  const w = new PageWriter(width);
  w.section('NAME');
  w.paragraph(service, INDENT.section, { tight: true });
  w.section('DESCRIPTION');
  w.paragraph(text.get(`service.${service}`), INDENT.section, { tight: true });
  w.paragraph(text.get('service.fullName', { name: model.metadata.serviceFullName, version: model.metadata.apiVersion }), INDENT.section);
  w.section('AVAILABLE COMMANDS');
  const commands = Object.keys(model.operations).map((op) => xformName(op));
  if (Object.keys(model.waiters).length) commands.push('wait');
  w.verbatim(commands.sort().map((c) => `o ${c}`), INDENT.section, { tight: true });
  writeGlobalOptions(w, text, 'describe');
  return w.toString();
}

export function operationPage({ text, width }: PageContext, service: ServiceName, model: ServiceModel, operation: string): string {
  const cliName = xformName(operation);
  const entries = optionEntries(text, service, model, { cliName, parent: service, operation });
  const w = new PageWriter(width);
  w.section('NAME');
  w.paragraph(`aws ${service} ${cliName}`, INDENT.section, { tight: true });
  w.section('DESCRIPTION');
  w.paragraph(text.get(`operation.${service}.${operation}`), INDENT.section, { tight: true });
  w.paragraph(text.get('label.apiOperation', { operation, service: model.metadata.serviceFullName }), INDENT.section);
  writeSynopsis(w, cliName, entries);
  writeOptions(w, text, model, entries);
  writeGlobalOptions(w, text, 'note');
  writeExamples(w, text, service, operation);
  writeOutput(w, text, model, model.operations[operation]?.output);
  return w.toString();
}

export function waitPage({ text, width }: PageContext, service: ServiceName, model: ServiceModel): string {
  const w = new PageWriter(width);
  w.section('NAME');
  w.paragraph(`aws ${service} wait`, INDENT.section, { tight: true });
  w.section('DESCRIPTION');
  w.paragraph(text.get('wait.description'), INDENT.section, { tight: true });
  w.section('SYNOPSIS');
  w.verbatim([`aws ${service} wait <subcommand> [...]`], INDENT.body, { tight: true });
  w.section('AVAILABLE COMMANDS');
  w.verbatim(Object.keys(model.waiters).map((name) => `o ${xformName(name)}`).sort(), INDENT.section, { tight: true });
  writeGlobalOptions(w, text, 'describe');
  return w.toString();
}

export function waiterPage({ text, width }: PageContext, service: ServiceName, model: ServiceModel, waiterName: string, waiter: Waiter): string {
  const cliName = xformName(waiterName);
  const entries = optionEntries(text, service, model, { cliName, parent: 'wait', operation: waiter.operation });
  const w = new PageWriter(width);
  w.section('NAME');
  w.paragraph(`aws ${service} wait ${cliName}`, INDENT.section, { tight: true });
  w.section('DESCRIPTION');
  w.paragraph(text.get(`waiter.${service}.${waiterName}`), INDENT.section, { tight: true });
  w.paragraph(
    text.get('waiter.polling', { operation: xformName(waiter.operation), delay: waiter.delay, attempts: waiter.maxAttempts }),
    INDENT.section,
  );
  writeSynopsis(w, cliName, entries);
  writeOptions(w, text, model, entries);
  writeGlobalOptions(w, text, 'note');
  w.section('OUTPUT');
  w.paragraph(text.get('label.none'), INDENT.section, { tight: true });
  return w.toString();
}

function writeSynopsis(w: PageWriter, cliName: string, entries: readonly OptionEntry[]): void {
  w.section('SYNOPSIS');
  w.verbatim([cliName], INDENT.code, { tight: true });
  const options = entries.map((e) => (e.required ? e.usage : `[${e.usage}]`));
  const globals = GLOBAL_ENTRIES.map((g) => `[${g.usage}]`);
  w.verbatim([...options, ...globals], INDENT.body, { tight: true });
}

function writeOptions(w: PageWriter, text: HelpText, model: ServiceModel, entries: readonly OptionEntry[]): void {
  w.section('OPTIONS');
  if (!entries.length) {
    w.paragraph(text.get('label.none'), INDENT.section, { tight: true });
    return;
  }
  entries.forEach((entry, i) => {
    const required = entry.required ? ` ${text.get('label.required')}` : '';
    w.paragraph(`${entry.names} (${entry.type})${required}`, INDENT.section, { tight: i === 0 });
    w.paragraph(text.get(entry.descriptionKey), INDENT.body, { tight: true });
    if (entry.shape) writeShapeDetails(w, text, model, entry.shape);
  });
}

function writeShapeDetails(w: PageWriter, text: HelpText, model: ServiceModel, shape: Shape): void {
  const limits = limitsOf(shape);
  if (limits) {
    w.paragraph(text.get('label.constraints'), INDENT.body);
    w.verbatim(limitLines(text, limits), INDENT.code, { tight: true });
  }
  const values = shape.enum ?? listMemberEnum(model, shape);
  if (values) {
    w.paragraph(text.get('label.possibleValues'), INDENT.body);
    const shown = values.length > POSSIBLE_VALUES_LIMIT ? values.slice(0, POSSIBLE_VALUES_LIMIT) : values;
    w.verbatim(shown.map((v) => `o ${v}`), INDENT.code, { tight: true });
    if (shown.length < values.length) w.paragraph(text.get('label.moreValues', { count: values.length - shown.length, total: values.length }), INDENT.code, { tight: true });
  }
  if (isScalar(shape)) return;
  const shorthand = shorthandSyntax(model, shape);
  if (shorthand !== undefined) {
    w.paragraph(text.get('label.shorthand'), INDENT.body);
    w.verbatim([shorthand], INDENT.code);
  }
  const words = listSyntax(model, shape);
  if (words !== undefined) {
    w.paragraph(text.get('label.syntax'), INDENT.body);
    w.verbatim([words], INDENT.code);
  } else {
    w.paragraph(text.get('label.json'), INDENT.body);
    w.verbatim(jsonSyntax(model, shape), INDENT.code);
  }
}

function limitLines(text: HelpText, limits: Limits): string[] {
  const lines: string[] = [];
  if (limits.min !== undefined) lines.push(`o ${text.get(`constraint.min.${limits.of}`, { value: limits.min })}`);
  if (limits.max !== undefined) lines.push(`o ${text.get(`constraint.max.${limits.of}`, { value: limits.max })}`);
  if (limits.pattern !== undefined) lines.push(`o ${text.get('constraint.pattern', { value: limits.pattern })}`);
  return lines;
}

/**
 * On command pages the options that are not `aws`'s own are already under OPTIONS, so a note
 * names them; the other pages describe them after the global options.
 */
function writeGlobalOptions(w: PageWriter, text: HelpText, commandOptions: 'describe' | 'note'): void {
  w.section('GLOBAL OPTIONS');
  GLOBAL_ENTRIES.forEach((option, i) => {
    w.paragraph(`${option.flag} (${option.type})`, INDENT.section, { tight: i === 0 });
    w.paragraph(text.get(option.descriptionKey), INDENT.body, { tight: true });
    if (option.choices) {
      w.paragraph(text.get('label.possibleValues'), INDENT.body);
      w.verbatim(option.choices.map((c) => `o ${c}`), INDENT.code, { tight: true });
    }
  });
  if (commandOptions === 'note') {
    w.paragraph(text.get('global.commandOptionsNote'), INDENT.section);
    return;
  }
  w.paragraph(text.get('global.commandOptionsIntro'), INDENT.section);
  for (const option of COMMAND_OPTION_ENTRIES) {
    w.paragraph(`${option.names} (${option.type})`, INDENT.section);
    w.paragraph(text.get(option.descriptionKey), INDENT.body, { tight: true });
  }
}

function writeExamples(w: PageWriter, text: HelpText, service: ServiceName, operation: string): void {
  const examples = examplesOf(service, operation);
  if (!examples.length) return;
  w.section('EXAMPLES');
  examples.forEach((example, i) => {
    const key = `example.${service}.${operation}.${i + 1}`;
    w.paragraph(text.get('label.example', { number: i + 1, title: text.get(`${key}.title`) }), INDENT.section, { tight: i === 0 });
    w.verbatim([`$ ${example.command}`], INDENT.body);
    w.paragraph(text.get(`${key}.note`), INDENT.section);
    if (example.output === 'none') {
      w.paragraph(text.get('label.noOutput'), INDENT.section);
    } else if ('stdout' in example.output) {
      w.paragraph(text.get('label.output'), INDENT.section);
      w.verbatim(example.output.stdout, INDENT.body);
    } else {
      w.paragraph(text.get('label.errorOutput'), INDENT.section);
      w.verbatim(example.output.stderr.filter((line) => line !== ''), INDENT.body);
    }
  });
}

function writeOutput(w: PageWriter, text: HelpText, model: ServiceModel, output: string | undefined): void {
  w.section('OUTPUT');
  const shape = output ? model.shapes[output] : undefined;
  const tree = shape ? outputTree(model, shape) : [];
  if (!tree.length) {
    w.paragraph(text.get('label.none'), INDENT.section, { tight: true });
    return;
  }
  w.verbatim(tree, INDENT.section, { tight: true });
}
