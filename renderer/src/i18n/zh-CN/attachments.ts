/* The text of attachments (renderer/src/features/attachments). */

export const attachments = {
  upload: '上传附件',
  uploading: (n: number) => `正在上传（剩余 ${n} 个）…`,
  kindLabel: '附件类别',
  kindPlaceholder: '选择类别',
  hint: (types: string, limit: string) =>
    `按文件内容识别类型，允许 ${types}；单个文件不超过 ${limit}。同一文件只保存一份。`,
  empty: '还没有附件。先在右上角选择类别，再点击“上传附件”选择文件。',
  uploaded: (name: string) => `已上传“${name}”`,
  uploadFailedTitle: '以下文件没有上传',
  notUploaded: '未上传。',
  columns: {
    kind: '类别',
    name: '名称',
    size: '大小',
    type: '类型',
    createdAt: '上传日期',
  },
  preview: '预览',
  download: '下载',
  rename: '重命名',
  renameTitle: '重命名附件',
  renameLabel: '附件名称',
  renameHelp: '只改显示和下载时的名称，文件内容不变。',
  renamed: '名称已修改',
  removeTitle: (name: string) => `删除附件“${name}”？`,
  removeLastUse: '没有其他地方使用这个文件，它将从数据文件夹中彻底删除。',
  removeShared: (others: number) =>
    `这个文件还被其他 ${others} 处附件使用：只删除这里的附件，文件本身保留。`,
  removedFile: (name: string) => `已删除附件“${name}”，文件已从数据文件夹中删除`,
  removedLink: (name: string) => `已删除附件“${name}”（文件仍被其他附件使用，已保留）`,
  sharedTag: (n: number) => `共用 ${n} 处`,
} as const;
