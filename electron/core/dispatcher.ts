import type { z } from 'zod';
import {
  contract,
  handlerTopics,
  isHandlerName,
  type Envelope,
  type FieldIssue,
} from '../../shared/contract';
import { CoreError, validationError } from './errors';
import type { EventSource } from './events';
import type { Handlers } from './handlers';
import type { Logger } from './log';

export type Dispatch = (name: unknown, input: unknown) => Promise<Envelope<unknown>>;

export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/**
 * The one entry point every host uses: rejects unknown names, validates the input with the
 * contract's schema, runs the handler and turns any failure into `{ code, message, details }`.
 * `handlers` may be a function returning the current table (the core swaps it after a restore).
 * After a successful call of a handler that writes, it emits `{ type: 'changed', topics }` so
 * every view of that data reloads itself.
 */
export function createDispatcher(
  handlers: Handlers | (() => Handlers),
  log: Logger,
  events?: EventSource,
): Dispatch {
  const current = typeof handlers === 'function' ? handlers : () => handlers;
  return async (name, input) => {
    if (!isHandlerName(name)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_HANDLER', message: `未知的操作“${String(name)}”，请求已拒绝。` },
      };
    }
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: validationError(zodIssuesToFields(parsed.error.issues)).toShape(),
      };
    }
    try {
      const handler = current()[name] as (input: unknown) => unknown;
      const data: unknown = await handler(parsed.data);
      const writes = handlerTopics[name].writes ?? [];
      if (events && writes.length > 0) events.emit({ type: 'changed', topics: [...writes] });
      return { ok: true, data };
    } catch (error) {
      if (error instanceof CoreError) return { ok: false, error: error.toShape() };
      log('error', 'handler failed', { name, error: String((error as Error)?.stack ?? error) });
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `操作“${name}”未完成：程序内部错误（${(error as Error)?.message ?? String(error)}）。已保存的数据没有改动。`,
        },
      };
    }
  };
}
