import type { ExamSite, ExamSitePlace } from '../../../../shared/contract/examSites';
import { downloadFileName, type AttachmentExtension } from '../../../../shared/domain/attachments';
import type { ExamSiteCover, ExamSiteStatus, PlaceRef } from '../../../../shared/domain/examSites';
import type { Db } from '../../db/open';
import { recordWriter } from '../../db/recordWriter';
import { mustExist, validationError } from '../../errors';
import {
  documentColumns,
  documentJoin,
  recordDocumentOf,
  storedDocumentOf,
  type DocumentColumns,
} from '../attachments/repository';

export interface ExamSiteRow extends DocumentColumns {
  id: number;
  certificate_id: number;
  certificate_name: string;
  organization: string;
  applied_on: string;
  status: ExamSiteStatus;
  valid_from: string | null;
  valid_to: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

const selectApplications = `
  SELECT e.*, c.name AS certificate_name, c.organization, ${documentColumns}
  FROM exam_site_applications e JOIN certificates c ON c.id = e.certificate_id
  ${documentJoin('e')}`;

/** The places of the applications, rooms first then sites, each by name. */
function placesOf(db: Db, ids: readonly number[] | null): Map<number, ExamSitePlace[]> {
  const rows = db
    .prepare<
      [{ ids: string | null }],
      { application_id: number; kind: 'room' | 'site'; id: number; name: string }
    >(
      `SELECT p.application_id, 'room' AS kind, r.id, r.name, 0 AS k
         FROM exam_site_places p JOIN training_rooms r ON r.id = p.room_id
         WHERE @ids IS NULL OR p.application_id IN (SELECT value FROM json_each(@ids))
       UNION ALL
       SELECT p.application_id, 'site' AS kind, s.id, s.name, 1 AS k
         FROM exam_site_places p JOIN training_sites s ON s.id = p.site_id
         WHERE @ids IS NULL OR p.application_id IN (SELECT value FROM json_each(@ids))
       ORDER BY k, name`,
    )
    .all({ ids: ids === null ? null : JSON.stringify(ids) });
  const map = new Map<number, ExamSitePlace[]>();
  for (const r of rows) {
    const list = map.get(r.application_id) ?? [];
    list.push({ kind: r.kind, id: r.id, name: r.name });
    map.set(r.application_id, list);
  }
  return map;
}

const documentName = (row: ExamSiteRow) => (ext: AttachmentExtension) =>
  downloadFileName(`${row.certificate_name}考核站点批准文件（${row.applied_on}）`, ext);

export function fromRow(row: ExamSiteRow, places: ExamSitePlace[]): ExamSite {
  return {
    id: row.id,
    certificateId: row.certificate_id,
    certificateName: row.certificate_name,
    organization: row.organization,
    appliedOn: row.applied_on,
    status: row.status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    places,
    document: recordDocumentOf(row, documentName(row)),
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getRow(db: Db, id: number): ExamSiteRow {
  const row = db.prepare<[number], ExamSiteRow>(`${selectApplications} WHERE e.id = ?`).get(id);
  return mustExist(row, '考核站点记录', id);
}

export function getExamSite(db: Db, id: number): ExamSite {
  return fromRow(getRow(db, id), placesOf(db, [id]).get(id) ?? []);
}

/** An application with its document and the document's content hash, as the audit log records it. */
export function loadAudited(db: Db, id: number) {
  const row = getRow(db, id);
  const stored = storedDocumentOf(row, documentName(row));
  return { site: getExamSite(db, id), stored, sha256: stored?.sha256 ?? null };
}

/** The audit log's view: the application's fields, its places and its document by content hash. */
export function examSiteAuditView({ site, sha256 }: ReturnType<typeof loadAudited>) {
  return {
    certificateId: site.certificateId,
    certificateName: site.certificateName,
    appliedOn: site.appliedOn,
    status: site.status,
    validFrom: site.validFrom,
    validTo: site.validTo,
    places: site.places,
    documentSha256: sha256,
    note: site.note,
  };
}

/** The applications covering a room or site, by id. */
export function applicationIdsCovering(db: Db, place: PlaceRef): number[] {
  const column = place.kind === 'room' ? 'room_id' : 'site_id';
  return db
    .prepare<[number], number>(
      `SELECT DISTINCT application_id FROM exam_site_places WHERE ${column} = ? ORDER BY 1`,
    )
    .pluck()
    .all(place.id);
}

/** Takes a room or site out of every application covering it. */
export function removePlaceLinks(db: Db, place: PlaceRef): void {
  const column = place.kind === 'room' ? 'room_id' : 'site_id';
  db.prepare(`DELETE FROM exam_site_places WHERE ${column} = ?`).run(place.id);
}

export function listExamSites(
  db: Db,
  filter: { certificateId: number | null; status: ExamSiteStatus | null },
): ExamSite[] {
  const rows = db
    .prepare<[typeof filter], ExamSiteRow>(
      `${selectApplications}
       WHERE (@certificateId IS NULL OR e.certificate_id = @certificateId)
         AND (@status IS NULL OR e.status = @status)
       ORDER BY e.applied_on DESC, e.id DESC`,
    )
    .all(filter);
  const places = placesOf(db, null);
  return rows.map((row) => fromRow(row, places.get(row.id) ?? []));
}

/** Every application as the exam-site rule reads it (examSiteVerdict), of one certificate or all. */
export function examSiteCovers(db: Db, certificateId: number | null = null): ExamSiteCover[] {
  const rows = db
    .prepare<
      [{ certificateId: number | null }],
      {
        id: number;
        certificate_id: number;
        status: ExamSiteStatus;
        valid_from: string | null;
        valid_to: string | null;
      }
    >(
      `SELECT id, certificate_id, status, valid_from, valid_to FROM exam_site_applications
       WHERE @certificateId IS NULL OR certificate_id = @certificateId ORDER BY id`,
    )
    .all({ certificateId });
  const links = db
    .prepare<
      [{ certificateId: number | null }],
      { application_id: number; room_id: number | null; site_id: number | null }
    >(
      `SELECT p.application_id, p.room_id, p.site_id FROM exam_site_places p
       JOIN exam_site_applications e ON e.id = p.application_id
       WHERE @certificateId IS NULL OR e.certificate_id = @certificateId`,
    )
    .all({ certificateId });
  const covers = new Map<number, ExamSiteCover & { roomIds: number[]; siteIds: number[] }>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        certificateId: r.certificate_id,
        status: r.status,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        roomIds: [],
        siteIds: [],
      },
    ]),
  );
  for (const l of links) {
    const cover = covers.get(l.application_id);
    if (!cover) continue;
    if (l.room_id !== null) cover.roomIds.push(l.room_id);
    if (l.site_id !== null) cover.siteIds.push(l.site_id);
  }
  return [...covers.values()];
}

/** The columns an application's save writes. */
export interface ExamSiteValues {
  certificateId: number;
  appliedOn: string;
  status: ExamSiteStatus;
  validFrom: string | null;
  validTo: string | null;
  note: string;
}

/** Writes applications: each column from its value (the places by replacePlaces). */
export const examSiteRecords = recordWriter<ExamSiteValues>('exam_site_applications', {
  certificate_id: 'certificateId',
  applied_on: 'appliedOn',
  status: 'status',
  valid_from: 'validFrom',
  valid_to: 'validTo',
  note: 'note',
});

/**
 * Replaces the places an application covers; refuses (naming the field) a room or site that no
 * longer exists.
 */
export function replacePlaces(db: Db, id: number, places: readonly PlaceRef[]): void {
  const exists = {
    room: db.prepare<[number], number>('SELECT 1 FROM training_rooms WHERE id = ?').pluck(),
    site: db.prepare<[number], number>('SELECT 1 FROM training_sites WHERE id = ?').pluck(),
  };
  const missing = places.filter((p) => exists[p.kind].get(p.id) === undefined);
  if (missing.length > 0) {
    throw validationError([
      {
        path: 'places',
        message: `所选的 ${missing.length} 个场所不存在（可能已被删除），请刷新后重新选择`,
      },
    ]);
  }
  db.prepare('DELETE FROM exam_site_places WHERE application_id = ?').run(id);
  const insert = db.prepare(
    'INSERT INTO exam_site_places (application_id, room_id, site_id) VALUES (?, ?, ?)',
  );
  for (const p of places) {
    insert.run(id, p.kind === 'room' ? p.id : null, p.kind === 'site' ? p.id : null);
  }
}

/** The applications covering a room or site, named for the place's delete confirmation. */
export function applicationsCovering(db: Db, place: PlaceRef): string[] {
  const column = place.kind === 'room' ? 'room_id' : 'site_id';
  return db
    .prepare<[number], { name: string }>(
      `SELECT c.name || '（' || e.applied_on || ' 申请）' AS name FROM exam_site_places p
       JOIN exam_site_applications e ON e.id = p.application_id
       JOIN certificates c ON c.id = e.certificate_id
       WHERE p.${column} = ? ORDER BY e.applied_on DESC`,
    )
    .all(place.id)
    .map((r) => r.name);
}

export function certificateName(db: Db, certificateId: number): string | undefined {
  return db
    .prepare<[number], string>('SELECT name FROM certificates WHERE id = ?')
    .pluck()
    .get(certificateId);
}
