import type { PilotBridge } from '../../../shared/contract/bridge';
import type { Envelope } from '../../../shared/contract/errors';
import type { PilotEvent } from '../../../shared/contract/events';

/**
 * `window.pilot` for the web host: calls go as same-origin POSTs (the launch token travels in
 * its HttpOnly cookie), events arrive as server-sent events.
 */
export function createWebBridge(): PilotBridge {
  return {
    async invoke(name, input) {
      try {
        const response = await fetch(`api/invoke/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
        if (!response.ok) {
          return {
            ok: false,
            error: { code: 'FORBIDDEN', message: await response.text() },
          } satisfies Envelope<unknown>;
        }
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: '无法连接本机服务：请确认启动它的窗口（npm run web）仍在运行，然后重试。',
          },
        };
      }
    },
    on(listener) {
      const source = new EventSource('api/events');
      source.onmessage = (message: MessageEvent<string>) =>
        listener(JSON.parse(message.data) as PilotEvent);
      return () => source.close();
    },
  };
}
