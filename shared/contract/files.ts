import { z } from 'zod';

/**
 * A file the user picked, sent to the core as bytes: the same path in the browser (upload) and
 * the desktop app, so no host needs file-system access on the page's behalf.
 */
export const uploadedFileSchema = z.object({
  fileName: z
    .string({ error: '缺少文件名' })
    .min(1, { error: '缺少文件名' })
    .max(255, { error: '文件名过长（最多 255 个字符）' }),
  contentBase64: z.base64({ error: '文件内容无效（不是 base64 编码）' }),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;
