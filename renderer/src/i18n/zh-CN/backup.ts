/* The text of backup (renderer/src/features/backup). */

export const backup = {
  title: '设置',
  intro: '数据保存在本机的数据文件夹中。备份、还原和导出都在这里。',
  dataTitle: '数据文件夹',
  dataHint: '所有数据保存在这个文件夹中的一个数据库文件里；备份保存在其中的 backups 子文件夹。',
  dataDir: '数据文件夹',
  databaseFile: '数据库文件',
  backupDir: '备份位置',
  backupSpace: '备份占用空间',
  backupSpaceDetail: (count: number, attachments: string) =>
    `共 ${count} 个备份，其中附件副本 ${attachments}`,
  attachmentsHint:
    '备份会同时保留它用到的附件文件，所以还原后附件也在。附件副本与当前数据共用同一文件时不额外占用空间。',
  openFolder: '打开数据文件夹',
  exportDatabase: '导出数据库',
  exporting: '正在导出…',
  exported: (name: string) => `已导出数据库“${name}”，请在浏览器的下载位置查看`,
  backupsTitle: '备份',
  backupRule:
    '启动时和数据修改后自动备份，最多每 15 分钟一次；自动备份保留最近 10 个，另外保留最近 30 天里每天最新的一个。手动、迁移前和还原前的备份不会自动删除。',
  backupNow: '立即备份',
  backedUp: (when: string) => `已备份（${when}）`,
  restoreFromFile: '从文件还原',
  restoreFileHint:
    '选择“导出数据库”或“下载”得到的 .sqlite 文件，或“下载（含附件）”得到的 .zip 文件（附件会一并还原）',
  portableHint:
    '换电脑时：在下面的列表中点“下载（含附件）”，把得到的 .zip 文件拷到新电脑，在新电脑的“设置”中点“从文件还原”选择它，数据和附件会一起还原。只含数据库的 .sqlite 文件不带附件，还原后附件会显示为缺失。',
  empty: '还没有备份。点击右上角“立即备份”创建第一个备份；修改数据后程序也会自动备份。',
  columns: {
    createdAt: '备份时间',
    kind: '类型',
    size: '大小',
    note: '说明',
  },
  restore: '还原',
  download: '下载',
  downloadArchive: '下载（含附件）',
  downloadArchiveTip: '数据库和它用到的全部附件打包成一个 .zip 文件，换电脑时用它还原',
  downloadingArchive: '正在打包备份和附件…',
  downloadedArchive: (name: string) =>
    `已下载“${name}”（含附件），请在浏览器的下载位置查看；在新电脑上用“从文件还原”选择它。`,
  confirmRestoreTitle: (what: string) => `还原“${what}”？`,
  confirmRestoreBody:
    '当前数据会先自动保存为一个“还原前”备份，然后被所选备份替换。如果还原后发现不对，还原那个“还原前”备份即可撤销。',
  restoring: '正在还原…',
  restored: (what: string) => `已还原“${what}”`,
  restoredUndoHint: '还原前的数据已保存为“还原前”备份，可以撤销。',
  missingAttachments: (n: number) =>
    `有 ${n} 个附件的文件内容已不在数据文件夹和备份中，这些附件会显示为缺失。`,
  undoRestore: '撤销还原',
  undone: '已撤销还原，数据恢复为还原前的样子',
  confirmDeleteTitle: (when: string) => `删除 ${when} 的备份？`,
  confirmDeleteBody: '备份文件将从备份文件夹中删除，无法恢复。',
  deletedBackup: '备份已删除',
  kindFilter: '类型',
} as const;

export const recovery = {
  title: '数据文件已损坏',
  subtitle:
    '程序启动时检查数据文件，发现它已损坏。为避免损坏扩大，程序暂停使用该文件，它本身没有被改动。',
  problem: '检查结果',
  newestGoodTitle: '最新的完好备份',
  checking: '正在逐个检查备份…',
  restoreNewest: '还原最新的完好备份',
  noGoodBackup:
    '没有找到完好的备份。可以从文件还原一个以前导出的数据库，或联系技术人员检查数据文件夹中的文件。',
  skippedDamaged: (n: number) => `跳过了 ${n} 个同样损坏的较新备份。`,
  damagedKept: '还原时，损坏的数据文件会作为“还原前”备份保留，供技术人员检查。',
  allBackups: '全部备份',
  restoredReload: '已还原，正在重新载入…',
} as const;
