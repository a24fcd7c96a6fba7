import { describe, expect, it } from 'vitest';
import { buildFullResult, decodeStartingToken, nextPageParams, paginatorFor } from './paginate';
import type { JsonObject } from './python';

const listRoles = paginatorFor('iam', 'ListRoles');
const describeInstances = paginatorFor('ec2', 'DescribeInstances');
if (!listRoles || !describeInstances) throw new Error('models lack the paginators');

const role = (name: string) => ({ RoleName: name });
// Two pages of ListRoles as the service returns them.
const PAGES: JsonObject[] = [
  { Roles: [role('a'), role('b')], IsTruncated: true, Marker: 'm2' },
  { Roles: [role('c')], IsTruncated: false },
];

describe('pagination', () => {
  it('has no paginator for an operation that does not page', () => {
    expect(paginatorFor('iam', 'GetRole')).toBeUndefined();
  });

  it('follows the output token until IsTruncated is false', () => {
    expect(nextPageParams(listRoles, PAGES[0] as JsonObject)).toEqual({ Marker: 'm2' });
    expect(nextPageParams(listRoles, PAGES[1] as JsonObject)).toBeUndefined();
    expect(nextPageParams(describeInstances, { Reservations: [], NextToken: 't2' })).toEqual({ NextToken: 't2' });
    expect(nextPageParams(describeInstances, { Reservations: [], NextToken: '' })).toBeUndefined();
  });

  it('drops Marker and IsTruncated and joins the pages', () => {
    expect(buildFullResult(listRoles, PAGES)).toEqual({
      result: { Roles: [role('a'), role('b'), role('c')] },
      pages: [{ Roles: [role('a'), role('b')] }, { Roles: [role('c')] }],
    });
  });

  it('drops NextToken from DescribeInstances and keeps an empty result key', () => {
    expect(buildFullResult(describeInstances, [{ Reservations: [], NextToken: '' }]).result).toEqual({ Reservations: [] });
  });

  it.each([
    // Cut inside the first page: the token resumes the same request, skipping what was shown.
    [1, [role('a')], 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=='],
    // Cut on a page boundary: the service's own marker.
    [2, [role('a'), role('b')], 'eyJNYXJrZXIiOiAibTIifQ=='],
    [3, [role('a'), role('b'), role('c')], undefined],
    [10, [role('a'), role('b'), role('c')], undefined],
  ] as const)('--max-items %d', (maxItems, roles, nextToken) => {
    const full = buildFullResult(listRoles, PAGES, { maxItems });
    expect(full.result).toEqual(nextToken ? { Roles: roles, NextToken: nextToken } : { Roles: roles });
    expect(full.nextToken).toBe(nextToken);
  });

  it('resumes from a NextToken with --starting-token', () => {
    const start = decodeStartingToken(listRoles, 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==');
    expect(start).toEqual({ params: {}, skip: 1 });
    const full = buildFullResult(listRoles, PAGES, { startingToken: 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==', maxItems: 1 });
    expect(full.result).toEqual({ Roles: [role('b')], NextToken: 'eyJNYXJrZXIiOiAibTIifQ==' });
    expect(decodeStartingToken(listRoles, 'eyJNYXJrZXIiOiAibTIifQ==')).toEqual({ params: { Marker: 'm2' }, skip: 0 });
  });

  it('passes a token that is not the CLI\'s own through as the service token', () => {
    expect(decodeStartingToken(describeInstances, 'raw-token')).toEqual({ params: { NextToken: 'raw-token' }, skip: 0 });
  });
});
