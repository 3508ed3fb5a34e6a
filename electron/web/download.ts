import { createReadStream, type ReadStream } from 'node:fs';
import { once } from 'node:events';
import { DOWNLOAD_GONE, downloadHeaders, type DownloadStore } from '../core/io/downloads';
import { webPaths } from '../../shared/contract/webAccess';

export type DownloadAnswer =
  | { status: 200; headers: Record<string, string>; body: ReadStream }
  | { status: 404; text: string };

/**
 * `GET /api/download/<token>` for both hosts (the web host over HTTP, Electron on app://):
 * spends the token and opens the offered file as a stream, which removes a temporary file once
 * it closes. Undefined when the path is not a download.
 */
export async function answerDownload(
  pathname: string,
  downloads: Pick<DownloadStore, 'take'>,
): Promise<DownloadAnswer | undefined> {
  if (!pathname.startsWith(webPaths.download)) return undefined;
  const taken = downloads.take(decodeURIComponent(pathname.slice(webPaths.download.length)));
  if (!taken) return { status: 404, text: DOWNLOAD_GONE };
  const body = createReadStream(taken.file);
  body.once('close', () => taken.done());
  try {
    await once(body, 'open');
  } catch {
    body.destroy();
    return { status: 404, text: `要下载的文件“${taken.fileName}”已不在数据文件夹中。请重新导出。` };
  }
  return { status: 200, headers: downloadHeaders(taken), body };
}
