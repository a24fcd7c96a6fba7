import { describe, expect, it } from 'vitest';
import type { ServiceName } from '../../sim/core/errors';
import { serviceModels } from '../../sim/core/model';
import { supportedOperations } from '../../sim/execute';
import type { Language } from '../text';
import { renderHelp, type HelpTarget } from './index';
import { catalogueKeys, helpText } from './text';

const SERVICES = Object.keys(serviceModels) as ServiceName[];

/** Every page there is, plus the messages for pages there are not. */
function everyTarget(): HelpTarget[] {
  const targets: HelpTarget[] = [{}, { service: 'lambda' }, { service: 'iam', operation: 'nope' }];
  for (const service of SERVICES) {
    const model = serviceModels[service];
    targets.push({ service });
    if (Object.keys(model.waiters).length) targets.push({ service, operation: 'wait' });
    for (const operation of Object.keys(model.operations)) targets.push({ service, operation });
    for (const waiter of Object.keys(model.waiters)) targets.push({ service, waiter });
  }
  return targets;
}

function keysRead(language: Language): Set<string> {
  const keys = new Set<string>();
  for (const target of everyTarget()) renderHelp(language, target, { onKey: (key) => keys.add(key) });
  return keys;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('help.json', () => {
  const en = catalogueKeys('en');
  const ja = catalogueKeys('ja');

  it('has the same keys in English and Japanese', () => {
    expect([...ja].sort()).toEqual([...en].sort());
  });

  it.each<Language>(['en', 'ja'])('%s: every key a page reads exists, and every key is read by some page', (language) => {
    const read = keysRead(language);
    const own = new Set(catalogueKeys(language));
    expect([...read].filter((k) => !own.has(k))).toEqual([]);
    expect([...own].filter((k) => !read.has(k))).toEqual([]);
  });

  it('describes every supported operation, service and waiter', () => {
    const keys = new Set(en);
    let operations = 0;
    for (const service of SERVICES) {
      expect(keys.has(`service.${service}`)).toBe(true);
      for (const operation of supportedOperations(service)) {
        expect(keys.has(`operation.${service}.${operation}`), `${service} ${operation}`).toBe(true);
        operations++;
      }
      for (const waiter of Object.keys(serviceModels[service].waiters)) expect(keys.has(`waiter.${service}.${waiter}`), waiter).toBe(true);
    }
    expect(operations).toBe(48);
  });

  it('has text for every key in both languages, with the same placeholders', () => {
    const enText = helpText('en');
    const jaText = helpText('ja');
    for (const key of en) {
      const english = enText.get(key);
      const japanese = jaText.get(key);
      expect(english.trim(), key).not.toBe('');
      expect(japanese.trim(), key).not.toBe('');
      expect(placeholders(japanese), key).toEqual(placeholders(english));
      // Japanese text is written for Japanese readers, never left in English.
      expect(japanese, key).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
    }
  });

  it('uses the AWS console\'s Japanese terms, in です・ます', () => {
    const jaText = helpText('ja');
    expect(jaText.get('operation.iam.CreateInstanceProfile')).toContain('インスタンスプロファイル');
    expect(jaText.get('operation.iam.CreateRole')).toMatch(/信頼ポリシー.*ロールを引き受け.*一時的な認証情報/s);
    expect(jaText.get('operation.iam.PutRolePolicy')).toContain('インラインポリシー');
    expect(jaText.get('operation.iam.PutRolePolicy')).toContain('許可ポリシー');
    expect(jaText.get('operation.iam.AttachRolePolicy')).toContain('管理ポリシー');
    expect(jaText.get('operation.ec2.AssociateIamInstanceProfile')).toContain('関連付け');
    expect(jaText.get('operation.ec2.ReplaceIamInstanceProfileAssociation')).toContain('置き換え');
    expect(jaText.get('operation.iam.DetachRolePolicy')).toContain('デタッチ');
    for (const key of ja.filter((k) => k.startsWith('operation.'))) expect(jaText.get(key), key).toMatch(/(です|ます|ません)。$/);
  });

  it('keeps the learner-critical facts in both languages', () => {
    for (const language of ['en', 'ja'] as const) {
      const text = helpText(language);
      expect(text.get('option.ec2.RunInstances.IamInstanceProfile')).toMatch(/Name=.*Arn=/);
      expect(text.get('operation.iam.CreateInstanceProfile')).toContain('"Roles": []');
      expect(text.get('operation.iam.AddRoleToInstanceProfile')).toContain('LimitExceeded');
      expect(text.get('option.AssumeRolePolicyDocument')).toContain('file://');
    }
  });
});
