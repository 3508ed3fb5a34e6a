import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ArrangementError,
  arrange,
  maskIdNumber,
  normalizeTime,
  SESSION_TIME,
  parseTicketPattern,
  ticketNumbers,
  type ArrangeCandidate,
  type ArrangeSlot,
  type Placement,
  type TicketSeat,
} from '../../shared/domain/arrangement';

const candidates = (count: number, classOf = (i: number) => `班${(i % 3) + 1}`) =>
  Array.from({ length: count }, (_, i): ArrangeCandidate => ({
    signupId: i + 1,
    studentNo: `2020${String(i + 1).padStart(4, '0')}`,
    className: classOf(i),
  }));

const slots = (capacities: number[], sessions = 1): ArrangeSlot[] =>
  Array.from({ length: sessions }, (_, s) =>
    capacities.map((capacity, r) => ({ roomId: r + 1, sessionId: s + 1, capacity })),
  ).flat();

/** Every candidate seated once, no seat twice, no seat beyond its room's capacity. */
function expectValid(plan: Placement[], people: ArrangeCandidate[], places: ArrangeSlot[]) {
  expect(plan.map((p) => p.signupId).sort((a, b) => a - b)).toEqual(
    people.map((c) => c.signupId).sort((a, b) => a - b),
  );
  const seats = plan.map((p) => `${p.roomId}/${p.sessionId}/${p.seat}`);
  expect(new Set(seats).size).toBe(seats.length);
  for (const p of plan) {
    const slot = places.find((s) => s.roomId === p.roomId && s.sessionId === p.sessionId);
    expect(slot).toBeDefined();
    expect(p.seat).toBeGreaterThanOrEqual(1);
    expect(p.seat).toBeLessThanOrEqual(slot!.capacity);
  }
}

describe('arrange', () => {
  it('refuses too few seats, saying how many are missing', () => {
    expect(() => arrange(candidates(121), slots([40, 40, 40]), 'class', 1)).toThrow(
      '座位不够：121 名考生，考场×场次共 120 个座位，还差 1 个座位',
    );
    expect(() => arrange(candidates(3), [], 'mixed', 1)).toThrow(ArrangementError);
    expect(arrange(candidates(120), slots([40, 40, 40]), 'class', 1)).toHaveLength(120);
    expect(arrange([], [], 'class', 1)).toEqual([]);
  });

  it('原班 keeps each class in one room when it fits, in 学号 order from seat 1', () => {
    const people = candidates(90, (i) => `班${Math.floor(i / 30) + 1}`);
    const plan = arrange(people, slots([35, 35, 35]), 'class', 1);
    expectValid(plan, people, slots([35, 35, 35]));
    for (const name of ['班1', '班2', '班3']) {
      const members = plan.filter((p) => people[p.signupId - 1].className === name);
      expect(new Set(members.map((m) => m.roomId)).size).toBe(1);
      const bySeat = [...members].sort((a, b) => a.seat - b.seat);
      const nos = bySeat.map((m) => people[m.signupId - 1].studentNo);
      expect(nos).toEqual([...nos].sort());
      expect(bySeat[0].seat).toBe(1);
    }
  });

  it('原班 spreads a class larger than any room over the free seats, still in 学号 order', () => {
    const people = candidates(50, () => '大班');
    const plan = arrange(people, slots([30, 30]), 'class', 1);
    expectValid(plan, people, slots([30, 30]));
    expect(plan.filter((p) => p.roomId === 1)).toHaveLength(30);
    expect(plan.find((p) => p.signupId === 31)).toMatchObject({ roomId: 2, seat: 1 });
  });

  it('打乱 gives the same plan for the same seed and another for another seed', () => {
    const people = candidates(60);
    const places = slots([30, 30]);
    const a = arrange(people, places, 'mixed', 42);
    expect(arrange([...people].reverse(), places, 'mixed', 42)).toEqual(a);
    expect(arrange(people, places, 'mixed', 43)).not.toEqual(a);
    expectValid(a, people, places);
  });

  it('never over capacity and no seat twice, for any class mix, rooms, sessions and seed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('class' as const, 'mixed' as const),
        fc.integer(),
        (capacities, sessions, count, classCount, mode, seed) => {
          const people = candidates(count, (i) => `班${(i * 7) % classCount}`);
          const places = slots(capacities, sessions);
          const total = places.reduce((s, p) => s + p.capacity, 0);
          if (count > total) {
            expect(() => arrange(people, places, mode, seed)).toThrow(
              `还差 ${count - total} 个座位`,
            );
            return;
          }
          expectValid(arrange(people, places, mode, seed), people, places);
        },
      ),
    );
  });
});

describe('ticket numbers', () => {
  const seat = (signupId: number, roomNo: number, seatNo: number, issuedNo = ''): TicketSeat => ({
    signupId,
    roomNo,
    sessionNo: 1,
    seat: seatNo,
    issuedNo,
  });
  const context = { batchCode: '2011', year: '2020' };

  it('fills the pattern, zero-padded, and keeps numbers the organization issued', () => {
    const numbers = ticketNumbers(
      [seat(1, 1, 1), seat(2, 1, 2), seat(3, 2, 1, 'ORG-778')],
      '{批次}{考场}{座位}',
      context,
    );
    expect(numbers.get(1)).toEqual({ number: '20110101', issued: false });
    expect(numbers.get(2)).toEqual({ number: '20110102', issued: false });
    expect(numbers.get(3)).toEqual({ number: 'ORG-778', issued: true });
    const sequence = ticketNumbers([seat(5, 2, 1), seat(4, 1, 9)], 'ZK{年}{序号:5}', context);
    expect(sequence.get(4)?.number).toBe('ZK202000001');
    expect(sequence.get(5)?.number).toBe('ZK202000002');
  });

  it('refuses a pattern that cannot make the numbers unique, naming the repeated one', () => {
    const seats = [seat(1, 1, 1), { ...seat(2, 1, 1), sessionNo: 2 }];
    expect(() => ticketNumbers(seats, '{批次}{考场}{座位}', context)).toThrow(
      '准考证号规则“{批次}{考场}{座位}”不能使号码唯一：“20110101”出现 2 次',
    );
    expect(ticketNumbers(seats, '{批次}{场次:1}{考场}{座位}', context).get(2)?.number).toBe(
      '201120101',
    );
    expect(() =>
      ticketNumbers([seat(1, 1, 1), seat(2, 1, 2, '20110101')], '{批次}{考场}{座位}', context),
    ).toThrow('与评价组织下发的准考证号相同');
  });

  it('names a token it cannot read', () => {
    expect(parseTicketPattern('{批次}{房间}')).toMatchObject({ ok: false });
    expect(parseTicketPattern('ABC')).toMatchObject({ ok: false });
    expect(parseTicketPattern('{座位:0}')).toMatchObject({ ok: false });
    expect(() => ticketNumbers([seat(1, 1, 1)], '{房间}', context)).toThrow('“{房间}”无法识别');
  });

  it('{序号} numbers are unique for any seating', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (n) => {
        const seats = Array.from({ length: n }, (_, i) => seat(i + 1, (i % 3) + 1, i + 1));
        const numbers = [...ticketNumbers(seats, '{序号}', context).values()].map((v) => v.number);
        expect(new Set(numbers).size).toBe(n);
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('hides the middle of an ID number', () => {
    expect(maskIdNumber('420106200403011234')).toBe('4201**********1234');
    expect(maskIdNumber('H1234567')).toBe('H******7');
  });
});

describe('normalizeTime', () => {
  it('takes a session time as typed and leaves what is no time for the check to refuse', () => {
    expect(['9:00', '09:00', '9：30', ' 14.05 ', '0900', '900', '1430'].map(normalizeTime)).toEqual(
      ['09:00', '09:00', '09:30', '14:05', '09:00', '09:00', '14:30'],
    );
    expect(normalizeTime('2500')).toBe('25:00');
    expect(SESSION_TIME.test(normalizeTime('2500'))).toBe(false);
    expect(normalizeTime('90')).toBe('90');
    expect(normalizeTime('25:00')).toBe('25:00');
    expect(SESSION_TIME.test(normalizeTime('25:00'))).toBe(false);
    expect(normalizeTime('九点')).toBe('九点');
  });
});
