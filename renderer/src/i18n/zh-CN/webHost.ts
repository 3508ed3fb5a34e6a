/* The web version: its session and the host's answers. */

export const webSession = {
  expired: '链接已失效，请重新启动 1+X试点工作台',
  expiredHint:
    '为了安全，启动时给出的地址只能打开一次（刷新本页不受影响）。请关闭此页，重新启动 1+X试点工作台，在浏览器中打开它新给出的地址。',
} as const;

/** The web host's HTTP answers that are not a call's result, by what they mean. */
export const webHost = {
  unreachable: '无法连接本机服务：请确认启动它的窗口（npm run web）仍在运行，然后重试。',
  tooLarge: (text: string) =>
    `${text || '请求内容过大，超过本机服务一次能接收的上限。'}未做任何改动。请换用较小的文件，或分批操作。`,
  refused: (status: number, text: string) =>
    `本机服务拒绝了请求（HTTP ${status}）：${text || '没有说明'}。未做任何改动；这是程序的问题，请记下此信息。`,
  failed: (status: number, text: string) =>
    `本机服务出错（HTTP ${status}）：${text || '没有说明'}。请重试；若反复出现，请记下此信息。`,
} as const;
