import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block } from './content';
import { normaliseOffice } from '../../io/zip';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };

function paragraphsOf(blocks: readonly Block[]): (Paragraph | Table)[] {
  return blocks.map((b) => {
    switch (b.type) {
      case 'title':
        return new Paragraph({
          alignment: AlignmentType.CENTER,
          heading: HeadingLevel.TITLE,
          children: [new TextRun({ text: b.text, bold: true, size: 36, font: FONT })],
        });
      case 'heading':
        return new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [new TextRun({ text: b.text, bold: true, size: 28, font: FONT })],
        });
      case 'paragraph':
        return new Paragraph({ children: [new TextRun({ text: b.text, size: 24, font: FONT })] });
      case 'table':
        return new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            (row) =>
              new TableRow({
                children: row.map(
                  (cell) =>
                    new TableCell({
                      children: [
                        new Paragraph({
                          children: [new TextRun({ text: cell, size: 21, font: FONT })],
                        }),
                      ],
                    }),
                ),
              }),
          ),
        });
    }
  });
}

/** A Word document of these blocks, byte-stable for the same blocks. */
export async function renderDocx(title: string, blocks: readonly Block[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'PilotDesk',
    title,
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 } },
        },
        children: paragraphsOf(blocks),
      },
    ],
  });
  return normaliseOffice(await Packer.toBuffer(doc));
}
