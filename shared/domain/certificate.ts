/** Vocabulary and rules of the certificate catalogue (证书目录). */
import { normalizeText } from './text';

export const certificateLevels = ['junior', 'intermediate', 'senior'] as const;
export type CertificateLevel = (typeof certificateLevels)[number];

export const certificateLevelLabels: Record<CertificateLevel, string> = {
  junior: '初级',
  intermediate: '中级',
  senior: '高级',
};

/** How the national platform (vslc.ncb.edu.cn) codes the levels. */
export const certificateLevelCodes: Record<CertificateLevel, 1 | 2 | 3> = {
  junior: 1,
  intermediate: 2,
  senior: 3,
};

const levelWords: Record<string, CertificateLevel> = {
  初级: 'junior',
  初: 'junior',
  '1': 'junior',
  junior: 'junior',
  中级: 'intermediate',
  中: 'intermediate',
  '2': 'intermediate',
  intermediate: 'intermediate',
  高级: 'senior',
  高: 'senior',
  '3': 'senior',
  senior: 'senior',
};

/** Sorts levels 初级 → 中级 → 高级 and drops repeats. */
export function sortLevels(levels: Iterable<CertificateLevel>): CertificateLevel[] {
  const set = new Set(levels);
  return certificateLevels.filter((l) => set.has(l));
}

/**
 * Reads levels as sheets write them: `初级、中级、高级`, `初级/中级`, `1,2,3`, `全部`.
 * Returns the sorted levels, or the words it could not read.
 */
export function parseLevels(
  text: string,
): { ok: true; levels: CertificateLevel[] } | { ok: false; unknown: string[] } {
  const cleaned = normalizeText(text);
  const compact = cleaned.replace(/[、,，;；/|\s]/g, '');
  if (['全部', '所有', '初中高', '全部等级'].includes(compact)) {
    return { ok: true, levels: [...certificateLevels] };
  }
  const words = cleaned
    .split(/[、,，;；/|\s]+|(?<=级)(?=[初中高])/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '');
  const unknown = words.filter((w) => !Object.hasOwn(levelWords, w));
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, levels: sortLevels(words.map((w) => levelWords[w])) };
}

const chineseNumerals = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `1`, `第1批`, `一` → `第一批`; anything else is kept as typed (trimmed). */
export function normalizeBatch(text: string): string {
  const cleaned = normalizeText(text);
  const match = /^第?\s*(\d{1,2}|[一二三四五六七八九十])\s*批?$/.exec(cleaned);
  if (!match) return cleaned;
  const n = /\d/.test(match[1]) ? Number(match[1]) : chineseNumerals.indexOf(match[1]);
  return n >= 1 && n <= 10 ? `第${chineseNumerals[n]}批` : cleaned;
}

/** The highest cap accepted: ¥999,999.99, far above any published exam cost. */
export const MAX_COST_CAP_FEN = 99_999_999;
