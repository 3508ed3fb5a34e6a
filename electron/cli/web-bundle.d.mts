export function webBundleDir(root: string): string;
export function buildWebHost(root: string): Promise<string>;
export function ensureWebHostBuilt(root: string): Promise<string>;
export function buildCoreWorker(root: string, outDir: string): Promise<string>;
