/**
 * Settings meant for a developer's checkout only. A packaged app ignores every one of them:
 * PILOTDESK_SQLITE_BINDING loads a native module from any path, so honouring it in an installed
 * app would let whoever sets the environment run code inside it. `npm start` sets it (a
 * better-sqlite3 build for Electron); a packaged app has its own, rebuilt at packaging time.
 */
export const DEVELOPMENT_ENV = ['PILOTDESK_SQLITE_BINDING'] as const;

export interface DevelopmentSwitches {
  /** better-sqlite3's native module to load instead of the installed one. */
  sqliteBinding: string | undefined;
  /** Development settings present in the environment but ignored (packaged), for the log. */
  ignored: string[];
}

/** What the shell honours, from `app.isPackaged` and the environment alone. */
export function developmentSwitches(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): DevelopmentSwitches {
  if (isPackaged) {
    return { sqliteBinding: undefined, ignored: DEVELOPMENT_ENV.filter((name) => env[name]) };
  }
  return { sqliteBinding: env.PILOTDESK_SQLITE_BINDING || undefined, ignored: [] };
}
