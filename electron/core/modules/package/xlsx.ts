import ExcelJS from 'exceljs';
import { formatFen } from '../../../../shared/domain/money';
import type { PackageData } from './data';
import { yesNo } from './content';
import { FIXED_DOC_DATE, normaliseOffice } from './zip';

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PilotDesk';
  wb.lastModifiedBy = 'PilotDesk';
  wb.created = FIXED_DOC_DATE;
  wb.modified = FIXED_DOC_DATE;
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: (string | number)[][]) {
  const ws = wb.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 16));
}

async function finish(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return normaliseOffice(Buffer.from(out as ArrayBuffer));
}

/** 教师信息表: one row per teacher per project. */
export function teacherWorkbook(data: PackageData, draft: boolean): Promise<Buffer> {
  const wb = workbook();
  sheet(
    wb,
    draft ? '教师信息（草稿）' : '教师信息',
    [
      '证书',
      '年度',
      '姓名',
      '性别',
      '工号',
      '职称',
      '所属专业',
      '专任',
      '双师型',
      '能独立承担教学',
      '考评员',
    ],
    data.projects.flatMap(({ project, teachers }) =>
      teachers.map((t) => [
        project.certificateName,
        project.year,
        t.name,
        t.gender,
        t.staffNo,
        t.title,
        t.major,
        yesNo(t.fullTime),
        yesNo(t.dualQualified),
        yesNo(t.canTeachIndependently),
        yesNo(t.assessor),
      ]),
    ),
  );
  return finish(wb);
}

/** 实训条件表: rooms, equipment and sites of each project. */
export function facilitiesWorkbook(data: PackageData, draft: boolean): Promise<Buffer> {
  const wb = workbook();
  const suffix = draft ? '（草稿）' : '';
  sheet(
    wb,
    `实训室${suffix}`,
    ['证书', '年度', '实训室', '面积（平方米）', '工位数', '设备台套数'],
    data.projects.flatMap(({ project, rooms }) =>
      rooms.map((r) => [
        project.certificateName,
        project.year,
        r.name,
        r.areaM2,
        r.workstations,
        r.equipment.reduce((n, e) => n + e.quantity, 0),
      ]),
    ),
  );
  sheet(
    wb,
    `设备${suffix}`,
    ['证书', '年度', '实训室', '设备名称', '型号', '数量', '单价'],
    data.projects.flatMap(({ project, rooms }) =>
      rooms.flatMap((r) =>
        r.equipment.map((e) => [
          project.certificateName,
          project.year,
          r.name,
          e.name,
          e.model,
          e.quantity,
          formatFen(e.unitValueFen),
        ]),
      ),
    ),
  );
  sheet(
    wb,
    `实习实训场所${suffix}`,
    ['证书', '年度', '名称', '校内/校外', '合作单位', '容纳人数', '协议期限'],
    data.projects.flatMap(({ project, sites }) =>
      sites.map((s) => [
        project.certificateName,
        project.year,
        s.name,
        s.campus,
        s.partner,
        s.capacity,
        s.agreement,
      ]),
    ),
  );
  return finish(wb);
}
