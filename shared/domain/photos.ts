/**
 * Candidate photos (证件照): the checks an evaluation organization asks of a
 * photo, how a photo file is matched to a student by its name, and how an exported photo is
 * named. Pure, so the import's report and the settings form say the same.
 */
import { safeFileName } from './fileNames';

export interface PhotoRules {
  /** Smallest and largest file size in KB (1 KB = 1024 bytes). */
  minKb: number;
  maxKb: number;
  /** Smallest size in pixels (一寸 at 300 dpi is 295 × 413). */
  minWidth: number;
  minHeight: number;
  /** Export name: {姓名} {身份证号} {学号} replaced, the extension added. */
  namePattern: string;
}

/** What an organization is held to until the coordinator records its own range. */
export const defaultPhotoRules: PhotoRules = {
  minKb: 40,
  maxKb: 200,
  minWidth: 295,
  minHeight: 413,
  namePattern: '{姓名}_{身份证号}',
};

export const photoNameFields = ['{姓名}', '{身份证号}', '{学号}'] as const;

/** What a photo file is, as read from its bytes (type by content, never by its name). */
export interface PhotoFacts {
  bytes: number;
  /** null: not a JPEG or PNG by its content. */
  type: 'jpg' | 'png' | null;
  /** What the content really is when it is no photo, e.g. “PDF 文档” or “文本或无法识别的内容”. */
  actually?: string;
  width: number | null;
  height: number | null;
  /** false: the header reads but the picture does not decode to its end (a cut-off file). */
  intact?: boolean;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;

/** Everything wrong with a photo under `rules`, in Chinese; empty when it passes. */
export function photoProblems(facts: PhotoFacts, rules: PhotoRules): string[] {
  if (facts.type === null) {
    return [`不是 JPEG 或 PNG 图片（按文件内容识别：${facts.actually ?? '无法识别的内容'}）`];
  }
  const problems: string[] = [];
  if (facts.bytes < rules.minKb * 1024) {
    problems.push(`文件过小：${kb(facts.bytes)}，要求 ${rules.minKb}–${rules.maxKb} KB`);
  } else if (facts.bytes > rules.maxKb * 1024) {
    problems.push(`文件过大：${kb(facts.bytes)}，要求 ${rules.minKb}–${rules.maxKb} KB`);
  }
  if (facts.width === null || facts.height === null) {
    problems.push('无法读取图片的像素尺寸（文件可能已损坏）');
    return problems;
  }
  if (facts.intact === false) {
    problems.push('图片数据不完整或已损坏：无法完整显示，也无法印在准考证上');
  }
  if (facts.width < rules.minWidth || facts.height < rules.minHeight) {
    problems.push(
      `像素过小：${facts.width}×${facts.height}，至少 ${rules.minWidth}×${rules.minHeight}（宽×高）`,
    );
  }
  if (facts.width >= facts.height) {
    problems.push(`不是竖版照片：${facts.width}×${facts.height}，证件照应高大于宽`);
  }
  return problems;
}

/** Why rules cannot be saved, by field; empty when they can. */
export function photoRulesProblems(
  rules: PhotoRules,
): { field: keyof PhotoRules; message: string }[] {
  const problems: { field: keyof PhotoRules; message: string }[] = [];
  if (rules.maxKb <= rules.minKb) {
    problems.push({ field: 'maxKb', message: '文件大小上限应大于下限' });
  }
  if (!photoNameFields.some((f) => rules.namePattern.includes(f))) {
    problems.push({
      field: 'namePattern',
      message: `命名规则至少要包含 ${photoNameFields.join('、')} 之一，否则导出的照片会重名`,
    });
  }
  return problems;
}

/**
 * The keys a photo's file name can be matched by: the base name itself and its parts between
 * “_”, “-”, spaces and dots, upper-cased (an ID number's x is X). `张三_420106200403010026.jpg`
 * gives 张三_420106200403010026, 张三 and 420106200403010026.
 */
export function photoNameKeys(fileName: string): string[] {
  const base = (fileName.split('/').pop() ?? fileName).replace(/\.[^.]*$/, '').trim();
  const keys = [base, ...base.split(/[_\-\s.（）()]+/)].map((k) => k.trim().toUpperCase());
  return [...new Set(keys.filter((k) => k !== ''))];
}

/** The exported file name of a candidate's photo under `pattern`. */
export function photoFileName(
  pattern: string,
  candidate: { name: string; idNumber: string; studentNo: string },
  ext: 'jpg' | 'png',
): string {
  const name = pattern
    .replaceAll('{姓名}', candidate.name)
    .replaceAll('{身份证号}', candidate.idNumber)
    .replaceAll('{学号}', candidate.studentNo);
  return `${safeFileName(name)}.${ext}`;
}

/** A candidate's other papers for a batch, kept as attachments of the sign-up. */
export const candidateDocumentKinds = ['application_form', 'id_scan', 'enrolment_proof'] as const;
export type CandidateDocumentKind = (typeof candidateDocumentKinds)[number];

export const candidateDocumentLabels: Record<CandidateDocumentKind, string> = {
  application_form: '职业技能等级证书申请表',
  id_scan: '身份证扫描件',
  enrolment_proof: '在读证明',
};

/** Papers are scans or PDFs: the types a document of a candidate may have (by content). */
export const candidateDocumentTypes = ['pdf', 'jpg', 'png'] as const;
