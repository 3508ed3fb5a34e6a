import { describe, expect, it } from 'vitest';
import { uploadedFileSchema } from '../../../shared/contract/files';
import { safeFileName, visibleName } from '../../../shared/domain/fileNames';

/** Every character a name may not keep: it changes what is shown without being seen. */
const invisibles = [
  '\u202E', // right-to-left override
  '\u202D', // left-to-right override
  '\u202A', // left-to-right embedding
  '\u202C', // pop directional formatting
  '\u2066', // left-to-right isolate
  '\u2067', // right-to-left isolate
  '\u2069', // pop directional isolate
  '\u200E', // left-to-right mark
  '\u200F', // right-to-left mark
  '\u061C', // Arabic letter mark
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\u2060', // word joiner
  '\uFEFF', // byte-order mark
  '\u00AD', // soft hyphen
  '\u2028', // line separator
  '\u2029', // paragraph separator
  '\u0000',
  '\u001B',
  '\u007F',
  '\u0085',
];

describe('names safe to show', () => {
  it('removes the right-to-left override that makes 简历\\u202Eexe.pdf.png show as 简历gnp.fdp.exe', () => {
    expect(visibleName('简历\u202Eexe.pdf.png')).toBe('简历exe.pdf.png');
    expect(safeFileName('简历\u202Eexe.pdf.png')).toBe('简历exe.pdf.png');
  });

  it.each(invisibles.map((c) => [c.codePointAt(0)!.toString(16).padStart(4, '0'), c]))(
    'removes U+%s from a name',
    (_code, c) => {
      expect(visibleName(`方${c}案.pdf`)).toBe('方案.pdf');
      expect(safeFileName(`${c}方案${c}.pdf${c}`)).toBe('方案.pdf');
    },
  );

  it('keeps what is seen: Chinese, full-width punctuation, spaces inside, emoji', () => {
    for (const name of ['2020级人才培养方案（定稿）.pdf', '合作 协议 扫描件.png', '照片📷.jpg']) {
      expect(safeFileName(name)).toBe(name);
    }
  });

  it.each([
    ['../../etc/passwd', '_.._etc_passwd'],
    ['a:b*c?"d"<e>|f', 'a_b_c__d__e__f'],
    ['.hidden', 'hidden'],
    ['  名单.xlsx . ', '名单.xlsx'],
  ])('makes %j one plain file name: %j', (given, safe) => {
    expect(safeFileName(given)).toBe(safe);
  });

  it('falls back when nothing visible is left', () => {
    expect(safeFileName('\u202E\u200B')).toBe('_');
    expect(safeFileName('...', '附件')).toBe('附件');
  });

  it('cuts a long name in the stem, keeping the extension and whole characters', () => {
    const cut = safeFileName(`${'长'.repeat(300)}.docx`, '_', 100);
    expect(cut).toBe(`${'长'.repeat(95)}.docx`);
    const emoji = safeFileName('📷'.repeat(10), '_', 5);
    expect(emoji).toBe('📷'.repeat(5));
  });

  it('takes every picked file’s name without them, at the contract', () => {
    const file = uploadedFileSchema.parse({ fileName: '简历\u202Eexe.pdf.png', contentBase64: '' });
    expect(file.fileName).toBe('简历exe.pdf.png');
    const empty = uploadedFileSchema.safeParse({ fileName: '\u202E', contentBase64: '' });
    expect(empty.error?.issues[0]?.message).toBe('缺少文件名');
  });
});
