import type {
  ArrangedCandidate,
  ArrangementPlan,
  ExamRoom,
  ExamSession,
} from '../../../../shared/contract/arrangements';
import type { GeneratedFile, SheetDownload } from '../../../../shared/contract/files';
import { maskIdNumber } from '../../../../shared/domain/arrangement';
import { downloadFileName } from '../../../../shared/domain/attachments';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { formatChineseDate } from '../../../../shared/domain/dates';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import { addSheet, newWorkbook, workbookBytes } from '../../io/sheetWriter';
import type { Block } from '../package/content';
import { housePdf, type PdfWriter } from '../package/pdf';
import { SIZE_PT } from '../package/houseStyle';
import { schoolRepository } from '../school/repository';
import { photoForStudent } from '../photos/store';

const MM = 72 / 25.4;
/** The ideographic space forms use between fields. */
const SP = '\u3000';

/** 考生须知 printed on every ticket. */
export const TICKET_RULES = [
  '考生凭准考证和本人身份证原件参加考核，证件不全者不得入场。',
  '考生须提前 30 分钟到达考场，开考 15 分钟后不得入场。',
  '按座位号就座，将准考证和身份证放在桌面左上角以备查验。',
  '除规定文具外，不得携带手机等通讯工具和书籍资料进入考场。',
  '遵守考场纪律，服从监考人员安排；违纪者按有关规定处理。',
];

/** The candidate's ID photo for tickets and sign-in sheets (JPEG or PNG bytes), or null for an empty frame. */
export function candidatePhoto(ctx: CoreContext, studentId: number): Buffer | null {
  return photoForStudent(ctx.db, studentId)?.bytes ?? null;
}

interface Seated {
  candidate: ArrangedCandidate;
  room: ExamRoom;
  session: ExamSession;
  seat: number;
}

/** Seated candidates by session, room and seat: the order everything is printed in. */
function seatedOf(plan: ArrangementPlan): Seated[] {
  const rooms = new Map(plan.rooms.map((r) => [r.id, r]));
  const sessions = new Map(plan.sessions.map((s) => [s.id, s]));
  const out: Seated[] = [];
  for (const c of plan.candidates) {
    if (c.seat === null || c.examRoomId === null || c.sessionId === null) continue;
    const room = rooms.get(c.examRoomId);
    const session = sessions.get(c.sessionId);
    if (room && session) out.push({ candidate: c, room, session, seat: c.seat });
  }
  return out.sort(
    (a, b) => a.session.no - b.session.no || a.room.no - b.room.no || a.seat - b.seat,
  );
}

/** Room × session groups that have someone seated, in print order. */
function groupsOf(plan: ArrangementPlan) {
  const groups: { room: ExamRoom; session: ExamSession; seats: Seated[] }[] = [];
  for (const s of seatedOf(plan)) {
    const last = groups[groups.length - 1];
    if (last && last.room.id === s.room.id && last.session.id === s.session.id) last.seats.push(s);
    else groups.push({ room: s.room, session: s.session, seats: [s] });
  }
  return groups;
}

export const sessionText = (s: ExamSession) => `${formatChineseDate(s.date)} ${s.start}–${s.end}`;

const mustBeArranged = (plan: ArrangementPlan) => {
  if (plan.seated === 0) {
    throw new CoreError('CONFLICT', `考核批次“${plan.batchLabel}”还没有编排考场，请先编排再打印。`);
  }
};

/**
 * Forms drawn by position (tickets, sign-in sheets) keep to their own margins: without this
 * pdfkit would start a new page for text below the house bottom margin.
 */
function freePage(w: PdfWriter, addPage: boolean) {
  if (addPage) w.doc.addPage();
  w.doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
}

/** Text in a box, one line, shrunk to fit the width. */
function fitText(
  w: PdfWriter,
  face: 'serif' | 'sans',
  size: number,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'center' = 'left',
) {
  let s = size;
  w.set(face, s);
  while (s > 5 && w.doc.widthOfString(text) > width) {
    s -= 0.5;
    w.set(face, s);
  }
  w.doc.text(text, x, y, { width, align, lineBreak: false });
}

/** A photo, or the empty frame with “照片” in it. */
function photoFrame(
  w: PdfWriter,
  photo: Buffer | null,
  x: number,
  y: number,
  fw: number,
  fh: number,
) {
  const { doc } = w;
  doc.lineWidth(0.75).rect(x, y, fw, fh).stroke();
  if (photo) {
    doc.image(photo, x + 1, y + 1, { fit: [fw - 2, fh - 2], align: 'center', valign: 'center' });
    return;
  }
  w.set('serif', Math.min(10, fw / 5));
  doc.text('照片', x, y + fh / 2 - 5, { width: fw, align: 'center', lineBreak: false });
}

/** One 准考证 inside the box (x, y, width, height). */
function drawTicket(
  w: PdfWriter,
  plan: ArrangementPlan,
  seated: Seated,
  photo: Buffer | null,
  schoolName: string,
  box: { x: number; y: number; width: number; height: number },
) {
  const { doc } = w;
  const scale = Math.min(box.width / 380, box.height / 330, 1.2);
  const pad = 14 * scale;
  doc.lineWidth(1).rect(box.x, box.y, box.width, box.height).stroke();
  const x = box.x + pad;
  const inner = box.width - pad * 2;
  let y = box.y + pad;
  fitText(w, 'sans', 20 * scale, '准 考 证', x, y, inner, 'center');
  y += 26 * scale;
  fitText(
    w,
    'serif',
    10.5 * scale,
    `${plan.certificateName}职业技能等级证书（${certificateLevelLabels[plan.level]}）考核`,
    x,
    y,
    inner,
    'center',
  );
  y += 20 * scale;

  const photoW = 25 * MM * scale;
  const photoH = 35 * MM * scale;
  photoFrame(w, photo, x + inner - photoW, y, photoW, photoH);
  const c = seated.candidate;
  const lines: [string, string][] = [
    ['姓　　名', c.name],
    ['身份证号', maskIdNumber(c.idNumber)],
    ['准考证号', c.admissionNo || '—'],
    ['考　　场', `第 ${seated.room.no} 考场${SP}${seated.room.name}`],
    ['座 位 号', `${seated.seat} 号`],
    ['考试时间', sessionText(seated.session)],
    ['考试地点', plan.place || schoolName || '—'],
  ];
  const size = 11 * scale;
  const rowH = size * 1.75;
  const labelW = size * 5;
  const valueW = inner - photoW - labelW - 8 * scale;
  lines.forEach(([label, value], i) => {
    const ly = y + i * rowH;
    fitText(w, 'sans', size, label, x, ly, labelW);
    // Beside the photo the line stops short of it; below, it runs the full width.
    const width = ly + rowH > y + photoH + 4 * scale ? inner - labelW : valueW;
    fitText(w, 'serif', size, value, x + labelW, ly, width);
    doc
      .lineWidth(0.4)
      .moveTo(x + labelW, ly + size * 1.35)
      .lineTo(x + labelW + width, ly + size * 1.35)
      .stroke();
  });
  y = Math.max(y + lines.length * rowH, y + photoH) + 6 * scale;

  const rulesSize = 8.5 * scale;
  fitText(w, 'sans', rulesSize * 1.1, '考生须知', x, y, inner);
  y += rulesSize * 1.7;
  w.set('serif', rulesSize);
  const bottom = box.y + box.height - pad;
  for (const [i, rule] of TICKET_RULES.entries()) {
    const text = `${i + 1}. ${rule}`;
    const h = doc.heightOfString(text, { width: inner });
    if (y + h > bottom) break;
    doc.text(text, x, y, { width: inner });
    y += h + rulesSize * 0.2;
  }
}

/** Where the tickets of one A4 page go: 1, 2 (stacked) or 4 (two by two). */
function ticketBoxes(w: PdfWriter, perPage: 1 | 2 | 4) {
  const margin = 12 * MM;
  const gap = 8 * MM;
  const width = w.doc.page.width - margin * 2;
  const height = w.doc.page.height - margin * 2;
  if (perPage === 1) return [{ x: margin, y: margin, width, height: height / 2 }];
  if (perPage === 2) {
    const h = (height - gap) / 2;
    return [0, 1].map((i) => ({ x: margin, y: margin + i * (h + gap), width, height: h }));
  }
  const cw = (width - gap) / 2;
  const ch = (height - gap) / 2;
  return [0, 1, 2, 3].map((i) => ({
    x: margin + (i % 2) * (cw + gap),
    y: margin + Math.floor(i / 2) * (ch + gap),
    width: cw,
    height: ch,
  }));
}

/** 考场签到表 of one room in one session: seat order, photo and signature columns. */
function drawSignIn(
  w: PdfWriter,
  plan: ArrangementPlan,
  group: ReturnType<typeof groupsOf>[number],
  photos: (studentId: number) => Buffer | null,
  first: boolean,
) {
  const { doc } = w;
  const margin = 15 * MM;
  const width = doc.page.width - margin * 2;
  const cols = [
    { title: '座位号', w: 0.09 },
    { title: '姓名', w: 0.14 },
    { title: '身份证号', w: 0.24 },
    { title: '准考证号', w: 0.19 },
    { title: '照片', w: 0.12 },
    { title: '考生签名', w: 0.22 },
  ];
  const rowH = 16 * MM;
  const headH = 9 * MM;
  const top = margin;
  const bottomReserve = 22 * MM;
  const perPage = Math.floor(
    (doc.page.height - margin - bottomReserve - (top + 30 * MM + headH)) / rowH,
  );
  const pages = Math.max(1, Math.ceil(group.seats.length / perPage));
  for (let p = 0; p < pages; p += 1) {
    freePage(w, !(first && p === 0));
    let y = top;
    fitText(w, 'sans', SIZE_PT.heading, '考场签到表', margin, y, width, 'center');
    y += 10 * MM;
    fitText(w, 'serif', SIZE_PT.table, plan.batchLabel, margin, y, width, 'center');
    y += 6 * MM;
    fitText(
      w,
      'serif',
      SIZE_PT.table,
      `第 ${group.room.no} 考场：${group.room.name}${SP}${SP}场次：${sessionText(group.session)}${SP}${SP}地点：${plan.place || '—'}${SP}${SP}第 ${p + 1}/${pages} 页`,
      margin,
      y,
      width,
      'center',
    );
    y += 9 * MM;
    let x = margin;
    doc.lineWidth(0.75);
    for (const col of cols) {
      const cw = col.w * width;
      doc.rect(x, y, cw, headH).stroke();
      fitText(w, 'sans', SIZE_PT.table, col.title, x + 2, y + headH / 2 - 6, cw - 4, 'center');
      x += cw;
    }
    y += headH;
    for (const s of group.seats.slice(p * perPage, (p + 1) * perPage)) {
      const c = s.candidate;
      const values = [String(s.seat), c.name, maskIdNumber(c.idNumber), c.admissionNo, '', ''];
      x = margin;
      cols.forEach((col, i) => {
        const cw = col.w * width;
        doc.rect(x, y, cw, rowH).stroke();
        if (col.title === '照片') {
          const ph = rowH - 4;
          const pw = ph * 0.72;
          photoFrame(w, photos(c.studentId), x + (cw - pw) / 2, y + 2, pw, ph);
        } else if (values[i]) {
          fitText(w, 'serif', SIZE_PT.table, values[i], x + 2, y + rowH / 2 - 6, cw - 4, 'center');
        }
        x += cw;
      });
      y += rowH;
    }
    y += 6 * MM;
    fitText(
      w,
      'serif',
      SIZE_PT.table,
      `应考 ${group.seats.length} 人${SP}${SP}实考 ______ 人${SP}${SP}缺考 ______ 人${SP}${SP}监考员签名：______________${SP}______________`,
      margin,
      y,
      width,
    );
  }
}

/** 门贴: the list on a room's door, one page per room and session. */
function doorBlocks(plan: ArrangementPlan, group: ReturnType<typeof groupsOf>[number]): Block[] {
  return [
    { type: 'title', text: `第 ${group.room.no} 考场${SP}${group.room.name}` },
    {
      type: 'paragraph',
      text: `${plan.batchLabel}\n场次：${sessionText(group.session)}${SP}${SP}共 ${group.seats.length} 人`,
    },
    {
      type: 'table',
      widths: [1, 2, 3, 2],
      // The room heads the table too, so a list that runs onto a second sheet still names it.
      header: 2,
      rows: [
        [{ text: `第 ${group.room.no} 考场${SP}${group.room.name}`, colSpan: 4, label: true }],
        ['座位号', '姓名', '准考证号', '班级'],
        ...group.seats.map((s) => [
          String(s.seat),
          s.candidate.name,
          s.candidate.admissionNo || '—',
          s.candidate.className || '—',
        ]),
      ],
    },
  ];
}

export const ARRANGEMENT_SHEET_HEADER = [
  '场次',
  '考场号',
  '考场',
  '座位号',
  '准考证号',
  '姓名',
  '学号',
  '班级',
  '身份证号',
  '考试日期',
  '开始时间',
  '结束时间',
];

/** The printed papers and the sheet of a batch's arrangement. */
export function arrangementDocuments(
  ctx: CoreContext,
  planOf: (batchId: number) => ArrangementPlan,
) {
  const school = schoolRepository(ctx.db);
  const schoolName = () => school.get()?.name ?? '';
  const photos = (studentId: number) => candidatePhoto(ctx, studentId);
  const file = (name: string, bytes: Buffer): GeneratedFile => ({
    fileName: name,
    contentBase64: bytes.toString('base64'),
  });
  const load = (batchId: number) => {
    const plan = planOf(batchId);
    mustBeArranged(plan);
    return plan;
  };

  return {
    /** 准考证, 1, 2 or 4 to an A4 page, in session, room and seat order. */
    tickets: async (batchId: number, perPage: 1 | 2 | 4): Promise<GeneratedFile> => {
      const plan = load(batchId);
      const seated = seatedOf(plan);
      const name = schoolName();
      const bytes = await housePdf('准考证', (w) => {
        freePage(w, false);
        let boxes = ticketBoxes(w, perPage);
        seated.forEach((s, i) => {
          if (i > 0 && i % perPage === 0) {
            freePage(w, true);
            boxes = ticketBoxes(w, perPage);
          }
          drawTicket(w, plan, s, photos(s.candidate.studentId), name, boxes[i % perPage]);
        });
      });
      return file(downloadFileName(`准考证_${plan.batchLabel}`, 'pdf'), bytes);
    },
    signIn: async (batchId: number): Promise<GeneratedFile> => {
      const plan = load(batchId);
      const bytes = await housePdf('考场签到表', (w) => {
        groupsOf(plan).forEach((g, i) => drawSignIn(w, plan, g, photos, i === 0));
      });
      return file(downloadFileName(`考场签到表_${plan.batchLabel}`, 'pdf'), bytes);
    },
    door: async (batchId: number): Promise<GeneratedFile> => {
      const plan = load(batchId);
      const bytes = await housePdf('考场门贴', (w) => {
        groupsOf(plan).forEach((g, i) => {
          if (i > 0) w.doc.addPage();
          w.doc.y = w.doc.page.margins.top;
          w.write(doorBlocks(plan, g));
        });
        w.numberPages();
      });
      return file(downloadFileName(`考场门贴_${plan.batchLabel}`, 'pdf'), bytes);
    },
    /** 考场安排表: one row per seated candidate, in the shared sheet style. */
    sheet: async (batchId: number): Promise<SheetDownload> => {
      const plan = load(batchId);
      const wb = await newWorkbook();
      const rows = seatedOf(plan).map((s) => [
        s.session.no,
        s.room.no,
        s.room.name,
        s.seat,
        s.candidate.admissionNo,
        s.candidate.name,
        s.candidate.studentNo,
        s.candidate.className,
        s.candidate.idNumber,
        s.session.date,
        s.session.start,
        s.session.end,
      ]);
      addSheet(wb, '考场安排', ARRANGEMENT_SHEET_HEADER, rows, {
        textColumns: [4, 6, 8],
        dateColumns: [9],
        title: { text: `考场安排表（${plan.batchLabel}）`, madeOn: ctx.today() },
      });
      const bytes = await workbookBytes(wb);
      return {
        fileName: downloadFileName(`考场安排表_${plan.batchLabel}`, 'xlsx'),
        contentBase64: bytes.toString('base64'),
        size: bytes.length,
      };
    },
  };
}
