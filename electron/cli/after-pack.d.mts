import type { FuseConfig } from '@electron/fuses';

export function fuseConfig(platform: string): FuseConfig & { resetAdHocDarwinSignature: boolean };
export default function afterPack(context: {
  electronPlatformName: string;
  packager: { addElectronFuses(context: unknown, fuses: FuseConfig): Promise<unknown> };
}): Promise<void>;
