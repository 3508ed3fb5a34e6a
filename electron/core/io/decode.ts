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
