import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type IBaseParagraphStyleOptions,
  type ISectionOptions,
} from 'docx';
import type { Block } from './content';
import { LINE_SPACING, PAGE_MM, PAGE_NUMBER_GAP_MM, SIZE_PT } from './houseStyle';
import { asCell, placeCells } from './tableGrid';
import { normaliseOffice } from '../../io/zip';

/**
 * The faces Chinese Windows has, as Word names them: 仿宋_GB2312 for prose (the official
 * documents' face; the font table names 仿宋 as its stand-in where only that is installed),
 * 宋体 for tables and page numbers, 黑体 for titles and headings.
 */
const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEI = { ascii: '黑体', hAnsi: '黑体', eastAsia: '黑体' };
const FONT_TABLE = [
  ['仿宋_GB2312', '仿宋', 'modern', 'fixed'],
  ['宋体', 'SimSun', 'auto', 'variable'],
  ['黑体', 'SimHei', 'modern', 'fixed'],
]
  .map(
    ([name, alt, family, pitch]) =>
      `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`,
  )
  .join('');

const BLACK = '000000';
const half = (pt: number) => Math.round(pt * 2);
const mm = convertMillimetersToTwip;
const TEXT_WIDTH = mm(PAGE_MM.width - PAGE_MM.left - PAGE_MM.right);
const LINE = Math.round(240 * LINE_SPACING);

const heading = (size: number, before: number): IBaseParagraphStyleOptions => ({
  run: { font: HEI, size: half(size), color: BLACK, bold: false },
  paragraph: { keepNext: true, keepLines: true, spacing: { before, after: 120, line: LINE } },
});
/** Every heading style black (the library's defaults are blue), including unused levels. */
const styles = {
  default: {
    document: {
      run: { font: FANGSONG, size: half(SIZE_PT.body) },
      paragraph: { spacing: { line: LINE } },
    },
    title: {
      run: { font: HEI, size: half(SIZE_PT.title), color: BLACK, bold: false },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 440, line: LINE } },
    },
    heading1: heading(SIZE_PT.heading, 240),
    heading2: heading(SIZE_PT.body, 120),
    heading3: heading(SIZE_PT.body, 120),
    heading4: heading(SIZE_PT.body, 120),
    heading5: heading(SIZE_PT.body, 120),
    heading6: heading(SIZE_PT.body, 120),
    hyperlink: { run: { color: BLACK, underline: {} } },
    caption: { run: { color: BLACK, italics: false } },
  },
};

const single = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const allBorders = {
  top: single,
  bottom: single,
  left: single,
  right: single,
  insideHorizontal: single,
  insideVertical: single,
};

function table(b: Extract<Block, { type: 'table' }>): Table {
  const { cells, columns } = placeCells(b.rows);
  const header = Math.min(b.header ?? 1, b.rows.length);
  const weights = b.widths?.length === columns ? b.widths : new Array<number>(columns).fill(1);
  const total = weights.reduce((x, y) => x + y, 0);
  // Rows joined by a merged cell keep together (keep-with-next on all but the group's last row).
  const keepUntil = new Array<number>(b.rows.length).fill(0).map((_, r) => r);
  for (const c of cells) keepUntil[c.row] = Math.max(keepUntil[c.row], c.row + c.rowSpan - 1);
  let reach = 0;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: weights.map((w) => Math.floor((TEXT_WIDTH * w) / total)),
    layout: TableLayoutType.FIXED,
    borders: allBorders,
    rows: b.rows.map((row, r) => {
      reach = Math.max(reach, keepUntil[r]);
      const keepNext = r < header || r < reach || undefined;
      return new TableRow({
        tableHeader: r < header,
        cantSplit: true,
        children: row.map((raw) => {
          const cell = asCell(raw);
          const head = r < header || cell.label === true;
          return new TableCell({
            rowSpan: cell.rowSpan,
            columnSpan: cell.colSpan,
            verticalAlign: VerticalAlignTable.CENTER,
            children: [
              new Paragraph({
                alignment: cell.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
                keepNext,
                spacing: { line: 240 },
                children: [
                  new TextRun({
                    text: cell.text,
                    size: half(SIZE_PT.table),
                    font: head ? HEI : SONG,
                  }),
                ],
              }),
            ],
          });
        }),
      });
    }),
  });
}

/** The cover's lines as a borderless table: label, then the value over a rule. */
function cover(b: Extract<Block, { type: 'cover' }>): (Paragraph | Table)[] {
  const labelWidth = mm(50);
  return [
    new Paragraph({
      children: b.label
        ? [new TextRun({ text: b.label, font: HEI, size: half(SIZE_PT.heading) })]
        : [],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: mm(40), after: 240 },
      children: [new TextRun({ text: b.title, font: HEI, size: half(SIZE_PT.cover) })],
    }),
    ...(b.note
      ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(b.note)] })]
      : []),
    new Paragraph({ spacing: { before: mm(50) }, children: [] }),
    new Table({
      width: { size: TEXT_WIDTH - mm(20), type: WidthType.DXA },
      columnWidths: [labelWidth, TEXT_WIDTH - mm(20) - labelWidth],
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: {
        top: none,
        bottom: none,
        left: none,
        right: none,
        insideHorizontal: none,
        insideVertical: none,
      },
      rows: b.fields.map(
        (f) =>
          new TableRow({
            height: { value: mm(16), rule: 'atLeast' },
            children: [
              new TableCell({
                verticalAlign: VerticalAlignTable.BOTTOM,
                children: [
                  new Paragraph({
                    alignment: AlignmentType.DISTRIBUTE,
                    children: [new TextRun({ text: f.label, size: half(SIZE_PT.heading) })],
                  }),
                ],
              }),
              new TableCell({
                verticalAlign: VerticalAlignTable.BOTTOM,
                borders: { top: none, left: none, right: none, bottom: single },
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [new TextRun({ text: f.value, size: half(SIZE_PT.heading) })],
                  }),
                ],
              }),
            ],
          }),
      ),
    }),
  ];
}

function contentOf(blocks: readonly Block[]): (Paragraph | Table)[] {
  return blocks.flatMap((b, i): (Paragraph | Table)[] => {
    switch (b.type) {
      case 'cover':
        return cover(b);
      case 'label':
        return [
          new Paragraph({
            keepNext: true,
            children: [new TextRun({ text: b.text, font: HEI, size: half(SIZE_PT.heading) })],
          }),
        ];
      case 'title':
        return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(b.text)] })];
      case 'heading':
        return [
          new Paragraph({
            heading: b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1,
            children: [new TextRun(b.text)],
          }),
        ];
      case 'paragraph':
        return [
          new Paragraph({
            indent: b.indent ? { firstLine: Math.round(SIZE_PT.body * 2 * 20) } : undefined,
            // The signature never stands alone on a page: the paragraph before it goes along.
            keepNext: blocks[i + 1]?.type === 'signature' || undefined,
            children: [new TextRun(b.text)],
          }),
        ];
      case 'table':
        return [table(b), new Paragraph({ spacing: { line: 240 }, children: [] })];
      case 'signature':
        // Kept together and indented right of centre, with room above each line for the seal.
        return b.lines.map(
          (text, i) =>
            new Paragraph({
              keepNext: i < b.lines.length - 1 || undefined,
              keepLines: true,
              indent: { left: Math.round(TEXT_WIDTH * 0.45) },
              spacing: { before: i === 0 ? 720 : 360 },
              children: [new TextRun(text)],
            }),
        );
    }
  });
}

const pageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: SONG,
            size: half(SIZE_PT.body),
          }),
        ],
      }),
    ],
  });

const page = {
  // A4 exactly as Word writes it (210 × 297 mm rounds to 11906 × 16838 twips).
  size: { width: 11906, height: 16838 },
  margin: {
    top: mm(PAGE_MM.top),
    bottom: mm(PAGE_MM.bottom),
    left: mm(PAGE_MM.left),
    right: mm(PAGE_MM.right),
    footer: mm(PAGE_MM.bottom - PAGE_NUMBER_GAP_MM - 5),
  },
};

/**
 * A Word document of these blocks in the house style (GB/T 9704 page, Chinese Windows faces,
 * black headings, “— 1 —” in the footer; a cover is its own unnumbered section), byte-stable.
 */
export async function renderDocx(title: string, blocks: readonly Block[]): Promise<Buffer> {
  const hasCover = blocks[0]?.type === 'cover';
  const body: ISectionOptions = {
    properties: { page: { ...page, pageNumbers: { start: 1 } } },
    footers: { default: pageNumberFooter() },
    children: contentOf(hasCover ? blocks.slice(1) : blocks),
  };
  const sections: ISectionOptions[] = hasCover
    ? [{ properties: { page }, children: contentOf(blocks.slice(0, 1)) }, body]
    : [body];
  const doc = new Document({ creator: 'PilotDesk', title, styles, sections });
  return normaliseOffice(await Packer.toBuffer(doc), {
    'word/fontTable.xml': (xml) => xml.replace(/\/>\s*$/, `>${FONT_TABLE}</w:fonts>`),
  });
}
