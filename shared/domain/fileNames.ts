/**
 * File names safe to show and to save, for every name the app stores or writes: attachment
 * names, package entries, export and backup names.
 */

/**
 * Characters that are not seen but change what is shown: bidirectional controls (the override
 * U+202E makes “简历\u202Eexe.pdf.png” show as “简历gnp.fdp.exe”) and the other format
 * characters (zero-width, BOM, soft hyphen: Unicode Cf), control characters (Cc), and the line
 * and paragraph separators.
 */
const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** Characters no common file system accepts in a name. */
const reserved = /[\\/:*?"<>|]/g;
/** An extension kept when a long name is cut: a dot and up to 10 letters or digits. */
const extension = /\.[\p{L}\p{N}]{1,10}$/u;

/** `text` without invisible characters: what a name shows is what it is. */
export function visibleName(text: string): string {
  return text.replace(invisible, '');
}

/**
 * One plain file name: no invisible characters, reserved ones as `_`, no leading or trailing
 * dots or spaces (a leading dot hides a file), at most `maxLength` characters (cut in the stem,
 * keeping the extension), and `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = '_', maxLength = 200): string {
  const clean = visibleName(name)
    .replace(reserved, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (clean === '') return fallback;
  const chars = [...clean]; // by code point, so a cut never splits a character
  if (chars.length <= maxLength) return clean;
  const ext = extension.exec(clean)?.[0] ?? '';
  return chars.slice(0, maxLength - ext.length).join('') + ext;
}
