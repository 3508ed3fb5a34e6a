import path from 'node:path';
import { CoreError } from '../errors';

/** Word's own extensions (and WPS 文字's): a roster kept as a Word table is picked by mistake. */
const wordExtensions = new Set(['.doc', '.docx', '.docm', '.dot', '.dotx', '.wps', '.rtf']);

export const hasWordExtension = (fileName: string) =>
  wordExtensions.has(path.extname(fileName).toLowerCase());

/** The refusal of a Word document picked where a spreadsheet is read, naming the file. */
export const wordDocumentRefused = (fileName: string) =>
  new CoreError(
    'BAD_FILE',
    `文件“${fileName}”是 Word 文档，不是表格，无法导入。请选择 Excel 工作簿（.xlsx）或 CSV 文件；名单在 Word 表格里时，可把表格复制到 Excel，另存为 .xlsx 后再导入。`,
  );
