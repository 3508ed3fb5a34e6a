/* The text of 实训条件 (features/rooms/FacilitiesPage, with its two tabs) and of training rooms. */

export const facilities = {
  title: '实训条件',
  intro: '登记实训室（面积、工位、设备）和实习实训场所，供试点申报条件自查和申报材料使用。',
  tabs: {
    rooms: (n: number) => `实训室（${n}）`,
    sites: (n: number) => `实习实训场所（${n}）`,
  },
} as const;

export const rooms = {
  add: '新增实训室',
  addTitle: '新增实训室',
  editTitle: '编辑实训室',
  saved: '实训室已保存',
  deleted: (name: string) => `已删除实训室“${name}”`,
  emptyHint: '还没有登记实训室。请点击右上角“新增实训室”，填写面积、工位数和设备清单。',
  searchPlaceholder: '按实训室或设备名称搜索',
  noMatch: '没有符合搜索条件的实训室。',
  grandTotal: (rooms: number, value: string) => `${rooms} 个实训室，设备总值 ${value}`,
  fields: {
    name: '实训室名称',
    areaM2: '面积（m²）',
    workstations: '工位数',
    equipment: '设备清单',
    equipmentKinds: '设备',
    totalValue: '设备总值',
  },
  placeholders: { name: '例如：软件开发实训室' },
  attachmentsTitle: '实训室照片与资料',
  attachmentsDescription: '申报材料中的实训室照片等，可上传 PDF、图片或 Word、Excel 文件。',
  equipmentSummary: (kinds: number, quantity: number) => `${kinds} 种 / ${quantity} 台（套）`,
  equipment: {
    name: '设备名称',
    model: '规格型号',
    quantity: '数量',
    unitValue: '单价（元）',
    lineTotal: '金额',
    add: '添加设备',
    remove: '删除此行',
    empty: '还没有设备。点击“添加设备”逐行填写名称、型号、数量和单价。',
    total: (value: string) => `设备合计：${value}`,
  },
} as const;
