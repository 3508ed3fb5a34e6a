import type { BuildOptions } from 'esbuild';

export const mainBundleOptions: BuildOptions;
export function copyMainAssets(outDir: string): void;
export const coreWorkerEntry: string;
export const coreWorkerFileName: string;
