import { describe, expect, it } from 'vitest';
import {
  fenToYuan,
  fenToYuanText,
  formatFen,
  roundYuanToFen,
  yuanToFen,
} from '../../../shared/domain/money';

describe('money in fen', () => {
  it.each([
    ['0', 0],
    ['1', 100],
    ['1234.5', 123450],
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['¥ 300', 30000],
    // The unit typed after the amount, as a text box takes it like a number box.
    ['450元', 45000],
    ['1,200.50 元', 120050],
    // A Chinese keyboard's full-width digits and its 。 for the decimal point.
    ['３００', 30000],
    ['１，２００．５', 120050],
    ['300。5', 30050],
    [0.1, 10],
    [0.29, 29],
  ] as const)('%s yuan is %i fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(['', 'abc', '1.234', '-1', '1e3', '12345678901', '元', '4元5', '450元元'])(
    '%s is not an amount',
    (text) => {
      expect(yuanToFen(text)).toBeUndefined();
    },
  );

  it('formats fen as yuan with thousands separators', () => {
    expect(formatFen(123450)).toBe('¥1,234.50');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-100)).toBe('-¥1.00');
    expect(fenToYuan(123450)).toBe(1234.5);
  });

  it('converts number inputs and text inputs both ways', () => {
    expect(roundYuanToFen(0.29)).toBe(29);
    expect(roundYuanToFen(1234.5)).toBe(123450);
    expect(roundYuanToFen(fenToYuan(123457))).toBe(123457);
    expect(fenToYuanText(123450)).toBe('1234.50');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(yuanToFen(fenToYuanText(98765))).toBe(98765);
  });
});
