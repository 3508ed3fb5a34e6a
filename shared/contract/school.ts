import * as z from 'zod';
import { isPhoneNumber, schoolCodePattern } from '../domain/formats';
import { demonstrationLevels, hubeiCities, schoolKinds } from '../domain/school';
import type { TopicsOf } from './topics';

/** An optional text field: trimmed, '' when empty, bounded. */
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .default('');

const optionalPhone = (label: string) =>
  optionalText(label, 30).refine((v) => v === '' || isPhoneNumber(v), {
    error: `${label}格式不正确：手机号为 11 位（如 13800138000），座机如 027-87654321`,
  });

/** The one schema for the school profile: the form and the core both validate with it. */
export const schoolProfileSchema = z.object({
  name: z
    .string({ error: '请填写学校名称' })
    .trim()
    .min(1, { error: '请填写学校名称' })
    .max(100, { error: '学校名称不能超过 100 个字' }),
  code: optionalText('学校标识码', 10).refine((v) => v === '' || schoolCodePattern.test(v), {
    error: '学校标识码应为 10 位数字',
  }),
  kind: z.enum(schoolKinds, { error: '请选择学校类型' }),
  demonstrationLevel: z.enum(demonstrationLevels, { error: '请选择示范校级别' }),
  city: z.enum(hubeiCities, { error: '请选择所在市州（湖北省 17 个市州之一）' }),
  address: optionalText('地址', 200),
  contactName: optionalText('联系人', 50),
  contactPhone: optionalPhone('联系电话'),
  email: optionalText('电子邮箱', 100).refine((v) => v === '' || z.email().safeParse(v).success, {
    error: '电子邮箱格式不正确，例如 office@school.edu.cn',
  }),
  weeklyReporterName: optionalText('周报填报人姓名', 50),
  weeklyReporterPhone: optionalPhone('周报填报人电话'),
});

export type SchoolProfileInput = z.input<typeof schoolProfileSchema>;
export type SchoolProfileData = z.output<typeof schoolProfileSchema>;

export interface SchoolProfile extends SchoolProfileData {
  /** ISO timestamp of the last save. */
  updatedAt: string;
}

export const schoolContract = {
  'school.get': { input: z.object({}).strict(), output: {} as SchoolProfile | null },
  'school.save': { input: schoolProfileSchema.strict(), output: {} as SchoolProfile },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const schoolTopics = {
  'school.get': { reads: ['school'] },
  'school.save': { writes: ['school'] },
} as const satisfies TopicsOf<typeof schoolContract>;
