/**
 * 考生信息上传表 column layouts: the platform's bulk-upload columns in their standard order, and
 * the layouts an evaluation organization asks for instead (which columns, in which order, under
 * which header). Pure: the form and the core check a layout the same way.
 */

export const uploadColumnKeys = [
  'name',
  'gender',
  'idType',
  'idNumber',
  'studentNo',
  'major',
  'className',
  'grade',
  'phone',
  'certificate',
  'level',
  'levelCode',
  'batch',
] as const;
export type UploadColumnKey = (typeof uploadColumnKeys)[number];

/** The platform's header for each column: the standard layout, and a new layout's default text. */
export const uploadColumnHeaders: Record<UploadColumnKey, string> = {
  name: '姓名',
  gender: '性别',
  idType: '证件类型',
  idNumber: '证件号码',
  studentNo: '学号',
  major: '专业',
  className: '班级',
  grade: '年级',
  phone: '手机号码',
  certificate: '证书名称',
  level: '等级',
  levelCode: '等级代码',
  batch: '考核批次',
};

/** Columns written as text cells, so Excel keeps every digit (ID numbers, 学号, phones). */
export const uploadTextColumns: readonly UploadColumnKey[] = [
  'idNumber',
  'studentNo',
  'grade',
  'phone',
];

export interface UploadColumn {
  key: UploadColumnKey;
  header: string;
}

/** The platform's own layout: every column, in its order, under its header. */
export const standardUploadLayout: readonly UploadColumn[] = uploadColumnKeys.map((key) => ({
  key,
  header: uploadColumnHeaders[key],
}));

export const MAX_UPLOAD_HEADER_LENGTH = 50;

/** What is wrong with a layout's columns, in Chinese, by position; empty when it can be used. */
export function uploadLayoutProblems(columns: readonly UploadColumn[]): string[] {
  if (columns.length === 0) return ['至少选择一列'];
  const problems: string[] = [];
  const seenKeys = new Set<string>();
  const seenHeaders = new Set<string>();
  columns.forEach((column, i) => {
    const where = `第 ${i + 1} 列`;
    const header = column.header.trim();
    if (seenKeys.has(column.key)) {
      problems.push(`${where}：“${uploadColumnHeaders[column.key]}”已在前面选过`);
    }
    seenKeys.add(column.key);
    if (header === '') problems.push(`${where}：请填写表头文字`);
    else if (header.length > MAX_UPLOAD_HEADER_LENGTH) {
      problems.push(`${where}：表头文字过长（最多 ${MAX_UPLOAD_HEADER_LENGTH} 个字）`);
    } else if (seenHeaders.has(header)) problems.push(`${where}：表头“${header}”重复`);
    seenHeaders.add(header);
  });
  return problems;
}
