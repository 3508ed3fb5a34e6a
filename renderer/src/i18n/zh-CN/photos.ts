/* The text of candidate photos (renderer/src/features/photos). */

export const photos = {
  open: '考生照片',
  title: (batch: string) => `考生照片：${batch}`,
  intro:
    '照片文件名中须含考生的身份证号或学号（如“张三_420106200403010026.jpg”）。可一次选择多张照片、整个文件夹，或 zip 压缩包；按文件内容检查是否为 JPEG/PNG、文件大小、像素尺寸和是否竖版。',
  rules: (minKb: number, maxKb: number, w: number, h: number, pattern: string) =>
    `要求：${minKb}–${maxKb} KB，至少 ${w}×${h} 像素，竖版；导出命名：${pattern}`,
  rulesOf: (organization: string, own: boolean) =>
    own ? `（${organization}的要求）` : '（默认要求，该培训评价组织未单独设置）',
  editRules: '修改要求',
  rulesTitle: (organization: string) =>
    organization ? `照片要求：${organization}` : '照片要求（默认）',
  rulesFields: {
    minKb: '文件大小下限（KB）',
    maxKb: '文件大小上限（KB）',
    minWidth: '最小宽度（像素）',
    minHeight: '最小高度（像素）',
    namePattern: '导出命名规则',
  },
  namePatternHelp: '可用 {姓名}、{身份证号}、{学号}，扩展名自动添加。',
  rulesSaved: '已保存照片要求',
  counts: (candidates: number, withPhoto: number) =>
    `本批次 ${candidates} 名考生，已有照片 ${withPhoto} 人，缺 ${candidates - withPhoto} 人`,
  pickFiles: '选择照片或 zip',
  pickFolder: '选择文件夹',
  export: '导出照片（zip）',
  exported: (name: string) => `已导出“${name}”`,
  tooLarge: (mb: number) =>
    `所选文件共约 ${mb.toFixed(0)} MB，超过一次 45 MB 的上限，请分批选择（如每次一个班）。`,
  noImages: '所选文件夹中没有 .jpg、.jpeg、.png 或 .zip 文件。',
  otherFiles: (names: string[]) =>
    `已略过 ${names.length} 个不是图片或 zip 的文件：${names.slice(0, 3).join('、')}${names.length > 3 ? ' 等' : ''}`,
  reportSummary: (ready: number, replaces: number, unchanged: number, rejected: number) =>
    `可导入 ${ready} 张，替换已有照片 ${replaces} 张，与已有照片相同 ${unchanged} 张，有问题 ${rejected} 张`,
  importNow: (n: number) => (n === 0 ? '没有可导入的照片' : `导入 ${n} 张照片`),
  imported: (n: number) => `已导入 ${n} 张照片`,
  outcomes: {
    ready: '可导入',
    replaces: '替换已有照片',
    unchanged: '与已有照片相同',
    rejected: '有问题',
  },
  columns: {
    file: '文件',
    student: '考生',
    size: '大小',
    pixels: '像素',
    outcome: '结果',
    problems: '问题',
  },
  missingTitle: '还缺照片的考生',
  noneMissing: '本批次考生都已有照片。',
  close: '关闭',
  tabs: { photos: '证件照', documents: '其他材料' },
  documents: {
    missing: (parts: string[]) => `尚缺：${parts.join('，')}`,
    upload: '上传',
    present: '已上传',
    open: '下载',
    missingOnly: '只看缺少的',
    saved: (name: string, label: string) => `已保存${name}的${label}`,
    downloaded: (name: string) => `已下载“${name}”`,
    removeTitle: (name: string, label: string) => `删除${name}的${label}？`,
    removed: '已删除',
  },
  studentPhoto: '证件照',
  noPhoto: '尚未导入照片（在考核批次页点“考生照片”导入）',
  photoFrom: (name: string) => `来自：${name}`,
} as const;
