/**
 * 考场编排: candidates into room × session × seat, and 准考证号 from the
 * coordinator's pattern. Pure: the core saves what these return, the page previews the same.
 *
 * - Never over capacity: too few seats is an error saying how many are missing.
 * - A seat (room, session, number) is used once; a candidate gets one seat.
 * - 原班 keeps a class together where it fits in one room and session, classes and students
 *   in 学号 order; 打乱 shuffles with a seeded PRNG, so the same seed gives the same plan.
 * - Ticket numbers come from a pattern of tokens; numbers the evaluation organization issued
 *   always win; every number of a batch is unique or nothing is generated.
 */

export const arrangementModes = ['class', 'mixed'] as const;
export type ArrangementMode = (typeof arrangementModes)[number];

export interface ArrangeCandidate {
  signupId: number;
  studentNo: string;
  className: string;
}

/** One room in one session: `capacity` seats numbered 1…capacity. In the order they fill. */
export interface ArrangeSlot {
  roomId: number;
  sessionId: number;
  capacity: number;
}

export interface Placement {
  signupId: number;
  roomId: number;
  sessionId: number;
  seat: number;
}

/** A plan that cannot be made; the message is Chinese and says what to change. */
export class ArrangementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArrangementError';
  }
}

/** mulberry32: a small, well-known 32-bit PRNG; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the seeded PRNG; the input is not changed. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const byStudentNo = (a: ArrangeCandidate, b: ArrangeCandidate) =>
  a.studentNo < b.studentNo ? -1 : a.studentNo > b.studentNo ? 1 : a.signupId - b.signupId;

const collator = new Intl.Collator('zh-CN', { numeric: true });

export const totalCapacity = (slots: readonly ArrangeSlot[]) =>
  slots.reduce((sum, s) => sum + s.capacity, 0);

/**
 * Places every candidate in a seat. 原班: classes in name order, each placed whole in the first
 * room × session that still has room for it, else spread over the free seats in slot order;
 * within a class by 学号. 打乱: 学号 order shuffled by `seed`, seats filled slot by slot.
 */
export function arrange(
  candidates: readonly ArrangeCandidate[],
  slots: readonly ArrangeSlot[],
  mode: ArrangementMode,
  seed: number,
): Placement[] {
  const ids = new Set<number>();
  for (const c of candidates) {
    if (ids.has(c.signupId)) throw new ArrangementError(`考生重复（报名记录 ${c.signupId}）`);
    ids.add(c.signupId);
  }
  if (candidates.length === 0) return [];
  if (slots.length === 0) {
    throw new ArrangementError('还没有考场或场次：请先添加至少一个考场和一个场次，再编排。');
  }
  const capacity = totalCapacity(slots);
  if (candidates.length > capacity) {
    throw new ArrangementError(
      `座位不够：${candidates.length} 名考生，考场×场次共 ${capacity} 个座位，还差 ${
        candidates.length - capacity
      } 个座位。请增加考场、场次或考场容量后再编排。`,
    );
  }
  const used = slots.map(() => 0);
  const placements: Placement[] = [];
  const seatIn = (slotIndex: number, candidate: ArrangeCandidate) => {
    const slot = slots[slotIndex];
    used[slotIndex] += 1;
    placements.push({
      signupId: candidate.signupId,
      roomId: slot.roomId,
      sessionId: slot.sessionId,
      seat: used[slotIndex],
    });
  };
  const fillInOrder = (list: readonly ArrangeCandidate[]) => {
    let slotIndex = 0;
    for (const candidate of list) {
      while (used[slotIndex] >= slots[slotIndex].capacity) slotIndex += 1;
      seatIn(slotIndex, candidate);
    }
  };

  if (mode === 'mixed') {
    fillInOrder(seededShuffle([...candidates].sort(byStudentNo), seed));
    return placements;
  }

  const classes = new Map<string, ArrangeCandidate[]>();
  for (const c of [...candidates].sort(byStudentNo)) {
    const list = classes.get(c.className) ?? [];
    list.push(c);
    classes.set(c.className, list);
  }
  const ordered = [...classes.entries()].sort(([a], [b]) => collator.compare(a, b));
  const spill: ArrangeCandidate[] = [];
  for (const [, members] of ordered) {
    const whole = slots.findIndex((s, i) => s.capacity - used[i] >= members.length);
    if (whole >= 0) for (const m of members) seatIn(whole, m);
    else spill.push(...members);
  }
  // Classes larger than any free room: spread, still together in 学号 order, over what is left.
  fillInOrder(spill);
  return placements;
}

// ---- 准考证号 ----

export const ticketTokens = ['批次', '考场', '场次', '座位', '序号', '年'] as const;
export type TicketToken = (typeof ticketTokens)[number];

export const DEFAULT_TICKET_PATTERN = '{批次}{考场}{座位}';

/** What a token becomes when no width is given (`{座位:3}` sets one). */
const defaultWidth: Record<TicketToken, number> = {
  批次: 0,
  考场: 2,
  场次: 2,
  座位: 2,
  序号: 4,
  年: 0,
};

type PatternPart = string | { token: TicketToken; width: number };

/** The pattern's literal text and tokens, or a Chinese message naming the bad token. */
export function parseTicketPattern(
  pattern: string,
): { ok: true; parts: PatternPart[] } | { ok: false; message: string } {
  const parts: PatternPart[] = [];
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  let token = false;
  for (const m of pattern.matchAll(re)) {
    if (m.index > last) parts.push(pattern.slice(last, m.index));
    last = m.index + m[0].length;
    const [name, widthText] = m[1].split(':');
    if (!(ticketTokens as readonly string[]).includes(name)) {
      return {
        ok: false,
        message: `准考证号规则中的“{${m[1]}}”无法识别，可用：${ticketTokens.map((t) => `{${t}}`).join('、')}`,
      };
    }
    let width = defaultWidth[name as TicketToken];
    if (widthText !== undefined) {
      width = Number(widthText);
      if (!Number.isInteger(width) || width < 1 || width > 10) {
        return { ok: false, message: `准考证号规则中“{${m[1]}}”的位数应为 1–10 的整数` };
      }
    }
    parts.push({ token: name as TicketToken, width });
    token = true;
  }
  if (last < pattern.length) parts.push(pattern.slice(last));
  const rest = parts.filter((p): p is string => typeof p === 'string').join('');
  if (/[{}]/.test(rest)) return { ok: false, message: '准考证号规则中的花括号不成对' };
  if (!token) {
    return {
      ok: false,
      message: '准考证号规则至少要有一个{座位}或{序号}之类的编号，否则号码全都相同',
    };
  }
  return { ok: true, parts };
}

/** One seated candidate as the number generator sees it, in the order {序号} counts. */
export interface TicketSeat {
  signupId: number;
  /** 1-based position of the room in the batch (考场号). */
  roomNo: number;
  /** 1-based position of the session (场次号). */
  sessionNo: number;
  seat: number;
  /** The number the evaluation organization issued, '' when none. */
  issuedNo: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * 准考证号 for every seat: the issued number where there is one, else the pattern's. Throws
 * ArrangementError when two would be the same (naming the number and how often).
 */
export function ticketNumbers(
  seats: readonly TicketSeat[],
  pattern: string,
  context: { batchCode: string; year: string },
): Map<number, { number: string; issued: boolean }> {
  const parsed = parseTicketPattern(pattern);
  if (!parsed.ok) throw new ArrangementError(parsed.message);
  const ordered = [...seats].sort(
    (a, b) => a.sessionNo - b.sessionNo || a.roomNo - b.roomNo || a.seat - b.seat,
  );
  const out = new Map<number, { number: string; issued: boolean }>();
  ordered.forEach((s, i) => {
    if (s.issuedNo !== '') {
      out.set(s.signupId, { number: s.issuedNo, issued: true });
      return;
    }
    const values: Record<TicketToken, (w: number) => string> = {
      批次: (w) => (w > 0 ? context.batchCode.padStart(w, '0') : context.batchCode),
      考场: (w) => pad(s.roomNo, w),
      场次: (w) => pad(s.sessionNo, w),
      座位: (w) => pad(s.seat, w),
      序号: (w) => pad(i + 1, w),
      年: (w) => (w > 0 ? context.year.slice(-w) : context.year),
    };
    const number = parsed.parts
      .map((p) => (typeof p === 'string' ? p : values[p.token](p.width)))
      .join('');
    out.set(s.signupId, { number, issued: false });
  });
  const counts = new Map<string, number>();
  for (const { number } of out.values()) counts.set(number, (counts.get(number) ?? 0) + 1);
  const repeated = [...counts.entries()].filter(([, n]) => n > 1);
  if (repeated.length > 0) {
    const [number, n] = repeated[0];
    const issuedClash = [...out.values()].some((v) => v.issued && v.number === number);
    throw new ArrangementError(
      issuedClash
        ? `按准考证号规则“${pattern}”生成的号码“${number}”与评价组织下发的准考证号相同，请修改规则（例如加上{批次}前缀）。`
        : `准考证号规则“${pattern}”不能使号码唯一：“${number}”出现 ${n} 次（共 ${repeated.length} 个号码重复）。多个场次时请加入{场次}，或改用{序号}。`,
    );
  }
  return out;
}

/** An ID number with its middle hidden, as tickets print it: 4201**********1234. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8)
    return id.length <= 2 ? id : `${id[0]}${'*'.repeat(id.length - 2)}${id.slice(-1)}`;
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** Seats a room offers by default: its 工位数, else 30. */
export const defaultRoomCapacity = (workstations: number | null | undefined) =>
  workstations && workstations > 0 ? workstations : 30;

/** A session time as saved: 'HH:MM', 00:00–23:59. */
export const SESSION_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/**
 * A time as typed (9:00, 9：00, 09:00, or without a separator 0900, 900, 1430) as 'HH:MM';
 * anything else is kept for the check to refuse.
 */
export function normalizeTime(text: string): string {
  const match = /^(\d{1,2})(?:[:：.]|(?=\d{2}$))(\d{2})$/.exec(text.trim());
  return match ? `${match[1].padStart(2, '0')}:${match[2]}` : text.trim();
}
