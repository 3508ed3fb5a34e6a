import iconv from 'iconv-lite';
import { CoreError } from '../errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the bytes of a text file as Chinese offices produce them: UTF-8 (with or without BOM),
 * UTF-16 with BOM ("Unicode 文本"), or GBK/GB18030 — what Chinese Excel writes for “CSV (逗号分隔)”.
 * Strict UTF-8 is tried first; bytes that are not valid UTF-8 are read as GB18030.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  assertLooksLikeText(bytes);
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    assertOneEncoding(bytes);
    const text = iconv.decode(Buffer.from(bytes), 'gb18030');
    assertFewReplacements(text);
    return { text, encoding: 'gb18030' };
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CoreError(
      'BAD_FILE',
      '文件开头标明是 UTF-8 编码，但内容不是有效的 UTF-8 文本，可能已损坏。请在 Excel 中重新另存为 CSV 后再导入。',
    );
  }
}

const notText = () =>
  new CoreError(
    'BAD_FILE',
    '文件既不是 Excel 工作簿（.xlsx），也不是 CSV 文本文件，可能已损坏或选错了文件。请选择 .xlsx 或 .csv 文件。',
  );

/** Text files have no NUL bytes and few control characters; binary files have many. */
function assertLooksLikeText(bytes: Uint8Array): void {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) throw notText();
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x1a) {
      control += 1;
    }
  }
  if (control > sample.length / 100 + 2) throw notText();
}

function assertFewReplacements(text: string): void {
  let bad = 0;
  for (const ch of text) if (ch === '\uFFFD') bad += 1;
  if (bad > text.length / 100 + 2) throw notText();
}

/** Chinese characters, CJK punctuation and full-width forms: what UTF-8 Chinese text decodes to. */
const chineseChar = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/u;
const hanChar = /[\u4e00-\u9fff]/u;

const lineList = (lines: number[]) =>
  lines.length > 3 ? `${lines.slice(0, 3).join('、')} 等` : lines.join('、');

/**
 * A file that is not valid UTF-8 is read as GBK. If some of its lines are nevertheless UTF-8
 * Chinese (rows pasted from another file, or appended by another program), reading the whole
 * file as GBK would save those rows as mojibake: such a file is refused, naming the lines. A
 * line counts as UTF-8 only if it decodes strictly to at least four Chinese characters and nothing
 * else non-ASCII — GBK bytes that happen to be valid UTF-8 decode to Latin, Greek or Cyrillic letters.
 */
function assertOneEncoding(bytes: Uint8Array): void {
  const utf8Lines: number[] = [];
  const gbkLines: number[] = [];
  let start = 0;
  let lineNumber = 1;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    if (line.some((b) => b >= 0x80)) {
      let text: string | null;
      try {
        text = utf8.decode(line);
      } catch {
        text = null;
      }
      const wide = text === null ? [] : [...text].filter((ch) => ch.charCodeAt(0) >= 0x80);
      if (text === null) gbkLines.push(lineNumber);
      else if (
        wide.every((ch) => chineseChar.test(ch)) &&
        wide.filter((ch) => hanChar.test(ch)).length >= 4
      ) {
        utf8Lines.push(lineNumber);
      }
    }
    start = i + 1;
    lineNumber += 1;
  }
  if (utf8Lines.length > 0 && gbkLines.length > 0) {
    throw new CoreError(
      'BAD_FILE',
      `文件混用了两种文字编码：第 ${lineList(utf8Lines)} 行是 UTF-8，第 ${lineList(gbkLines)} 行是 GBK（ANSI）。按任何一种读取都会有一部分汉字变成乱码，因此未读取。请在 Excel 或记事本中打开文件，统一另存为“CSV UTF-8（逗号分隔）”后再导入。`,
      { utf8Lines: utf8Lines.slice(0, 20), gbkLines: gbkLines.slice(0, 20) },
    );
  }
}
