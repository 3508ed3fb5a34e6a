import { describe, expect, it } from 'vitest';
import { normalizeMultilineText, normalizeText, parseDateText } from '../../../shared/domain/text';

describe('normalizeText', () => {
  it('turns full-width digits and letters half-width and keeps Chinese punctuation', () => {
    expect(normalizeText('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normalizeText('建筑信息模型（ＢＩＭ）')).toBe('建筑信息模型（BIM）');
  });
  it('collapses NBSP, ideographic spaces, tabs and line breaks, trims, drops zero-width', () => {
    expect(normalizeText('\u00A0张\u3000\u3000三\t\r\n李\u200B四 ')).toBe('张 三 李四');
    expect(normalizeText('\uFEFF证书名称')).toBe('证书名称');
  });
  it('keeps line breaks in multi-line notes', () => {
    expect(normalizeMultilineText(' 第一行\u3000 \r\n\r\n\r\n 第二行 ')).toBe('第一行\n\n第二行');
  });
});

describe('parseDateText', () => {
  it.each([
    ['2020-09-01', '2020-09-01'],
    ['2020/9/1', '2020-09-01'],
    ['2020.9.1', '2020-09-01'],
    ['2020年9月1日', '2020-09-01'],
    ['２０２０年９月１日', '2020-09-01'],
    ['20200901', '2020-09-01'],
    // Excel date serials, as a 常规 cell shows them.
    ['44185', '2020-12-20'],
    ['46359', '2026-12-03'],
    ['4418', undefined],
    // A date column a system exported with its time.
    ['2020-12-20 00:00:00', '2020-12-20'],
    ['2020/12/20 8:30', '2020-12-20'],
    ['2020-12-20 八点', undefined],
    ['2020-02-30', undefined],
    ['九月一日', undefined],
  ])('%s → %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });
});
