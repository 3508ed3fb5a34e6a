import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Cell } from '../../../electron/core/modules/package/content';
import { PAGE_MM, pageNumberText } from '../../../electron/core/modules/package/houseStyle';
import { renderPdf } from '../../../electron/core/modules/package/pdf';
import { artefactDir, keepPdfPages, pdfPages, type PdfPage } from '../../harness/documents';

const MM = 72 / 25.4;
const squash = (s: string) => s.replace(/\s+/g, '');

/** A page's text lines without its page number (the last line, below the text area). */
const bodyLines = (page: PdfPage) =>
  page.lines.filter((l) => l.yMin < page.height - PAGE_MM.bottom * MM);

/**
 * Sections of every length: headings land at every height of a page, some just above its foot,
 * each followed by a table (some with rooms merged over their equipment rows) or a paragraph.
 */
function manySections(): Block[] {
  const blocks: Block[] = [{ type: 'title', text: '版式检查' }];
  for (let s = 1; s <= 24; s += 1) {
    for (let k = 0; k < s % 5; k += 1) {
      blocks.push({ type: 'paragraph', indent: true, text: `第${s}节说明${k + 1}：内容。` });
    }
    blocks.push({ type: 'heading', level: s % 3 === 0 ? 2 : 1, text: `标题${s}号` });
    if (s % 4 === 0) {
      blocks.push({ type: 'paragraph', text: `标题${s}号之后的正文。` });
      continue;
    }
    const rooms = (s % 3) + 1;
    const rows: (string | Cell)[][] = [['实训室', '设备', '数量']];
    for (let r = 1; r <= rooms; r += 1) {
      rows.push([{ text: `室${s}-${r}`, rowSpan: 3 }, `设备${s}-${r}-1`, '1']);
      rows.push([`设备${s}-${r}-2`, '2'], [`设备${s}-${r}-3`, '3']);
    }
    blocks.push({ type: 'table', rows });
  }
  // One room with more equipment than a page holds: split at the page turn, nothing lost.
  const big: (string | Cell)[][] = [['实训室', '设备', '数量']];
  for (let k = 1; k <= 40; k += 1) {
    big.push(
      k === 1 ? [{ text: '大实训室', rowSpan: 40 }, `大设备${k}`, '1'] : [`大设备${k}`, '1'],
    );
  }
  blocks.push({ type: 'heading', text: '大表' }, { type: 'table', rows: big });
  blocks.push({ type: 'paragraph', indent: true, text: '以上内容真实、准确。' });
  blocks.push({ type: 'signature', lines: ['学校负责人签字：', '学校（盖章）', '年　　月　　日'] });
  return blocks;
}

describe('the PDF house style, read back with pdftotext -bbox', () => {
  it('keeps every heading off a page foot, merged rooms on one page, the stamp block last, pages numbered 1..N inside GB/T 9704 margins', async ({
    annotate,
  }) => {
    const blocks = manySections();
    const dir = artefactDir('pdfLayout');
    const file = await keepPdfPages({ annotate }, dir, 'layout', await renderPdf('版式', blocks));
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThan(4);

    pages.forEach((page, i) => {
      // A4, and a centred “— n —” below the text area, counting from 1.
      expect(page.width).toBeCloseTo(595.28, 0);
      expect(page.height).toBeCloseTo(841.89, 0);
      const foot = page.lines[page.lines.length - 1];
      expect(squash(foot.text)).toBe(squash(pageNumberText(i + 1)));
      expect(foot.yMin).toBeGreaterThan(page.height - PAGE_MM.bottom * MM);
      const centre = (foot.words[0].xMin + foot.words[foot.words.length - 1].xMax) / 2;
      expect(Math.abs(centre - page.width / 2)).toBeLessThan(3);
      // Everything else inside the margins (37 top, 35 bottom, 28 left, 26 right mm).
      for (const line of bodyLines(page)) {
        expect(line.yMin).toBeGreaterThanOrEqual(PAGE_MM.top * MM - 1);
        for (const w of line.words) {
          expect(w.xMin).toBeGreaterThanOrEqual(PAGE_MM.left * MM - 1);
          expect(w.xMax).toBeLessThanOrEqual(page.width - PAGE_MM.right * MM + 1);
        }
      }
    });

    const headings = blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    for (const heading of headings) {
      const at = pages.flatMap((page, p) =>
        bodyLines(page).flatMap((l, i) => (l.text === heading ? [{ p, i }] : [])),
      );
      expect(at, heading).toHaveLength(1);
      const lines = bodyLines(pages[at[0].p]);
      // Not the last line of its page: what it heads starts below it on the same page.
      expect(at[0].i, `${heading} is the last line of page ${at[0].p + 1}`).toBeLessThan(
        lines.length - 1,
      );
      const next = lines[at[0].i + 1].text;
      expect(next.startsWith('实训室') || next.startsWith(`${heading}之后`), heading).toBe(true);
    }

    // A room's equipment rows share its page (every room here fits on one).
    const pageOf = (text: string) =>
      pages.findIndex((page) => page.lines.some((l) => l.words.some((w) => w.text === text)));
    for (let s = 1; s <= 24; s += 1) {
      if (s % 4 === 0) continue;
      for (let r = 1; r <= (s % 3) + 1; r += 1) {
        const room = pageOf(`室${s}-${r}`);
        expect(room).toBeGreaterThanOrEqual(0);
        expect([1, 2, 3].map((k) => pageOf(`设备${s}-${r}-${k}`))).toEqual([room, room, room]);
      }
    }
    // The room taller than a page is split, its name repeated beside the rows of each page.
    for (let k = 1; k <= 40; k += 1) expect(pageOf(`大设备${k}`)).toBeGreaterThanOrEqual(0);
    const bigPages = new Set(Array.from({ length: 40 }, (_, k) => pageOf(`大设备${k + 1}`)));
    expect(bigPages.size).toBeGreaterThan(1);
    for (const p of bigPages) {
      expect(pages[p].lines.some((l) => l.text.includes('大实训室'))).toBe(true);
      // The head row is repeated on each page the table runs onto.
      expect(pages[p].lines.some((l) => l.text === '实训室设备数量')).toBe(true);
    }

    // The signature and stamp lines, together, on the last page, with the text they sign.
    const last = bodyLines(pages[pages.length - 1]).map((l) => squash(l.text));
    expect(last.slice(-4)).toEqual([
      '以上内容真实、准确。',
      '学校负责人签字：',
      '学校（盖章）',
      '年月日',
    ]);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
