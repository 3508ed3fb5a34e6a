import type { AuditAction, AuditEntity } from '../../../shared/domain/audit';
import type { CoreContext } from '../context';
import type { Db } from './open';

/** Who made a change and when: every entry of one write carries the same stamp. */
export interface AuditStamp {
  at: string;
  actor: string;
}

/** The stamp of a change the coordinator makes at `at` (default: now, by the core's clock). */
export function auditStamp(ctx: Pick<CoreContext, 'now' | 'actor'>, at = ctx.now()): AuditStamp {
  return { at, actor: ctx.actor };
}

/** Appends one change of `entity` to the audit log, as the log's `view` shows the row. */
export type AuditRecorder<T> = (
  stamp: AuditStamp,
  entityId: number | string,
  action: AuditAction,
  before: T | null,
  after: T | null,
) => void;

/**
 * The audit log of one entity. Call the recorder inside the transaction that made the change,
 * so the change and its entry commit together. `view` picks what the log keeps of a row
 * (default: all of it).
 */
export function auditLog<T = unknown>(
  db: Db,
  entity: AuditEntity,
  view: (row: T) => unknown = (row) => row,
): AuditRecorder<T> {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // An absent row (a create's before, a delete's after) is stored as NULL, never as "null".
  const json = (row: T | null | undefined) =>
    row === null || row === undefined ? null : JSON.stringify(view(row));
  return (stamp, entityId, action, before, after) =>
    insert.run(stamp.at, stamp.actor, entity, String(entityId), action, json(before), json(after));
}

/** What an import's entry in the audit log says of it, besides what a module adds. */
export interface ImportAuditSummary {
  fileName: string;
  total: number;
  created: number;
  updated: number;
  /** Rows with errors the coordinator chose not to import (仅导入无误的行). */
  leftOut: number;
}

/**
 * Records one import of a file as a whole, inside the import's transaction, so the log says
 * which file brought what in and how many rows were left out.
 */
export function auditImport(
  ctx: Pick<CoreContext, 'db' | 'actor' | 'now'>,
  entity: AuditEntity,
  entityId: number | string,
  summary: ImportAuditSummary & Record<string, unknown>,
  at?: string,
): void {
  auditLog(ctx.db, entity)(auditStamp(ctx, at), entityId, 'create', null, summary);
}

/**
 * The audited save and delete of one kind of row: each runs in one transaction that reads the
 * row before, lets the module check and write, reads it after and records both. `load` throws
 * NOT_FOUND for a missing row.
 */
export function auditedRows<T>(
  ctx: Pick<CoreContext, 'db' | 'actor' | 'now'>,
  entity: AuditEntity,
  load: (id: number) => T,
  view?: (row: T) => unknown,
) {
  const record = auditLog(ctx.db, entity, view);
  return {
    /** For other changes of the row (one field, a link): records them as the saves do. */
    record,
    /**
     * Creates the row (`id` undefined) or updates row `id`: `write` checks, writes and returns
     * the row's id. Returns the row as saved.
     */
    save: (id: number | undefined, write: (before: T | null, stamp: AuditStamp) => number): T =>
      ctx.db.transaction(() => {
        const stamp = auditStamp(ctx);
        const before = id === undefined ? null : load(id);
        const savedId = write(before, stamp);
        const after = load(savedId);
        record(stamp, savedId, before === null ? 'create' : 'update', before, after);
        return after;
      })(),
    /** Deletes row `id`: `remove` checks what uses it, releases it and deletes; its result returned. */
    remove: <R>(id: number, remove: (before: T, stamp: AuditStamp) => R): R =>
      ctx.db.transaction(() => {
        const before = load(id);
        const stamp = auditStamp(ctx);
        const result = remove(before, stamp);
        record(stamp, id, 'delete', before, null);
        return result;
      })(),
  };
}

/** The audited save and delete of one kind of row, as `auditedRows` makes them. */
export type AuditedRows<T> = ReturnType<typeof auditedRows<T>>;
