import type { PilotErrorShape } from '../../../shared/contract/errors';
import { t } from '../i18n';

/**
 * A web host answer that is not a call's result (not 2xx), as the error it means. The host's
 * own text is Chinese and says why; statuses other than a refusal or an oversized request mean
 * the page and the host disagree or the host failed, which the user cannot fix.
 */
export async function hostError(response: Response): Promise<PilotErrorShape> {
  const text = (await response.text().catch(() => '')).trim();
  const { status } = response;
  if (status === 401 || status === 403) {
    return { code: 'FORBIDDEN', message: text || t.webHost.refused(status, text) };
  }
  if (status === 413) return { code: 'TOO_LARGE', message: t.webHost.tooLarge(text) };
  if (status >= 500) return { code: 'INTERNAL', message: t.webHost.failed(status, text) };
  return { code: 'INTERNAL', message: t.webHost.refused(status, text) };
}

/** The host did not answer at all (stopped, or the network call failed). */
export function unreachableError(): PilotErrorShape {
  return { code: 'INTERNAL', message: t.webHost.unreachable };
}
