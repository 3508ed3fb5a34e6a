// electron-builder `afterPack` hook (electron-builder.yml): flips Electron's fuses in the packaged
// binary — settings compiled into the executable that no environment variable or command-line
// flag can turn back. electron-builder signs the app after this hook.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuses for one platform (`context.electronPlatformName`); exported for the unit test. */
export function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // macOS: the ad-hoc signature must be redone after the binary changes (arm64 won't start
    // otherwise); a real signing identity signs again afterwards.
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
    // ELECTRON_RUN_AS_NODE would turn the app into a plain Node runtime.
    [FuseV1Options.RunAsNode]: false,
    // Cookies on disk encrypted with the OS key store (the app keeps none: cheap insurance).
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or certificates.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect and friends would open a debugger into the main process.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Only app.asar, never a loose app/ folder someone drops beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // app.asar must match the hash electron-builder embedded in the executable (Windows) or
    // Info.plist (macOS) before this hook runs: an edited archive does not start. Linux has no
    // such check yet; the fuse is ignored there.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // The page is served from app://, never file://.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** electron-builder's own helper finds the platform's executable and runs @electron/fuses. */
export default async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName));
}
