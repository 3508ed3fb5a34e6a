import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { FigureWindow } from '../../../../shared/domain/weeklyReports';
import type { Db } from '../../db/open';

/* Weekly figures SQL: the batches' certificates and the audit-log changes a period's figures add up. */

/** A batch with the certificate and level its figures are grouped under. */
export interface FigureBatchRow {
  id: number;
  certificate_id: number;
  level: CertificateLevel;
  name: string;
}

/** Every exam batch with its certificate's id and name and its level. */
export function figureBatches(db: Db): FigureBatchRow[] {
  return db
    .prepare<[], FigureBatchRow>(
      `SELECT b.id, b.certificate_id, b.level, c.name
         FROM exam_batches b JOIN certificates c ON c.id = b.certificate_id`,
    )
    .all();
}

/** An audit-log entry of a sign-up, payment or fund record change. */
export interface FigureEntryRow {
  entity: 'signup' | 'payment' | 'fund_entry';
  entity_id: string;
  action: 'create' | 'update' | 'delete';
  at: string;
  before_json: string | null;
  after_json: string | null;
}

/** The sign-up, payment and fund record changes recorded in the window, in the log's order. */
export function figureEntries(db: Db, window: FigureWindow): FigureEntryRow[] {
  return db
    .prepare<[FigureWindow], FigureEntryRow>(
      `SELECT entity, entity_id, action, at, before_json, after_json FROM audit_log
       WHERE entity IN ('signup', 'payment', 'fund_entry')
         AND (@from IS NULL OR at >= @from) AND at < @to
       ORDER BY id`,
    )
    .all(window);
}
