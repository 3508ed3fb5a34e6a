import { describe, expect, it } from 'vitest';
import { attachmentNameSchema } from '../../../shared/contract/attachments';
import {
  displayNameFromUpload,
  displayNameProblem,
  downloadFileName,
  formatBytes,
  MAX_ATTACHMENT_BYTES,
  sizeLimitMessage,
} from '../../../shared/domain/attachments';

describe('attachment sizes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [Math.round(52.3 * 1024 * 1024), '52.3 MB'],
    [MAX_ATTACHMENT_BYTES, '40.0 MB'],
    [3 * 1024 * 1024 * 1024, '3.00 GB'],
  ])('formats %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('names the file and both sizes when a file is too large', () => {
    expect(sizeLimitMessage('X.pdf', Math.round(52.3 * 1024 * 1024))).toBe(
      '文件“X.pdf”大小 52.3 MB，超过 40 MB 的上限',
    );
  });
});

describe('attachment names', () => {
  it.each([
    ['方案.pdf', '方案.pdf'],
    ['C:\\fakepath\\方案.pdf', '方案.pdf'],
    ['/home/user/扫描件.png', '扫描件.png'],
    ['  带空格.pdf  ', '带空格.pdf'],
    ['a\u0000b\u001f.pdf', 'ab.pdf'],
    ['\u0007', '未命名文件'],
    ['dir/', '未命名文件'],
    ['简历\u202Eexe.pdf.png', '简历exe.pdf.png'],
    ['\u200B方案\u2066.pdf\uFEFF', '方案.pdf'],
  ])('keeps %j for display as %j', (given, shown) => {
    expect(displayNameFromUpload(given)).toBe(shown);
  });

  it.each([
    ['方案.pdf', 'pdf', '方案.pdf'],
    ['方案.PDF', 'pdf', '方案.PDF'],
    ['方案', 'pdf', '方案.pdf'],
    ['照片.jpeg', 'jpg', '照片.jpeg'],
    ['照片.pdf', 'png', '照片.pdf.png'],
    ['../../etc/passwd', 'pdf', '_.._etc_passwd.pdf'],
    ['a:b*c?"d"<e>|f', 'xlsx', 'a_b_c__d__e__f.xlsx'],
    ['...', 'docx', '附件.docx'],
    ['报告\u0000\u001b.docx', 'docx', '报告.docx'],
    ['.hidden.pdf', 'pdf', 'hidden.pdf'],
    ['简历\u202Eexe.pdf', 'png', '简历exe.pdf.png'],
  ] as const)('downloads %j (%s) as %j', (name, ext, file) => {
    expect(downloadFileName(name, ext)).toBe(file);
  });

  it('cuts long download names in the stem, keeping the extension', () => {
    const file = downloadFileName('长'.repeat(300), 'pdf');
    expect(file).toHaveLength(200);
    expect(file.endsWith('长.pdf')).toBe(true);
  });

  it.each([
    ['', '请填写附件名称'],
    ['   ', '请填写附件名称'],
    ['a/b', '附件名称不能包含'],
    ['a\\b', '附件名称不能包含'],
    ['a\tb', '附件名称不能包含'],
    ['x'.repeat(256), '不能超过 255 个字符'],
    ['\u202E\u200B', '请填写附件名称'],
  ])('refuses %j as a name', (name, message) => {
    expect(displayNameProblem(name)).toContain(message);
    const parsed = attachmentNameSchema.safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(message);
  });

  it('accepts an ordinary Chinese name, trimmed', () => {
    expect(displayNameProblem('2020级软件技术专业人才培养方案（定稿）')).toBeNull();
    expect(attachmentNameSchema.parse('  合作协议  ')).toBe('合作协议');
  });

  it('keeps a typed name without its invisible characters', () => {
    expect(displayNameProblem('简历\u202Eexe.pdf')).toBeNull();
    expect(attachmentNameSchema.parse(' 简历\u202Eexe.pdf\u200B ')).toBe('简历exe.pdf');
  });
});
