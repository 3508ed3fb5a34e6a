export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, message: string, data?: Record<string, unknown>) => void;

/** A logger that writes one JSON line per entry to stderr, for hosts without their own. */
export const stderrLogger: Logger = (level, message, data) => {
  process.stderr.write(
    `${JSON.stringify({ at: new Date().toISOString(), level, message, ...data })}\n`,
  );
};
