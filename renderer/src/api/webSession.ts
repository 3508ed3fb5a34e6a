import {
  LAUNCH_HEADER,
  LAUNCH_PARAM,
  SESSION_HEADER,
  webPaths,
  type SessionAnswer,
} from '../../../shared/contract/webAccess';

// Session storage: per tab, kept across a reload, gone with the tab; never sent by the browser.
const SESSION_KEY = 'pilotdesk.session';

/** The headers that authorise a call from this tab. */
export function sessionHeaders(): Record<string, string> {
  return { [SESSION_HEADER]: sessionStorage.getItem(SESSION_KEY) ?? '' };
}

/**
 * Web host only: trades the launch URL's single-use token for this tab's session secret and
 * takes the token out of the address bar (so history keeps only `/`). True when the tab has a
 * session, from this exchange or from before a reload.
 */
export async function startWebSession(): Promise<boolean> {
  const params = new URLSearchParams(window.location.search);
  const launchToken = params.get(LAUNCH_PARAM);
  if (launchToken !== null) {
    params.delete(LAUNCH_PARAM);
    const search = params.size > 0 ? `?${params.toString()}` : '';
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${search}${window.location.hash}`,
    );
    try {
      const response = await fetch(webPaths.session, {
        method: 'POST',
        headers: { [LAUNCH_HEADER]: launchToken },
        credentials: 'omit',
      });
      if (response.ok) {
        sessionStorage.setItem(SESSION_KEY, ((await response.json()) as SessionAnswer).secret);
      }
    } catch {
      // The host is unreachable: the tab is left without a session, as for a spent link.
    }
  }
  return sessionStorage.getItem(SESSION_KEY) !== null;
}
