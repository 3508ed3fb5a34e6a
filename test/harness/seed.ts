import type { Core } from '../../electron/core';
import { computerMajor, softwareMajor } from './majors';
import type { HandlerName } from '../../shared/contract';
import type { Certificate } from '../../shared/contract/catalogue';

/** Calls a handler and returns its data, failing the test with the core's message otherwise. */
export async function call<T = unknown>(core: Core, name: HandlerName, input: unknown): Promise<T> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

/** The first certificate of the bundled sample catalogue whose name matches `search`. */
export async function findCertificate(core: Core, search = 'Web前端开发'): Promise<Certificate> {
  const [certificate] = await call<Certificate[]>(core, 'catalogue.list', { search });
  return certificate;
}

export const schoolProfile = {
  name: '湖北示例职业技术学院',
  code: '4142012345',
  kind: 'higher_vocational',
  demonstrationLevel: 'provincial',
  city: '武汉市',
};

/** A profile with every optional field filled, for tests that read each one back. */
export const fullSchoolProfile = {
  name: '湖北示例职业技术学院',
  code: '4142012345',
  kind: 'higher_vocational',
  demonstrationLevel: 'provincial',
  city: '宜昌市',
  address: '宜昌市西陵区某路 1 号',
  contactName: '王老师',
  contactPhone: '0717-6543210',
  email: '1x@example.edu.cn',
  weeklyReporterName: '李老师',
  weeklyReporterPhone: '13800138000',
};

/** A school ready to apply: profile, two majors, teachers, a room with equipment and a site. */
export async function seedSchool(
  core: Core,
  options: { teachers?: number; dualQualified?: number; prefix?: string } = {},
) {
  const { teachers = 12, dualQualified = 4, prefix = 'T' } = options;
  await call(core, 'school.save', schoolProfile);
  const majors = [
    await call<{ id: number }>(core, 'majors.save', softwareMajor),
    await call<{ id: number }>(core, 'majors.save', computerMajor),
  ];
  const teacherIds: number[] = [];
  for (let i = 0; i < teachers; i += 1) {
    const teacher = await call<{ id: number }>(core, 'teachers.save', {
      name: `教师${i + 1}`,
      gender: i % 2 === 0 ? 'male' : 'female',
      staffNo: `${prefix}${String(i + 1).padStart(4, '0')}`,
      title: '讲师',
      majorId: majors[0].id,
      fullTime: true,
      dualQualified: i < dualQualified,
      canTeachIndependently: true,
      assessor: false,
    });
    teacherIds.push(teacher.id);
  }
  const room = await call<{ id: number }>(core, 'rooms.save', {
    name: '软件开发实训室',
    areaM2: 120,
    workstations: 50,
    equipment: [{ name: '计算机', model: 'i5/16G', quantity: 50, unitValue: 4500 }],
  });
  const site = await call<{ id: number }>(core, 'sites.save', {
    name: '某软件公司实习基地',
    campus: 'off',
    partner: '某软件有限公司',
    capacity: 60,
    agreementStart: '2020-09-01',
    agreementEnd: '2023-08-31',
  });
  return { majorIds: majors.map((m) => m.id), teacherIds, roomIds: [room.id], siteIds: [site.id] };
}
