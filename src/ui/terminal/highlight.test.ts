import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_STYLED_LENGTH, segment, tokenizeJson } from './highlight';

const kinds = (text: string, json = true) => segment(text, json).map((s) => [s.kind, s.text]);

describe('segment', () => {
  it('splits JSON into keys, strings, numbers, literals and punctuation, keeping every character', () => {
    const text = '{\n    "Role": {\n        "Path": "/",\n        "MaxSessionDuration": 3600,\n        "Ok": true,\n        "X": null,\n        "E": -1.5e3\n    }\n}\n';
    expect(kinds(text)).toEqual([
      ['punct', '{'], ['plain', '\n    '], ['key', '"Role"'], ['punct', ':'], ['plain', ' '], ['punct', '{'], ['plain', '\n        '],
      ['key', '"Path"'], ['punct', ':'], ['plain', ' '], ['string', '"/"'], ['punct', ','], ['plain', '\n        '],
      ['key', '"MaxSessionDuration"'], ['punct', ':'], ['plain', ' '], ['number', '3600'], ['punct', ','], ['plain', '\n        '],
      ['key', '"Ok"'], ['punct', ':'], ['plain', ' '], ['literal', 'true'], ['punct', ','], ['plain', '\n        '],
      ['key', '"X"'], ['punct', ':'], ['plain', ' '], ['literal', 'null'], ['punct', ','], ['plain', '\n        '],
      ['key', '"E"'], ['punct', ':'], ['plain', ' '], ['number', '-1.5e3'], ['plain', '\n    '], ['punct', '}'], ['plain', '\n'], ['punct', '}'], ['plain', '\n'],
    ]);
  });

  it('finds ids inside JSON strings, leaving the quotes as string text', () => {
    const segments = segment('{"InstanceId": "i-0123456789abcdef0"}', true);
    expect(segments.map((s) => [s.kind, s.text])).toEqual([
      ['punct', '{'], ['key', '"InstanceId"'], ['punct', ':'], ['plain', ' '], ['string', '"'], ['id', 'i-0123456789abcdef0'], ['string', '"'], ['punct', '}'],
    ]);
    expect(segments[5]).toMatchObject({ kind: 'id', within: 'string', ref: { kind: 'instance', id: 'i-0123456789abcdef0' } });
  });

  it('keeps escaped quotes inside strings and markup as plain characters', () => {
    expect(kinds('["a\\"b", "<img src=x onerror=alert(1)>"]')).toEqual([
      ['punct', '['], ['string', '"a\\"b"'], ['punct', ','], ['plain', ' '], ['string', '"<img src=x onerror=alert(1)>"'], ['punct', ']'],
    ]);
  });

  it.each([
    ['text output', 'ROLE\tarn:aws:iam::123456789012:role/app\n'],
    ['a table', '-----\n|  x |\n-----\n'],
    ['almost JSON', '{"a": tru}'],
    ['YAML', 'Role:\n  Path: /\n'],
  ])('leaves %s unhighlighted apart from ids', (_name, text) => {
    expect(segment(text, true).every((s) => s.kind === 'plain' || s.kind === 'id')).toBe(true);
  });

  it('does not look for JSON in standard error', () => {
    expect(kinds('{"Code": "NoSuchEntity"}', false)).toEqual([['plain', '{"Code": "NoSuchEntity"}']]);
  });

  it('leaves very long output as one plain text', () => {
    const text = `[${'"i-0123456789abcdef0",'.repeat(MAX_STYLED_LENGTH / 20)}1]`;
    expect(segment(text, true)).toEqual([{ kind: 'plain', text }]);
  });

  it('gives back exactly the text it was given, for any JSON value or any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json().map((j) => JSON.stringify(JSON.parse(j), null, 4)), fc.string()), fc.boolean(), (text, json) => {
        expect(segment(text, json).map((s) => s.text).join('')).toBe(text);
      }),
    );
  });

  it('lexes every JSON document the CLI could print', () => {
    fc.assert(
      fc.property(fc.oneof(fc.object(), fc.array(fc.jsonValue())), (value) => {
        expect(tokenizeJson(JSON.stringify(value, null, 4))).toBeDefined();
      }),
    );
  });
});
