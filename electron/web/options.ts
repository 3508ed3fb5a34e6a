import { defaultDataDir } from '../core/paths';

export interface WebCliOptions {
  port: number;
  dataDir: string;
  open: boolean;
  /** Test only: read the core's clock from this file (see clock.ts); null: real time. */
  clockFile: string | null;
}

/**
 * `--port N`, `--data-dir DIR`, `--no-open`, `--clock-file FILE` (tests only), or PILOT_PORT,
 * PILOT_DATA_DIR, PILOT_NO_OPEN=1, PILOT_CLOCK_FILE.
 */
export function parseWebOptions(argv: readonly string[], env: NodeJS.ProcessEnv): WebCliOptions {
  const options: WebCliOptions = {
    port: env.PILOT_PORT ? Number(env.PILOT_PORT) : 0,
    dataDir: env.PILOT_DATA_DIR || defaultDataDir(),
    open: !(env.PILOT_NO_OPEN === '1' || env.PILOT_NO_OPEN === 'true'),
    clockFile: env.PILOT_CLOCK_FILE || null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`参数 ${flag} 缺少取值`);
      return v;
    };
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--data-dir') options.dataDir = value();
    else if (flag === '--no-open') options.open = false;
    else if (flag === '--clock-file') options.clockFile = value();
    else {
      throw new Error(
        `未知参数 ${arg}（可用：--port N、--data-dir 目录、--no-open、--clock-file 文件（仅测试用））`,
      );
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error(`端口号无效：${options.port}（应为 0–65535 的整数，0 表示自动选择空闲端口）`);
  }
  return options;
}
