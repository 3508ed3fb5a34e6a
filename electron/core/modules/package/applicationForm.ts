import { certificateLevelLabels, sortLevels } from '../../../../shared/domain/certificate';
import { chineseNumeral } from '../../../../shared/domain/chineseNumerals';
import { formatChineseDate } from '../../../../shared/domain/dates';
import {
  commitmentLabels,
  commitments,
  planSectionLabels,
  planSections,
} from '../../../../shared/domain/implementationPlan';
import { formatFen } from '../../../../shared/domain/money';
import { formatShare } from '../../../../shared/domain/teachers';
import { FORM_LABEL, PLAN_LABEL, labelAttachments } from './attachmentLabels';
import { draftMark, yesNo, type Block, type Cell } from './content';
import type { PackageData, PackageProject, PackageTeacher } from './data';

/** How much of each 实施方案 section the form quotes; the whole plan is 附件二. */
const SUMMARY_CHARS = 120;

const label = (text: string, colSpan?: number): Cell => ({ text, label: true, colSpan });
const certificateOf = ({ project }: PackageProject) =>
  `${project.certificateName}（${project.year}年）`;

/** The eight parts in the notice's order: 学校基本情况 → … → 承诺. */
const sectionTitles = [
  '学校基本情况',
  '试点证书与专业',
  '师资',
  '实训室及设备',
  '实习实训场所',
  '试点规模',
  '实施方案摘要',
  '承诺',
];
const heading = (n: number): Block => ({
  type: 'heading',
  text: `${chineseNumeral(n)}、${sectionTitles[n - 1]}`,
});

/** Per-project parts: one table, or one per project under （一）（二）… when there are several. */
function perProject(data: PackageData, part: (p: PackageProject) => Block[]): Block[] {
  if (data.projects.length === 1) return part(data.projects[0]);
  return data.projects.flatMap((p, i) => [
    { type: 'heading', level: 2, text: `（${chineseNumeral(i + 1)}）${certificateOf(p)}` },
    ...part(p),
  ]);
}

function schoolTable(data: PackageData): Block {
  const { school } = data;
  return {
    type: 'table',
    header: 0,
    widths: [1, 1.6, 1, 1.6],
    rows: [
      [label('学校名称'), { text: school.name, colSpan: 3 }],
      [label('学校代码'), school.code, label('学校类型'), school.kind],
      [label('示范校级别'), school.demonstrationLevel, label('所在市州'), school.city],
      [label('通讯地址'), { text: school.address, colSpan: 3 }],
      [label('联系人'), school.contactName, label('联系电话'), school.contactPhone],
      [label('电子邮箱'), { text: school.email, colSpan: 3 }],
    ],
  };
}

/** A project's certificate cells span its majors' rows. */
function certificateTable(data: PackageData): Block {
  return {
    type: 'table',
    widths: [0.6, 1.6, 2, 0.8, 1.2, 1, 1.5],
    rows: [
      ['序号', '证书名称', '培训评价组织', '年度', '申报等级', '专业代码', '专业名称'],
      ...data.projects.flatMap(({ project, majors }, i) => {
        const span = Math.max(1, majors.length);
        const levels = sortLevels(project.levels)
          .map((l) => certificateLevelLabels[l])
          .join('、');
        const lead = [String(i + 1), project.certificateName, project.organization]
          .concat(String(project.year), levels)
          .map((text): Cell => ({ text, rowSpan: span }));
        const [first, ...rest] = majors.length > 0 ? majors : [{ code: '', name: '' }];
        return [[...lead, first.code, first.name], ...rest.map((m) => [m.code, m.name])];
      }),
    ],
  };
}

function staffTable(data: PackageData): Block {
  return {
    type: 'table',
    widths: [1.8, 0.8, 0.8, 0.9, 0.9, 1.3, 0.8],
    rows: [
      [
        '证书',
        '教师总数',
        '专任教师',
        '“双师型”教师',
        '“双师型”比例',
        '能独立承担教学的专任教师',
        '考评员',
      ],
      ...data.projects.map((p) => [
        certificateOf(p),
        String(p.stats.total),
        String(p.stats.fullTime),
        String(p.stats.dualQualified),
        formatShare(p.stats.dualQualified, p.stats.total),
        String(p.stats.fullTimeIndependent),
        String(p.stats.assessors),
      ]),
    ],
  };
}

/** Every teacher of the pilot once (a teacher may serve several certificates), in 工号 order. */
function teacherListTable(data: PackageData): Block {
  const seen = new Map<string, PackageTeacher>();
  for (const p of data.projects) for (const t of p.teachers) seen.set(t.staffNo, t);
  const teachers = [...seen.values()].sort((a, b) => a.staffNo.localeCompare(b.staffNo));
  const header = [
    '姓名',
    '性别',
    '出生年月',
    '学历（学位）',
    '职称',
    '所学专业',
    '职业技能等级证书',
    '双师型',
    '考评员',
  ];
  return {
    type: 'table',
    widths: [0.75, 0.6, 1.1, 1.15, 0.75, 1.15, 1.6, 0.75, 0.75],
    rows: [
      header,
      ...(teachers.length > 0
        ? teachers.map((t) => [
            t.name,
            t.gender,
            t.birthMonth,
            t.schooling,
            t.title,
            t.studiedMajor,
            t.skillCertificates,
            yesNo(t.dualQualified),
            yesNo(t.assessor),
          ])
        : [[{ text: '无', colSpan: header.length }]]),
    ],
  };
}

/** Equipment rows merged under their room, with the totals a reader would add. */
function roomTable(p: PackageProject): Block {
  const header = [
    '实训室',
    '面积（平方米）',
    '工位数',
    '设备名称',
    '型号',
    '数量（台套）',
    '单价',
    '金额',
  ];
  const none = [{ text: '无', colSpan: header.length }];
  let workstations = 0;
  let units = 0;
  let valueFen = 0;
  const rows = p.rooms.flatMap((r) => {
    workstations += r.workstations;
    const span = Math.max(1, r.equipment.length);
    const room = [r.name, String(r.areaM2), String(r.workstations)].map((text): Cell => ({
      text,
      rowSpan: span,
    }));
    const lines = r.equipment.map((e) => {
      units += e.quantity;
      valueFen += e.quantity * e.unitValueFen;
      return [
        e.name,
        e.model,
        String(e.quantity),
        formatFen(e.unitValueFen),
        formatFen(e.quantity * e.unitValueFen),
      ];
    });
    const [first, ...rest] = lines.length > 0 ? lines : [['', '', '', '', '']];
    return [[...room, ...first], ...rest];
  });
  return {
    type: 'table',
    // Of 155 mm at 五号 (one unit ≈ 18.7 mm): 单价 holds ¥9,999,999.99 and 金额/设备总值
    // ¥99,999,999.99 on one line, with Word's cell margins (5.4 pt a side) as well as the PDF's.
    widths: [1.2, 0.8, 0.55, 1, 0.85, 0.6, 1.6, 1.7],
    rows: [
      header,
      ...(rows.length > 0 ? rows : [none]),
      [
        label('合计', 2),
        String(workstations),
        label('设备台套数', 2),
        String(units),
        label('设备总值'),
        formatFen(valueFen),
      ],
    ],
  };
}

function siteTable(p: PackageProject): Block {
  const header = ['名称', '校内/校外', '合作单位', '容纳人数', '协议期限'];
  return {
    type: 'table',
    widths: [1.6, 0.8, 1.6, 0.8, 1.9],
    rows: [
      header,
      ...(p.sites.length > 0
        ? p.sites.map((s) => [s.name, s.campus, s.partner, String(s.capacity), s.agreement])
        : [[{ text: '无', colSpan: header.length }]]),
    ],
  };
}

/** Planned students by certificate, 初级 → 中级 → 高级 within a year, with the total. */
function scaleTable(data: PackageData): Block {
  let total = 0;
  const rows = data.projects.flatMap((p): (string | Cell)[][] => {
    const planned = p.project.plannedStudents;
    if (planned.length === 0) return [[certificateOf(p), { text: '未填写', colSpan: 3 }]];
    return planned.map((s, k) => {
      total += s.count;
      const cells = [certificateLevelLabels[s.level], `${s.year}年`, String(s.count)];
      return k === 0 ? [{ text: certificateOf(p), rowSpan: planned.length }, ...cells] : cells;
    });
  });
  return {
    type: 'table',
    widths: [2, 1, 1, 1],
    rows: [['证书', '等级', '年度', '计划试点人数'], ...rows, [label('合计', 3), String(total)]],
  };
}

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '（未填写）';
  return flat.length > SUMMARY_CHARS ? `${flat.slice(0, SUMMARY_CHARS)}……` : flat;
};

function planTable(p: PackageProject): Block {
  return {
    type: 'table',
    widths: [1, 4],
    rows: [
      ['部分', '要点'],
      ...planSections.map((s) => [
        label(planSectionLabels[s]),
        { text: excerpt(p.project.plan[s]), align: 'left' as const },
      ]),
    ],
  };
}

function commitmentTable(data: PackageData): Block {
  return {
    type: 'table',
    widths: [3, ...data.projects.map(() => 1.2)],
    rows: [
      ['承诺事项', ...data.projects.map((p) => p.project.certificateName)],
      ...commitments.map((c) => [
        { text: commitmentLabels[c], align: 'left' as const },
        ...data.projects.map((p) => (p.project.commitments[c] ? '已承诺' : '未承诺')),
      ]),
    ],
  };
}

/** 附件一, 附件二 and the school's own files, named as they are in the package. */
function attachmentTable(data: PackageData, draft: boolean): Block {
  const suffix = draft ? '（草稿）' : '';
  return {
    type: 'table',
    widths: [0.8, 2.2, 3],
    rows: [
      ['编号', '材料', '材料包中的文件'],
      [FORM_LABEL, '1+X证书制度试点申报表（本表）', `申报表${suffix}.pdf、申报表${suffix}.docx`],
      [PLAN_LABEL, '实施方案', `实施方案${suffix}.docx`],
      ...labelAttachments(data.attachments).map(({ label: number, path, attachment: a }) => [
        number,
        { text: `${a.owner} ${a.kind}：${a.displayName}`, align: 'left' as const },
        { text: path, align: 'left' as const },
      ]),
    ],
  };
}

/**
 * 申报表 as a form to print, stamp and upload: cover, 填表说明, the eight parts in the notice's
 * order, the 附件 list and the signature and stamp block. `today` is the 填报日期 (ISO, China).
 */
export function applicationForm(data: PackageData, draft: boolean, today: string): Block[] {
  const { school } = data;
  const certificates = [...new Set(data.projects.map((p) => p.project.certificateName))];
  return [
    {
      type: 'cover',
      label: FORM_LABEL,
      title: `1+X证书制度试点申报表${draftMark(draft)}`,
      note: draft ? '草稿：自检未通过，本材料仅供内部核对，不可作为正式申报材料提交。' : undefined,
      fields: [
        { label: '学校名称（盖章）', value: school.name },
        { label: '试点证书', value: certificates.join('、') },
        {
          label: '联系人及电话',
          value: [school.contactName, school.contactPhone].filter((v) => v !== '').join('　'),
        },
        { label: '填报日期', value: formatChineseDate(today) },
      ],
    },
    { type: 'title', text: '填表说明' },
    ...[
      '本表由申报学校填写，内容须真实、准确；封面“学校名称”处及文末加盖学校公章，由学校负责人签字。',
      '同时申报多个证书的，第四、五、七部分按证书分别列出；第二、三、六部分每个证书占一行，第八部分每个证书占一列。',
      '证书等级按初级、中级、高级的顺序填写；日期写成“2020年9月1日”的格式；金额单位为元，面积单位为平方米。',
      `${FORM_LABEL}为本申报表，${PLAN_LABEL}为实施方案；学校提供的其他材料自附件三起依次编号，编号与材料包“附件”文件夹中的文件名一致。`,
      '教师的工号、所属专业及所承担的证书见《教师信息表》，实训室、设备及实习实训场所明细见《实训条件表》。',
    ].map((text, i): Block => ({ type: 'paragraph', indent: true, text: `${i + 1}. ${text}` })),
    heading(1),
    schoolTable(data),
    heading(2),
    certificateTable(data),
    heading(3),
    staffTable(data),
    { type: 'heading', level: 2, text: '教师名单' },
    teacherListTable(data),
    heading(4),
    ...perProject(data, (p) => [roomTable(p)]),
    heading(5),
    ...perProject(data, (p) => [siteTable(p)]),
    heading(6),
    scaleTable(data),
    heading(7),
    ...perProject(data, (p) => [planTable(p)]),
    { type: 'paragraph', indent: true, text: `实施方案全文见${PLAN_LABEL}。` },
    heading(8),
    commitmentTable(data),
    { type: 'heading', level: 2, text: '附件清单' },
    attachmentTable(data, draft),
    {
      type: 'paragraph',
      indent: true,
      text: '本校承诺以上填报内容及所附材料真实、准确，并按要求组织实施试点工作。',
    },
    { type: 'signature', lines: ['学校负责人签字：', '学校（盖章）', '年　　月　　日'] },
  ];
}
