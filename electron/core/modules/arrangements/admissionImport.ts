import * as z from 'zod';
import type { ImportResult } from '../../../../shared/contract/imports';
import { normalizeIdNumber } from '../../../../shared/domain/idNumber';
import { normalizeText } from '../../../../shared/domain/text';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp } from '../../db/audit';
import { CoreError } from '../../errors';
import type { ImportFieldSpec } from '../../io/header';
import {
  cellTextsSchema,
  looseKey,
  type ImportDefinition,
  type ValidRow,
} from '../../io/importDefinition';
import { candidateColumns, sameName, signupKeys, signupLookup } from '../exams/candidateMatch';
import type { ArrangementsRepository } from './repository';

export type AdmissionImportField =
  'admissionNo' | 'idNumber' | 'studentNo' | 'name' | 'room' | 'session' | 'seat';
type Field = AdmissionImportField;

/** The columns of the evaluation organization's 准考证号 list. */
export const admissionImportFields: readonly ImportFieldSpec<Field>[] = [
  {
    ...candidateColumns.admissionNo,
    required: true,
    rule: '培训评价组织下发的准考证号，最长 50 字；导入后优先于按规则生成的号码。',
  },
  candidateColumns.idNumber,
  { ...candidateColumns.studentNo, rule: '没有身份证号时，按学号和姓名一起匹配。' },
  candidateColumns.name,
  {
    key: 'room',
    label: '考场',
    synonyms: ['考场号', '考场名称', '考室', '考场编号'],
    rule: '可选：本批次已设的考场名称或考场号（1、2…）；与座位号一起填写时按它安排座位。',
    example: '1',
  },
  {
    key: 'session',
    label: '场次',
    synonyms: ['场次号', '考试场次'],
    rule: '可选：场次号（1、2…）；本批次只有一个场次时可不填。',
    example: '1',
  },
  {
    key: 'seat',
    label: '座位号',
    synonyms: ['座号', '座位', '机位号'],
    rule: '可选：1 到考场容量之间的整数，与考场一起填写。',
    example: '12',
  },
];

const GROUP = {
  unmatched: '未匹配：本批次的有效报名中没有此考生',
  noKey: '未匹配：没有身份证号或学号',
  name: '姓名与报名记录不一致',
  taken: '准考证号已被本批次其他考生使用',
  bad: '单元格内容无法识别',
  seat: '考场或座位无法安排',
} as const;

export interface AdmissionRow {
  signupId: number;
  admissionNo: string;
  /** The seat the list gives, when it gives one. */
  place: { examRoomId: number; sessionId: number; seat: number } | null;
}

/**
 * 导入准考证号: the organization's list matched to the batch's live sign-ups by 身份证号, else
 * 学号 + 姓名. Commit writes each number into the sign-up (the one 准考证号 column), where it
 * wins over generated ones; one transaction, audited as one arrangement change.
 */
export function admissionImportDefinition(
  ctx: CoreContext,
  repo: ArrangementsRepository,
  batchId: number,
  fileName: string,
): ImportDefinition<Field, AdmissionRow> {
  const candidates = repo.candidates(batchId);
  const find = signupLookup(candidates);

  const rooms = repo.rooms(batchId);
  const sessions = repo.sessions(batchId);
  const wholeNumber = (text: string) => (/^\d{1,4}$/.test(text) ? Number(text) : null);

  /** The room × session × seat a row names, or a problem; null when it names none. */
  const placeOf = (
    row: { room: string; session: string; seat: string },
    issue: (field: Field, message: string, group: string) => void,
  ): AdmissionRow['place'] => {
    const roomText = normalizeText(row.room);
    const seatText = normalizeText(row.seat);
    const sessionText = normalizeText(row.session);
    if (!roomText && !seatText) return null;
    if (!roomText || !seatText) {
      issue(roomText ? 'seat' : 'room', '考场和座位号要一起填写', GROUP.seat);
      return null;
    }
    const roomNo = wholeNumber(roomText);
    const room =
      rooms.find((r) => looseKey(r.name) === looseKey(roomText)) ??
      (roomNo !== null ? rooms.find((r) => r.no === roomNo) : undefined);
    if (!room) {
      issue('room', `本批次没有考场“${roomText}”（先在考场编排中添加考场）`, GROUP.seat);
      return null;
    }
    let session = sessions.length === 1 && !sessionText ? sessions[0] : undefined;
    if (sessionText) session = sessions.find((x) => x.no === wholeNumber(sessionText));
    if (!session) {
      issue(
        'session',
        sessions.length === 0
          ? '本批次还没有场次（先在考场编排中添加场次）'
          : `场次应为 1–${sessions.length} 的场次号`,
        GROUP.seat,
      );
      return null;
    }
    const seat = wholeNumber(seatText);
    if (seat === null || seat < 1 || seat > room.capacity) {
      issue('seat', `座位号应为 1–${room.capacity} 的整数（考场“${room.name}”的容量）`, GROUP.seat);
      return null;
    }
    return { examRoomId: room.id, sessionId: session.id, seat };
  };

  const rowSchema = cellTextsSchema(admissionImportFields).transform((row, zctx): AdmissionRow => {
    const issue = (field: Field, message: string, group: string) =>
      zctx.addIssue({ code: 'custom', path: [field], message, params: { group } });
    const number = normalizeText(row.admissionNo);
    if (number.length > 50) issue('admissionNo', '准考证号最长 50 字', GROUP.bad);
    const id = normalizeIdNumber(row.idNumber);
    if (!id && !looseKey(row.studentNo)) {
      issue('idNumber', '没有身份证号或学号，无法找到考生', GROUP.noKey);
      return z.NEVER;
    }
    const match = find.byIdNumber(row.idNumber) ?? find.byStudentNo(row.studentNo);
    if (!match) {
      issue(
        id ? 'idNumber' : 'studentNo',
        `本批次的有效报名中没有${id ? `身份证号为“${row.idNumber}”` : `学号为“${row.studentNo}”`}的考生`,
        GROUP.unmatched,
      );
      return z.NEVER;
    }
    if (!sameName(row.name, match.name)) {
      issue(
        'name',
        `姓名“${row.name}”与报名记录“${match.name}”（学号 ${match.studentNo}）不一致`,
        GROUP.name,
      );
    }
    const holder = find.byAdmissionNo(number);
    if (holder && holder.signupId !== match.signupId) {
      issue(
        'admissionNo',
        `准考证号“${number}”已是 ${holder.name}（学号 ${holder.studentNo}）的准考证号`,
        GROUP.taken,
      );
    }
    const place = placeOf(row, issue);
    return { signupId: match.signupId, admissionNo: number, place };
  });

  /** Seats named by the rows so far, for the second row that names the same one. */
  const seatsTaken = new Map<string, number>();
  const seatKey = (p: NonNullable<AdmissionRow['place']>) =>
    `${p.examRoomId}/${p.sessionId}/${p.seat}`;

  /** Whether the candidate already has this issued number and, when the row names one, seat. */
  const holdsRow = (c: (typeof candidates)[number] | undefined, row: AdmissionRow) =>
    c !== undefined &&
    c.issued &&
    c.admissionNo === row.admissionNo &&
    (row.place === null ||
      (c.examRoomId === row.place.examRoomId &&
        c.sessionId === row.place.sessionId &&
        c.seat === row.place.seat));

  const record = auditLog(ctx.db, 'exam_arrangement');
  const byId = new Map(candidates.map((c) => [c.signupId, c]));
  return {
    title: '准考证号导入',
    fields: admissionImportFields,
    rowSchema,
    ...signupKeys(['admissionNo', 'idNumber', 'studentNo']),
    existingKeys: () => new Set(candidates.filter((c) => c.issued).map((c) => String(c.signupId))),
    holds: (value) => holdsRow(byId.get(value.signupId), value),
    checkRow: (value, rowNumber) => {
      if (!value.place) return {};
      const key = seatKey(value.place);
      const first = seatsTaken.get(key);
      if (first !== undefined) {
        return {
          errors: [{ field: 'seat', reason: `与第 ${first} 行是同一个座位`, group: GROUP.seat }],
        };
      }
      seatsTaken.set(key, rowNumber);
      return {};
    },
    apply(rows: readonly ValidRow<AdmissionRow>[], progress, leftOut): ImportResult {
      const stamp = auditStamp(ctx);
      const now = new Map(repo.candidates(batchId).map((c) => [c.signupId, c]));
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      const changes: string[] = [];
      rows.forEach(({ value, rowNumber }, i) => {
        const before = now.get(value.signupId);
        if (!before) {
          throw new CoreError(
            'CONFLICT',
            `第 ${rowNumber} 行匹配到的报名已不存在或已撤销，未导入任何准考证号。请重新预览。`,
          );
        }
        if (holdsRow(before, value)) unchanged += 1;
        else if (before.admissionNo !== value.admissionNo) {
          repo.setIssuedNumber(value.signupId, value.admissionNo, stamp.at);
          changes.push(`${before.studentNo} ${before.admissionNo || '—'} → ${value.admissionNo}`);
          if (before.issued) updated += 1;
          else created += 1;
        }
        progress(i + 1);
      });
      // Seats last: everyone the list seats leaves their old seat first, so swaps work.
      // Rows that change nothing keep their seats rather than giving them up and taking them back.
      const seated = rows.filter(
        (r) => r.value.place !== null && !holdsRow(now.get(r.value.signupId), r.value),
      );
      for (const { value } of seated) repo.deleteSeat(value.signupId, stamp.at);
      for (const { value, rowNumber } of seated) {
        const place = value.place!;
        const other = repo.occupant(place.examRoomId, place.sessionId, place.seat);
        if (other !== null) {
          const holder = now.get(other);
          throw new CoreError(
            'CONFLICT',
            `第 ${rowNumber} 行的座位已安排给 ${holder?.name ?? '其他考生'}（学号 ${holder?.studentNo ?? '—'}），未导入任何准考证号。请先调整或清除编排。`,
          );
        }
        repo.insertSeat({ signupId: value.signupId, batchId, ...place });
        changes.push(`${now.get(value.signupId)?.studentNo} 座位 ${seatKey(place)}`);
      }
      record(stamp, batchId, 'update', null, {
        import: fileName,
        total: rows.length,
        leftOut,
        changes,
      });
      return { total: rows.length, created, updated, unchanged };
    },
  };
}
