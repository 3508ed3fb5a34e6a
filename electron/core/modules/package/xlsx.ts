import { fenToYuan } from '../../../../shared/domain/money';
import { addSheet, newWorkbook, workbookBytes } from '../../io/sheetWriter';
import type { PackageData } from './data';
import { yesNo } from './content';

/** 教师信息表: one row per teacher per project; `madeOn` (YYYY-MM-DD) is its 制表日期. */
export async function teacherWorkbook(
  data: PackageData,
  draft: boolean,
  madeOn: string,
): Promise<Buffer> {
  const wb = await newWorkbook();
  addSheet(
    wb,
    draft ? '教师信息（草稿）' : '教师信息',
    [
      '证书',
      '年度',
      '姓名',
      '性别',
      '工号',
      '出生年月',
      '学历',
      '学位',
      '职称',
      '所学专业',
      '职业技能等级证书',
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
        t.birthMonth,
        t.education,
        t.degree,
        t.title,
        t.studiedMajor,
        t.skillCertificates,
        t.major,
        yesNo(t.fullTime),
        yesNo(t.dualQualified),
        yesNo(t.canTeachIndependently),
        yesNo(t.assessor),
      ]),
    ),
    { textColumns: [4], title: { text: `教师信息表${draft ? '（草稿）' : ''}`, madeOn } },
  );
  return workbookBytes(wb);
}

/** 实训条件表: rooms, equipment and sites of each project; `madeOn` is its 制表日期. */
export async function facilitiesWorkbook(
  data: PackageData,
  draft: boolean,
  madeOn: string,
): Promise<Buffer> {
  const wb = await newWorkbook();
  const suffix = draft ? '（草稿）' : '';
  const title = (text: string) => ({ text: `${text}${suffix}`, madeOn });
  addSheet(
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
    { title: title('实训室情况表') },
  );
  addSheet(
    wb,
    `设备${suffix}`,
    ['证书', '年度', '实训室', '设备名称', '型号', '数量', '单价（元）', '总值（元）'],
    data.projects.flatMap(({ project, rooms }) =>
      rooms.flatMap((r) =>
        r.equipment.map((e) => [
          project.certificateName,
          project.year,
          r.name,
          e.name,
          e.model,
          e.quantity,
          fenToYuan(e.unitValueFen),
          fenToYuan(e.unitValueFen * e.quantity),
        ]),
      ),
    ),
    { moneyColumns: [6, 7], title: title('实训设备清单') },
  );
  addSheet(
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
    { title: title('实习实训场所情况表') },
  );
  return workbookBytes(wb);
}
