import { describe, expect, it } from 'vitest';
import {
  defaultPhotoRules,
  photoFileName,
  photoNameKeys,
  photoProblems,
  photoRulesProblems,
} from '../../../shared/domain/photos';

describe('photo rules', () => {
  const facts = { bytes: 80 * 1024, type: 'jpg' as const, width: 295, height: 413 };

  it('passes a 一寸 photo at the limits and names each fault', () => {
    expect(photoProblems(facts, defaultPhotoRules)).toEqual([]);
    expect(photoProblems({ ...facts, bytes: 40 * 1024 }, defaultPhotoRules)).toEqual([]);
    expect(photoProblems({ ...facts, bytes: 200 * 1024 }, defaultPhotoRules)).toEqual([]);
    expect(photoProblems({ ...facts, bytes: 200 * 1024 + 1 }, defaultPhotoRules)).toEqual([
      '文件过大：200 KB，要求 40–200 KB',
    ]);
    expect(photoProblems({ ...facts, width: 294 }, defaultPhotoRules)).toEqual([
      '像素过小：294×413，至少 295×413（宽×高）',
    ]);
    expect(photoProblems({ ...facts, width: 413, height: 413 }, defaultPhotoRules)).toEqual([
      '不是竖版照片：413×413，证件照应高大于宽',
    ]);
    expect(
      photoProblems(
        { bytes: 10, type: null, actually: 'PDF 文档', width: null, height: null },
        defaultPhotoRules,
      ),
    ).toEqual(['不是 JPEG 或 PNG 图片（按文件内容识别：PDF 文档）']);
  });

  it('refuses rules that cannot be met or would give every photo the same name', () => {
    expect(photoRulesProblems(defaultPhotoRules)).toEqual([]);
    expect(
      photoRulesProblems({ ...defaultPhotoRules, minKb: 200, namePattern: '照片' }).map(
        (p) => p.field,
      ),
    ).toEqual(['maxKb', 'namePattern']);
  });

  it('matches a file by the parts of its name and names an export by the pattern', () => {
    expect(photoNameKeys('照片/张三_42010620040301002x.JPG')).toEqual([
      '张三_42010620040301002X',
      '张三',
      '42010620040301002X',
    ]);
    expect(photoNameKeys('2020000001 (1).png')).toEqual(['2020000001 (1)', '2020000001', '1']);
    const who = { name: '张三', idNumber: '420106200403010026', studentNo: '2020000001' };
    expect(photoFileName(defaultPhotoRules.namePattern, who, 'jpg')).toBe(
      '张三_420106200403010026.jpg',
    );
    expect(photoFileName('{学号}/{姓名}', who, 'png')).toBe('2020000001_张三.png');
  });
});
