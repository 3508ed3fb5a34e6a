import {
  answerUnsaved,
  anyErrorOf,
  attachScreenshot,
  choose,
  errorOf,
  fillDate,
  openApp,
  openDialog,
  openPage,
  pressInConfirm,
  tick,
} from '../harness/antd';
import { addMajor, fillTeacher, saveButton, type TeacherRow } from '../harness/uiFlows';
import { softwareMajorTyped } from '../harness/majors';
import { seedStaff } from '../harness/seedStaff';
import { expect, test } from '../harness/webHostTest';

/** The first teacher most tests here type. */
const zhangSan: TeacherRow = { staffNo: 'T001', name: '张三', gender: '女', title: '讲师' };

test.describe('专业、教师与实训条件', () => {
  test('majors, teachers (duplicate 工号 refused), a room with equipment and an off-campus site persist', async ({
    host,
    page,
  }, testInfo) => {
    test.setTimeout(180_000); // the whole path of four pages, typed as a coordinator would
    await openApp(page, await host.launchUrl());

    // 专业: the empty state says what to do first; a bad code is refused inline.
    await openPage(page, '专业');
    await expect(page.getByText('还没有登记专业')).toBeVisible();
    await page.getByRole('button', { name: '新增专业' }).click();
    await page.locator('#major_code').fill('51020');
    await page.locator('#major_code').blur();
    await expect(errorOf(page, 'major_code')).toHaveText(
      '专业代码应为 6 位数字（大类 2 位 + 类 2 位 + 专业 2 位），例如 510203',
    );
    await openDialog(page)
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await answerUnsaved(page, '放弃');
    await addMajor(page, softwareMajorTyped);
    await addMajor(page, {
      code: '530802',
      name: '现代物流管理',
      level: '高职专科',
      first: 2012,
      annual: 80,
    });
    const majors = page.getByTestId('majors-table');
    await expect(majors.locator('tbody tr')).toHaveCount(2);
    await expect(page.getByText('共 2 条')).toBeVisible();
    await attachScreenshot(page, testInfo, 'majors');

    // 教师: several teachers, then one with a 工号 already taken.
    await openPage(page, '教师');
    await expect(page.getByText('还没有登记教师')).toBeVisible();
    const teachers: TeacherRow[] = [
      { ...zhangSan, major: '510203 软件技术', dual: true },
      { staffNo: 'T002', name: '李四', gender: '男', title: '副教授', major: '510203 软件技术' },
      {
        staffNo: 'T003',
        name: '王五',
        gender: '男',
        title: '工程师',
        major: '530802 现代物流管理',
        dual: true,
      },
      {
        staffNo: 'T004',
        name: '钱六',
        gender: '女',
        title: '助教',
        fullTime: false,
        independent: false,
      },
    ];
    for (const teacher of teachers) {
      await fillTeacher(page, teacher);
      await expect(openDialog(page)).toHaveCount(0);
    }
    await fillTeacher(page, { staffNo: 't001', name: '赵七', gender: '男', title: '讲师' });
    await expect(errorOf(page, 'teacher_staffNo')).toHaveText(
      '工号 T001 已被教师“张三”使用，同一工号不能登记两次，未保存。',
    );
    await expect(page.getByText(/操作失败：工号 T001 已被教师“张三”使用/)).toBeVisible();
    await attachScreenshot(page, testInfo, 'teacher-duplicate');
    await openDialog(page)
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await answerUnsaved(page, '放弃');

    const teacherRows = page.getByTestId('teachers-table').locator('tbody tr');
    await expect(teacherRows).toHaveCount(4);
    await expect(page.getByTestId('stat-total')).toContainText('4');
    await expect(page.getByTestId('stat-dual')).toContainText('2');
    await expect(page.getByTestId('stat-dual')).toContainText('占教师人数 50.0%');
    await expect(page.getByTestId('stat-independent')).toContainText('3');

    // Filters: by major, and by 双师型; the counts follow the filter.
    await choose(page, 'teachers-filter-major', '510203 软件技术');
    await expect(teacherRows).toHaveCount(2);
    await expect(page.getByTestId('stat-scope')).toHaveText('统计范围：当前筛选结果');
    await tick(page.getByRole('checkbox', { name: '双师型' }));
    await expect(teacherRows).toHaveCount(1);
    await expect(teacherRows.first()).toContainText('张三');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(teacherRows).toHaveCount(4);
    await page.getByRole('searchbox', { name: '按姓名、工号或职称搜索' }).fill('副教授');
    await expect(teacherRows).toHaveCount(1);
    await expect(teacherRows.first()).toContainText('李四');
    await page.getByRole('searchbox', { name: '按姓名、工号或职称搜索' }).fill('');
    await attachScreenshot(page, testInfo, 'teachers');

    // 实训条件 → 实训室 with two equipment lines, totals in yuan.
    await openPage(page, '实训条件');
    await expect(page.getByText('还没有登记实训室')).toBeVisible();
    await page.getByRole('button', { name: '新增实训室' }).click();
    await page.locator('#room_name').fill('软件开发实训室');
    await page.locator('#room_areaM2').fill('120.5');
    await page.locator('#room_workstations').fill('50');
    await page.getByRole('button', { name: '添加设备' }).click();
    await page.locator('#room_equipment_0_name').fill('计算机');
    await page.locator('#room_equipment_0_model').fill('ThinkCentre M920');
    await page.locator('#room_equipment_0_quantity').fill('50');
    await page.locator('#room_equipment_0_unitValue').fill('5999.9');
    await page.getByRole('button', { name: '添加设备' }).click();
    await page.locator('#room_equipment_1_name').fill('交换机');
    await page.locator('#room_equipment_1_quantity').fill('2');
    await page.locator('#room_equipment_1_unitValue').fill('12800.5');
    await page.getByRole('button', { name: '添加设备' }).click();
    await page.getByRole('button', { name: '删除此行' }).nth(2).click();
    await expect(page.getByTestId('equipment-total-0')).toHaveText('¥299,995.00');
    await expect(page.getByTestId('equipment-grand-total')).toHaveText('设备合计：¥325,596.00');
    await attachScreenshot(page, testInfo, 'room-form');
    await page
      .locator('.ant-drawer')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
    const roomRow = page.getByTestId('rooms-table').locator('tbody tr').first();
    await expect(roomRow).toContainText('软件开发实训室');
    await expect(roomRow).toContainText('2 种 / 52 台（套）');
    await expect(roomRow).toContainText('¥325,596.00');

    // 实习实训场所: off campus needs a partner enterprise.
    await page.getByRole('tab', { name: /实习实训场所/ }).click();
    await expect(page.getByText('还没有登记实习实训场所')).toBeVisible();
    await page.getByRole('button', { name: '新增场所' }).click();
    await page.locator('#site_name').fill('东湖软件园实训基地');
    await page.locator('#site_capacity').fill('60');
    await saveButton(page).click();
    await expect(errorOf(page, 'site_partner')).toHaveText('校外场所须填写合作企业');
    await page.locator('#site_partner').fill('武汉某某软件有限公司');
    await expect(anyErrorOf(page, 'site_partner')).toHaveCount(0);
    await attachScreenshot(page, testInfo, 'site-form');
    await fillDate(page, 'site_agreementStart', '2020年9月1日');
    await fillDate(page, 'site_agreementEnd', '2020年8月1日');
    await expect(errorOf(page, 'site_agreementEnd')).toHaveText('协议结束日期不能早于开始日期');
    await fillDate(page, 'site_agreementEnd', '2023年8月31日');
    await expect(anyErrorOf(page, 'site_agreementEnd')).toHaveCount(0);
    await saveButton(page).click();
    await expect(openDialog(page)).toHaveCount(0);
    const siteRow = page.getByTestId('sites-table').locator('tbody tr').first();
    await expect(siteRow).toContainText('校外');
    await expect(siteRow).toContainText('武汉某某软件有限公司');
    await expect(siteRow).toContainText('2020年9月1日 至 2023年8月31日');
    await attachScreenshot(page, testInfo, 'sites');

    // Reload: everything is still there.
    await page.reload();
    await openPage(page, '专业');
    await expect(majors.locator('tbody tr')).toHaveCount(2);
    await expect(majors.locator('tbody tr').first()).toContainText('软件技术');
    await expect(majors.locator('tbody tr').first()).toContainText('2');
    await openPage(page, '教师');
    await expect(teacherRows).toHaveCount(4);
    await expect(page.getByTestId('stat-dual')).toContainText('占教师人数 50.0%');
    await openPage(page, '实训条件');
    await expect(roomRow).toContainText('¥325,596.00');
    await roomRow.locator('.ant-table-row-expand-icon').click();
    await expect(page.getByText('ThinkCentre M920')).toBeVisible();
    await expect(page.getByText('¥5,999.90')).toBeVisible();
    await expect(page.getByText('实训室照片与资料')).toBeVisible();
    await attachScreenshot(page, testInfo, 'room-expanded');
    await page.getByRole('tab', { name: /实习实训场所/ }).click();
    await expect(siteRow).toContainText('2020年9月1日 至 2023年8月31日');
    await attachScreenshot(page, testInfo, 'after-reload');
  });

  test('deleting a major in use says how many teachers use it, and unlinks them when confirmed', async ({
    host,
    page,
  }, testInfo) => {
    await openApp(page, await host.launchUrl());
    await openPage(page, '专业');
    await addMajor(page, softwareMajorTyped);
    await openPage(page, '教师');
    await fillTeacher(page, { ...zhangSan, major: '510203 软件技术' });
    await expect(openDialog(page)).toHaveCount(0);
    await fillTeacher(page, {
      staffNo: 'T002',
      name: '李四',
      gender: '男',
      title: '讲师',
      major: '510203 软件技术',
    });
    await expect(openDialog(page)).toHaveCount(0);

    await openPage(page, '专业');
    await page.getByTestId('major-delete-510203').click();
    const confirm = page.locator('.ant-popconfirm').filter({ visible: true });
    await expect(confirm).toContainText('确定删除专业“510203 软件技术”吗？');
    await expect(confirm.getByTestId('delete-usage')).toHaveText(
      '关联了 2 名教师（张三、李四）。删除后这些教师的“所属专业”将被清空。',
    );
    await attachScreenshot(page, testInfo, 'delete-major-confirm');
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await expect(page.getByTestId('majors-table').locator('tbody tr')).toHaveCount(1);

    await page.getByTestId('major-delete-510203').click();
    await pressInConfirm(page);
    await expect(page.getByText('已删除专业“510203 软件技术”')).toBeVisible();
    await expect(page.getByText('还没有登记专业')).toBeVisible();
    await openPage(page, '教师');
    const rows = page.getByTestId('teachers-table').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('—');
  });

  test('a teacher’s 出生年月, 学历, 学位, 所学专业 and 职业技能等级证书 are typed in the form and shown in the table', async ({
    host,
    page,
  }, testInfo) => {
    await openApp(page, await host.launchUrl());
    await openPage(page, '教师');
    // A bad month is refused on its field, in the core's words.
    await fillTeacher(page, { ...zhangSan, birthMonth: '1985.13' });
    await expect(errorOf(page, 'teacher_birthMonth')).toHaveText(
      '出生年月“1985.13”年月无效：没有13月',
    );
    // A month to come, or a teacher under 18, is said on the field before 保存, as the core says it.
    await page.locator('#teacher_birthMonth').fill('2099.1');
    await expect(errorOf(page, 'teacher_birthMonth')).toHaveText(
      '出生年月2099年1月晚于当前年月，请核对',
    );
    const young = new Date().getFullYear() - 10;
    await page.locator('#teacher_birthMonth').fill(`${young}.1`);
    await expect(errorOf(page, 'teacher_birthMonth')).toHaveText(
      `按出生年月${young}年1月计算，该教师不满 18 周岁，请核对`,
    );
    await page.locator('#teacher_birthMonth').fill('1985.3');
    await choose(page, 'teacher_education', '研究生');
    await choose(page, 'teacher_degree', '硕士');
    await page.locator('#teacher_studiedMajor').fill('计算机科学与技术');
    await page.locator('#teacher_skillCertificates').fill('Web前端开发（中级）');
    await saveButton(page).click();
    await expect(openDialog(page)).toHaveCount(0);

    // At 1280 px: 出生年月 and 学历（学位） show; 所学专业 and 证书 wait for a wider window.
    const table = page.getByTestId('teachers-table');
    const row = table.locator('tbody tr.ant-table-row').first();
    await expect(row).toContainText('1985年3月');
    await expect(row).toContainText('研究生（硕士）');
    await expect(table.getByRole('columnheader', { name: '所学专业' })).toHaveCount(0);
    await attachScreenshot(page, testInfo, 'teachers-1280');
    await page.setViewportSize({ width: 1680, height: 900 });
    await expect(row).toContainText('计算机科学与技术');
    await expect(row).toContainText('Web前端开发（中级）');
    await attachScreenshot(page, testInfo, 'teachers-1680');

    // Editing shows the month as read and keeps it.
    await page.getByTestId('teacher-edit-T001').click();
    await expect(page.locator('#teacher_birthMonth')).toHaveValue('1985年3月');
    await saveButton(page).click();
    await expect(openDialog(page)).toHaveCount(0);
    await expect(row).toContainText('1985年3月');
  });

  test('a thousand teachers list, filter and count on the page', async ({
    host,
    page,
    hostCall,
  }, testInfo) => {
    await seedStaff(hostCall, 1000);
    await openApp(page, `${await host.launchUrl()}#/teachers`);
    await expect(page.getByRole('heading', { level: 3, name: '教师' })).toBeVisible();
    await expect(page.getByText('共 1,000 条')).toBeVisible();
    await expect(page.getByTestId('stat-total')).toContainText('1,000');
    // Every 3rd teacher (index 0, 3, …, 999) is 双师型: 334 of 1000.
    await expect(page.getByTestId('stat-dual')).toContainText('334');
    await expect(page.getByTestId('stat-dual')).toContainText('占教师人数 33.4%');

    await choose(page, 'teachers-filter-major', '530802 现代物流管理');
    await expect(page.getByText('共 333 条')).toBeVisible();
    await tick(page.getByRole('checkbox', { name: '双师型' }));
    // Index i with i % 3 === 1 (the major) and i % 3 === 0 (双师型) never meet.
    await expect(page.getByText('没有符合筛选条件的教师')).toBeVisible();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByRole('searchbox', { name: '按姓名、工号或职称搜索' }).fill('T00999');
    await expect(page.getByText('共 1 条')).toBeVisible();
    await page.getByRole('searchbox', { name: '按姓名、工号或职称搜索' }).fill('');
    await expect(page.getByText('共 1,000 条')).toBeVisible();
    await page.getByRole('columnheader', { name: '姓名' }).click();
    await attachScreenshot(page, testInfo, 'teachers-1000');
  });
});
