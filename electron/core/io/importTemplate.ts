import type { ImportProblemSheet } from '../../../shared/contract/imports';
import type { ImportFieldSpec } from './header';
import { addSheet, newWorkbook, workbookBytes } from './sheetWriter';

/** What the 说明 sheet says about every roster, whatever its kind. */
const GENERAL_NOTES = [
  '表头必须保留在数据上方（上面可以有标题行）；列的顺序可以调换，不用的选填列可以删除。',
  '合计、小计、“共 N 人”等汇总行和空行会被跳过；完全相同的重复行只导入一次。',
  '已有记录按唯一编号匹配后更新，同一文件再次导入不会重复添加；选填列留空不会清除已保存的内容。',
];

/**
 * 下载模板: a sheet with the import's header only (every column text, so ID numbers and 学号 keep
 * their digits), and a 说明 sheet listing each column's rule and an example value. The example
 * stays out of the data sheet: a person filling in below it would import it as a real person.
 */
export async function importTemplate(
  fileName: string,
  sheetName: string,
  fields: readonly ImportFieldSpec[],
): Promise<ImportProblemSheet> {
  const wb = await newWorkbook();
  addSheet(
    wb,
    sheetName,
    fields.map((f) => f.label),
    [],
    { textColumns: fields.map((_, i) => i) },
  );
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
