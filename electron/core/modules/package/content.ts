import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import {
  commitmentLabels,
  commitments,
  planSectionLabels,
  planSections,
} from '../../../../shared/domain/implementationPlan';
import { formatFen } from '../../../../shared/domain/money';
import { formatShare } from '../../../../shared/domain/teachers';
import type { PackageData } from './data';

/** A small document model rendered alike to docx and PDF, so both carry the same content. */
export type Block =
  | { type: 'title'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; rows: string[][] };

export const yesNo = (v: boolean) => (v ? '是' : '否');
const draftMark = (draft: boolean) => (draft ? '（草稿）' : '');

/** 申报表: school, projects, majors, teachers, rooms, sites, planned numbers, commitments, seals. */
export function applicationForm(data: PackageData, draft: boolean): Block[] {
  const { school } = data;
  const blocks: Block[] = [{ type: 'title', text: `1+X证书制度试点申报表${draftMark(draft)}` }];
  if (draft) {
    blocks.push({
      type: 'paragraph',
      text: '草稿：自检未通过，本材料仅供内部核对，不可作为正式申报材料提交。',
    });
  }
  blocks.push(
    { type: 'heading', text: '一、学校基本信息' },
    {
      type: 'table',
      rows: [
        ['学校名称', school.name, '学校代码', school.code],
        ['学校类型', school.kind, '示范校级别', school.demonstrationLevel],
        ['所在市州', school.city, '通讯地址', school.address],
        ['联系人', school.contactName, '联系电话', school.contactPhone],
        ['电子邮箱', school.email, '', ''],
      ],
    },
    { type: 'heading', text: '二、申报试点项目' },
    {
      type: 'table',
      rows: [
        ['序号', '证书名称', '培训评价组织', '年度', '等级', '自检结果'],
        ...data.projects.map(({ project }, i) => [
          String(i + 1),
          project.certificateName,
          project.organization,
          String(project.year),
          project.levels.map((l) => certificateLevelLabels[l]).join('、'),
          selfCheckText(project.selfCheck),
        ]),
      ],
    },
  );
  data.projects.forEach((p, i) => {
    const { project, stats } = p;
    blocks.push(
      { type: 'heading', text: `项目${i + 1}：${project.certificateName}（${project.year}年）` },
      { type: 'paragraph', text: '相关专业' },
      {
        type: 'table',
        rows: [['专业代码', '专业名称'], ...p.majors.map((m) => [m.code, m.name])],
      },
      { type: 'paragraph', text: '师资情况' },
      {
        type: 'table',
        rows: [
          ['教师总数', '专任教师', '双师型教师', '双师型比例', '专任且能独立承担教学', '考评员'],
          [
            String(stats.total),
            String(stats.fullTime),
            String(stats.dualQualified),
            formatShare(stats.dualQualified, stats.total),
            String(stats.fullTimeIndependent),
            String(stats.assessors),
          ],
        ],
      },
      { type: 'paragraph', text: '实训室及设备' },
      {
        type: 'table',
        rows: [
          ['实训室', '面积（平方米）', '工位数', '设备名称', '型号', '数量', '单价'],
          ...p.rooms.flatMap((r) =>
            (r.equipment.length > 0 ? r.equipment : [null]).map((e, k) => [
              k === 0 ? r.name : '',
              k === 0 ? String(r.areaM2) : '',
              k === 0 ? String(r.workstations) : '',
              e?.name ?? '',
              e?.model ?? '',
              e ? String(e.quantity) : '',
              e ? formatFen(e.unitValueFen) : '',
            ]),
          ),
        ],
      },
      { type: 'paragraph', text: '实习实训场所' },
      {
        type: 'table',
        rows: [
          ['名称', '校内/校外', '合作单位', '容纳人数', '协议期限'],
          ...p.sites.map((s) => [s.name, s.campus, s.partner, String(s.capacity), s.agreement]),
        ],
      },
      { type: 'paragraph', text: '计划试点人数' },
      {
        type: 'table',
        rows: [
          ['等级', '年度', '计划人数'],
          ...project.plannedStudents.map((s) => [
            certificateLevelLabels[s.level],
            String(s.year),
            String(s.count),
          ]),
        ],
      },
      { type: 'paragraph', text: '承诺事项' },
      ...commitments.map((c): Block => ({
        type: 'paragraph',
        text: `${commitmentLabels[c]}：${project.commitments[c] ? '已承诺' : '未承诺'}`,
      })),
    );
  });
  blocks.push(
    { type: 'heading', text: '学校意见' },
    { type: 'paragraph', text: '学校承诺以上材料真实、准确，并按要求组织实施试点工作。' },
    { type: 'paragraph', text: '负责人（签字）：____________' },
    { type: 'paragraph', text: '学校（盖章）' },
    { type: 'paragraph', text: '日期：　　　　年　　月　　日' },
  );
  return blocks;
}

/** 实施方案: the structured plan of each project, section by section. */
export function implementationPlan(data: PackageData, draft: boolean): Block[] {
  const blocks: Block[] = [
    { type: 'title', text: `${data.school.name}1+X证书制度试点实施方案${draftMark(draft)}` },
  ];
  for (const { project } of data.projects) {
    blocks.push({ type: 'heading', text: `${project.certificateName}（${project.year}年）` });
    planSections.forEach((s, i) => {
      blocks.push({ type: 'heading', text: `${i + 1}. ${planSectionLabels[s]}` });
      const text = project.plan[s].trim();
      for (const line of (text === '' ? '（未填写）' : text).split(/\r?\n/)) {
        blocks.push({ type: 'paragraph', text: line });
      }
    });
  }
  return blocks;
}

export function selfCheckText(s: { level: string; fail: number; warn: number }): string {
  if (s.level === 'fail') return `未通过（${s.fail} 项不符合）`;
  if (s.level === 'warn') return `通过（${s.warn} 项提醒）`;
  return '通过';
}
