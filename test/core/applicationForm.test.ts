import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackageBuildResult } from '../../shared/contract/package';
import type { Project } from '../../shared/contract/projects';
import { readOwnZip } from '../../electron/core/io/zip';
import { PAGE_MM } from '../../electron/core/modules/package/houseStyle';
import { createTestCore, type TestCore } from '../harness/core';
import {
  artefactDir,
  keepPdfPages,
  officePart,
  pdfFonts,
  pdfPages,
  type PdfPage,
} from '../harness/documents';
import { makePdf } from '../harness/files';
import { call, findCertificate, schoolProfile, seedSchool } from '../harness/seed';
import { projectInput } from '../harness/seedProject';
import { downloaded } from '../harness/downloads';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.dispose());

const MM = 72 / 25.4;
const squash = (s: string) => s.replace(/\s+/g, '');
const bodyLines = (page: PdfPage) =>
  page.lines.filter((l) => l.yMin < page.height - PAGE_MM.bottom * MM);
/** Twips per millimetre in Word's page settings. */
const TWIPS_PER_MM = 1440 / 25.4;

/**
 * A school applying for two certificates, with three rooms (one holding eight kinds of
 * equipment), planned students entered 中级 before 初级, a project file and a school file.
 */
async function seedTwoProjects(): Promise<number[]> {
  const seeded = await seedSchool(t.core);
  await call(t.core, 'school.save', {
    ...schoolProfile,
    address: '武汉市洪山区示例路1号',
    contactName: '张老师',
    contactPhone: '027-87654321',
    email: 'pilot@example.com',
  });
  const rooms = [...seeded.roomIds];
  for (const [name, kinds] of [
    ['布线实训室', 8],
    ['前端实训室', 3],
  ] as const) {
    const room = await call<{ id: number }>(t.core, 'rooms.save', {
      name,
      areaM2: 90,
      workstations: 40,
      equipment: Array.from({ length: kinds }, (_, k) => ({
        name: `${name.slice(0, 2)}设备${k + 1}`,
        model: `M-${k + 1}`,
        quantity: k + 1,
        unitValue: 1000 + k * 250.5,
      })),
    });
    rooms.push(room.id);
  }
  const ids: number[] = [];
  for (const search of ['Web前端开发', '物流管理']) {
    const certificate = await findCertificate(t.core, search);
    const project = await call<Project>(
      t.core,
      'projects.create',
      projectInput(seeded, certificate.id, {
        levels: ['intermediate', 'junior'],
        roomIds: rooms,
        plannedStudents: [
          { level: 'intermediate', year: 2020, count: 40 },
          { level: 'junior', year: 2020, count: 80 },
        ],
      }),
    );
    ids.push(project.id);
  }
  await call(t.core, 'attachments.upload', {
    ownerType: 'project',
    ownerId: ids[0],
    kind: 'talent_training_plan',
    file: {
      fileName: '软件技术人才培养方案.pdf',
      contentBase64: makePdf('plan').toString('base64'),
    },
  });
  await call(t.core, 'attachments.upload', {
    ownerType: 'school',
    ownerId: 1,
    kind: 'other',
    file: { fileName: '学校简介.pdf', contentBase64: makePdf('intro').toString('base64') },
  });
  return ids;
}

async function buildFiles(projectIds: number[]): Promise<Map<string, Buffer>> {
  const result = await call<PackageBuildResult>(t.core, 'package.build', {
    projectIds,
    acceptDraft: true,
  });
  const entries = await readOwnZip(downloaded(t.core, result));
  return new Map(entries.map((e) => [e.name, e.data]));
}

describe('申报表 as an official form', () => {
  it('the PDF: cover, 填表说明, the notice’s eight parts in order, merged rooms with totals, 附件 as in the package, stamp block last, both fonts embedded', async ({
    annotate,
  }) => {
    const files = await buildFiles(await seedTwoProjects());
    const draft = [...files.keys()].some((n) => n.includes('草稿'));
    const suffix = draft ? '（草稿）' : '';
    const dir = artefactDir('applicationForm');
    const file = await keepPdfPages({ annotate }, dir, 'form', files.get(`申报表${suffix}.pdf`)!);

    // Both faces embedded, as subsets: the serif for the body, the sans for headings.
    const fonts = pdfFonts(file);
    expect(fonts.map((f) => f.name).sort()).toEqual(['NotoSansSC-Regular', 'NotoSerifSC-Regular']);
    for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true });

    const pages = pdfPages(file);
    const text = (page: PdfPage) => bodyLines(page).map((l) => squash(l.text));
    // The cover: unnumbered, with the school, certificates, contact and the date in Chinese.
    const cover = pages[0].lines.map((l) => squash(l.text));
    expect(cover[0]).toBe('附件一');
    expect(cover).toEqual(
      expect.arrayContaining([
        `1+X证书制度试点申报表${suffix}`,
        '学校名称（盖章）湖北示例职业技术学院',
        '试点证书Web前端开发、物流管理',
        '联系人及电话张老师027-87654321',
        '填报日期2026年3月2日',
      ]),
    );
    expect(cover.some((l) => /^—\d+—$/.test(l))).toBe(false);
    // The other pages numbered 1..N at the foot.
    pages.slice(1).forEach((page, i) => {
      expect(squash(page.lines[page.lines.length - 1].text)).toBe(`—${i + 1}—`);
    });

    // The parts in the notice's order, each heading followed on its own page by what it heads.
    const all = pages.flatMap((page, p) => text(page).map((line, i) => ({ line, p, i })));
    const order = [
      '填表说明',
      '一、学校基本情况',
      '二、试点证书与专业',
      '三、师资',
      '四、实训室及设备',
      '（一）Web前端开发（2020年）',
      '（二）物流管理（2020年）',
      '五、实习实训场所',
      '六、试点规模',
      '七、实施方案摘要',
      '八、承诺',
      '附件清单',
    ];
    const found = order.map((h) => all.findIndex((x) => x.line === h));
    expect(
      found.every((i) => i >= 0),
      JSON.stringify(found),
    ).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    for (const i of found) {
      const { p, line } = all[i];
      expect(all[i + 1]?.p, `${line} is the last line of page ${p + 1}`).toBe(p);
    }

    const flat = all.map((x) => x.line).join('\n');
    // One date format: no ISO dates anywhere a reader looks.
    expect(flat).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // 初级 before 中级 though entered the other way round.
    const scale = flat.slice(flat.indexOf('六、试点规模'), flat.indexOf('七、实施方案摘要'));
    expect(scale.indexOf('初级')).toBeLessThan(scale.indexOf('中级'));
    expect(scale).toContain('合计240');
    // Equipment merged under its room: the room named once per table, totals beneath.
    const rooms = flat.slice(flat.indexOf('四、实训室及设备'), flat.indexOf('五、实习实训场所'));
    expect(rooms.split('布线实训室').length - 1).toBe(2);
    // 工位数 50 + 40 + 40; 台套 50 + (1..8) + (1..3); 总值 in yuan.
    const units = 50 + 36 + 6;
    const value =
      50 * 4500 +
      Array.from({ length: 8 }, (_, k) => (k + 1) * (1000 + k * 250.5)).reduce((a, b) => a + b) +
      Array.from({ length: 3 }, (_, k) => (k + 1) * (1000 + k * 250.5)).reduce((a, b) => a + b);
    const money = `¥${value.toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    expect(rooms).toContain(`合计130设备台套数${units}设备总值${money}`);

    // 附件 numbered as the notice does, the school's files named as in the package.
    const attachments = [...files.keys()].filter((n) => n.startsWith('附件/')).sort();
    expect(attachments).toEqual([
      '附件/附件三_Web前端开发 2020_人才培养方案_软件技术人才培养方案.pdf',
      '附件/附件四_学校_其他_学校简介.pdf',
    ]);
    const list = flat.slice(flat.indexOf('附件清单'));
    expect(list).toContain('附件二实施方案');
    expect(list).toMatch(/附件三[\s\S]*附件四/);
    // Cells wrap in the PDF; in Word each file's entry reads whole, as in the package.
    const formDocx = path.join(dir, 'form.docx');
    writeFileSync(formDocx, files.get(`申报表${suffix}.docx`)!);
    const wordText = officePart(formDocx, 'word/document.xml').replace(/<[^>]+>/g, '');
    for (const name of attachments) expect(wordText).toContain(name);

    // The signature and stamp block closes the last page, with the statement it signs.
    const last = text(pages[pages.length - 1]);
    expect(last.slice(-3)).toEqual(['学校负责人签字：', '学校（盖章）', '年月日']);
    expect(last.join('')).toContain('本校承诺以上填报内容及所附材料真实、准确');
  });

  it('the PDF prints seven-figure equipment prices and totals whole, each on one line of its cell', async ({
    annotate,
  }) => {
    const seeded = await seedSchool(t.core);
    const room = await call<{ id: number }>(t.core, 'rooms.save', {
      name: '智能制造实训中心',
      areaM2: 600,
      workstations: 40,
      equipment: [{ name: '五轴加工中心', model: 'DMU 50', quantity: 2, unitValue: 1_250_000 }],
    });
    const certificate = await findCertificate(t.core, 'Web前端开发');
    const project = await call<Project>(
      t.core,
      'projects.create',
      projectInput(seeded, certificate.id, { roomIds: [room.id] }),
    );
    const files = await buildFiles([project.id]);
    const name = [...files.keys()].find((n) => /^申报表.*\.pdf$/.test(n))!;
    const file = await keepPdfPages(
      { annotate },
      artefactDir('applicationFormMoney'),
      'form',
      files.get(name)!,
    );
    const words = pdfPages(file).flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => w.text)));
    // 单价, then 金额 and 设备总值 (the same sum): each one word, not broken over two lines.
    expect(words.filter((w) => w === '¥1,250,000.00')).toHaveLength(1);
    expect(words.filter((w) => w === '¥2,500,000.00')).toHaveLength(2);

    // In Word the same columns: 单价 and 金额 (the last two) hold ¥9,999,999.99 in 五号 digits
    // (about 70 pt) inside Word's default cell margins (5.4 pt a side): 80 pt is 1,600 twips.
    const docx = path.join(artefactDir('applicationFormMoneyWord'), 'form.docx');
    writeFileSync(docx, files.get(name.replace(/\.pdf$/, '.docx'))!);
    const tables = officePart(docx, 'word/document.xml').split('<w:tbl>');
    const rooms = tables.find((x) => x.includes('设备总值'))!;
    const grid = [...rooms.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(8);
    for (const twips of grid.slice(-2)) expect(twips).toBeGreaterThanOrEqual(1600);
  });

  it('the Word files: 仿宋_GB2312 (仿宋 as stand-in), 宋体 and 黑体, nothing in colour, GB/T 9704 margins, numbered footer, 附件二 on the plan', async () => {
    const files = await buildFiles(await seedTwoProjects());
    const dir = artefactDir('applicationFormWord');
    const names = [...files.keys()].filter((n) => n.endsWith('.docx'));
    expect(names.length).toBe(2);
    for (const name of names) {
      const file = path.join(dir, name);
      writeFileSync(file, files.get(name)!);
      const document = officePart(file, 'word/document.xml');
      const styles = officePart(file, 'word/styles.xml');
      const fontTable = officePart(file, 'word/fontTable.xml');

      // Black only: every colour the text or its styles name is black (or automatic).
      const colours = new Set(
        [...(document + styles).matchAll(/<w:color w:val="([^"]+)"/g)].map((m) => m[1]),
      );
      expect(
        [...colours].filter((c) => c !== '000000' && c !== 'auto'),
        name,
      ).toEqual([]);
      // The Chinese faces Windows has, and the stand-in for 仿宋_GB2312.
      const faces = new Set(
        [...(document + styles).matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]),
      );
      expect(
        [...faces].filter((f) => !['仿宋_GB2312', '宋体', '黑体'].includes(f)),
        name,
      ).toEqual([]);
      expect(faces, name).toContain('仿宋_GB2312');
      expect(faces, name).toContain('黑体');
      expect(fontTable).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
      // Headings in 黑体, kept with what follows.
      const heading1 = /<w:style w:type="paragraph" w:styleId="Heading1">.*?<\/w:style>/.exec(
        styles,
      );
      expect(heading1?.[0]).toContain('w:eastAsia="黑体"');
      expect(heading1?.[0]).toContain('<w:keepNext/>');
      // A4 with 37 / 35 / 28 / 26 mm margins on every section.
      const margins = [...document.matchAll(/<w:pgMar ([^>]+)\/>/g)].map((m) =>
        Object.fromEntries([...m[1].matchAll(/w:(\w+)="(\d+)"/g)].map((a) => [a[1], Number(a[2])])),
      );
      expect(margins.length).toBeGreaterThan(0);
      for (const m of margins) {
        for (const side of ['top', 'bottom', 'left', 'right'] as const) {
          expect(Math.abs(m[side] / TWIPS_PER_MM - PAGE_MM[side]), side).toBeLessThan(0.1);
        }
      }
      expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      // The page number “— n —” in the footer, counted from 1 after the form's cover.
      const footerPart = /Target="(footer\d*\.xml)"/.exec(
        officePart(file, 'word/_rels/document.xml.rels'),
      )?.[1];
      const footer = officePart(file, `word/${footerPart}`);
      expect(footer).toContain('PAGE');
      expect(footer.replace(/<[^>]+>/g, '')).toMatch(/^— .*—$/);
      expect(document).toContain('<w:pgNumType w:start="1"/>');
    }
    const form = officePart(
      path.join(
        dir,
        names.find((n) => n.startsWith('申报表'))!,
      ),
      'word/document.xml',
    );
    expect(form).toContain('w:eastAsia="宋体"'); // the form's tables
    // The cover stands alone: two sections, the second numbered from 1.
    expect(form.match(/<w:sectPr/g)).toHaveLength(2);
    expect(form.replace(/<[^>]+>/g, '')).toMatch(/^附件一1\+X证书制度试点申报表/);
    const plan = officePart(
      path.join(
        dir,
        names.find((n) => n.startsWith('实施方案'))!,
      ),
      'word/document.xml',
    );
    expect(plan.replace(/<[^>]+>/g, '')).toMatch(/^附件二/);
  });
});
