import type { Result } from '../../sim/core/result';
import { part } from '../parts';
import type { JsonValue } from './python';
import type { Query, QueryError } from './jmespath';

/** `--query` (and waiters' paths): JMESPath, loaded on first use (`../parts`, `./jmespath.ts`). */
export type { Query, QueryError } from './jmespath';

export const parseQuery = (expression: string): Result<Query, QueryError> => part('query').parseQuery(expression);

export const runQuery = (query: Query, value: JsonValue): Result<JsonValue, QueryError> => part('query').runQuery(query, value);
