/**
 * Domain terms of the school profile. The Chinese labels are domain
 * vocabulary shared by forms and exported documents, so they live here beside the codes.
 */
export const schoolKinds = [
  'higher_vocational',
  'secondary_vocational',
  'applied_undergraduate',
  'technical_school',
] as const;
export type SchoolKind = (typeof schoolKinds)[number];

export const schoolKindLabels: Record<SchoolKind, string> = {
  higher_vocational: '高等职业学校',
  secondary_vocational: '中等职业学校（不含技工学校）',
  applied_undergraduate: '应用型本科高校',
  technical_school: '技工学校',
};

export const demonstrationLevels = ['national', 'provincial', 'municipal', 'none'] as const;
export type DemonstrationLevel = (typeof demonstrationLevels)[number];

export const demonstrationLevelLabels: Record<DemonstrationLevel, string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  none: '无',
};

/** The 17 city-level units of Hubei (市州), in the order the province lists them. */
export const hubeiCities = [
  '武汉市',
  '黄石市',
  '十堰市',
  '宜昌市',
  '襄阳市',
  '鄂州市',
  '荆门市',
  '孝感市',
  '荆州市',
  '黄冈市',
  '咸宁市',
  '随州市',
  '恩施土家族苗族自治州',
  '仙桃市',
  '潜江市',
  '天门市',
  '神农架林区',
] as const;
