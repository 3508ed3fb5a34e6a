import type ExcelJS from 'exceljs';
import type { ImportProblemSheet } from '../../../shared/contract/imports';
import type { ImportFieldSpec } from './header';
import { addSheet, newWorkbook, workbookBytes } from './sheetWriter';

/** What the 说明 sheet says about every roster, whatever its kind. */
const GENERAL_NOTES = [
  '表头必须保留在数据上方（上面可以有标题行）；列的顺序可以调换，不用的选填列可以删除。',
  '表头下方灰色斜体的一行是示例：可以直接改写成真实数据，也可以删除；原样留下的示例行导入时会被跳过。',
  '合计、小计、“共 N 人”等汇总行和空行会被跳过；完全相同的重复行只导入一次。',
  '已有记录按唯一编号匹配后更新，同一文件再次导入不会重复添加；选填列留空不会清除已保存的内容。',
];

/** The note on the example row's first cell. */
const EXAMPLE_NOTE = '这一行是示例，请改写成真实数据或删除。原样留下时，导入会跳过这一行。';

/** The example row, marked as such: grey italic on a light grey fill. */
function markExample(row: ExcelJS.Row, width: number): void {
  for (let i = 1; i <= width; i += 1) {
    const cell = row.getCell(i);
    cell.font = { italic: true, color: { argb: 'FF808080' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  }
  row.getCell(1).note = EXAMPLE_NOTE;
}

/**
 * 下载模板: a sheet with the import's header and one example row under it (every column text, so
 * ID numbers and 学号 keep their digits), and a 说明 sheet listing each column's rule and example
 * value. The example row is marked grey and italic with a note; the importer skips it when it
 * is left as it is (see isExampleRow), so a forgotten example never becomes a real person.
 */
export async function importTemplate(
  fileName: string,
  sheetName: string,
  fields: readonly ImportFieldSpec[],
): Promise<ImportProblemSheet> {
  const wb = await newWorkbook();
  const data = addSheet(
    wb,
    sheetName,
    fields.map((f) => f.label),
    [fields.map((f) => f.example ?? '')],
    { textColumns: fields.map((_, i) => i) },
  );
  markExample(data.getRow(data.rowCount), fields.length);
  addSheet(
    wb,
    '说明',
    ['列名', '必填', '示例', '填写说明', '也可用的列名'],
    [
      ...fields.map((f) => [
        f.label,
        f.required ? '是' : '否',
        f.example ?? '',
        f.rule ?? '',
        f.synonyms.join('、'),
      ]),
      [],
      ...GENERAL_NOTES.map((note) => ['', '', '', note, '']),
    ],
    { textColumns: [2] },
  );
  const bytes = await workbookBytes(wb);
  return { fileName, contentBase64: bytes.toString('base64'), size: bytes.length };
}
