import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import afterPack, { fuseConfig } from '../../../electron/cli/after-pack.mjs';
import { repoRoot } from '../../harness/webHost';

// electron-builder's own schema and YAML reader, as shipped in node_modules.
const require = createRequire(path.join(repoRoot, 'package.json'));
const builderLib = path.dirname(require.resolve('app-builder-lib/package.json'));
const schema = JSON.parse(readFileSync(path.join(builderLib, 'scheme.json'), 'utf8')) as object;
const yaml = createRequire(path.join(builderLib, 'package.json'))('js-yaml') as {
  load(text: string): unknown;
};

type Config = Record<string, unknown> & {
  win: { target: string[]; icon: string };
  nsis: Record<string, unknown>;
  portable: Record<string, unknown>;
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
};
const config = yaml.load(
  readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8'),
) as Config;

// The same validator settings electron-builder uses (app-builder-lib/out/util/config/schemaValidator.js).
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const problems = (value: unknown) =>
  validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s JSON schema', () => {
    expect(problems(config)).toEqual([]);
  });

  it('the schema check can fail (a misspelt option, a wrong type)', () => {
    expect(problems({ ...config, appld: 'x' })).not.toEqual([]);
    expect(problems({ ...config, nsis: { ...config.nsis, perMachine: 'no' } })).not.toEqual([]);
  });

  it('names the app and builds every installer the issue lists', () => {
    expect(config).toMatchObject({ appId: 'cn.edu.pilotdesk.app', productName: '1+X试点工作台' });
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    // NSIS: per user (no admin rights on office PCs), assisted, in Chinese.
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
    });
    // The setup and the portable .exe must not overwrite each other.
    expect(config.nsis.artifactName).not.toBe(config.portable.artifactName);
    for (const icon of [config.win.icon, config.linux.icon, config.mac.icon]) {
      expect(icon.startsWith('resources/')).toBe(true);
      expect(existsSync(path.join(repoRoot, icon))).toBe(true);
    }
  });

  it('packs into asar with better-sqlite3 unpacked and rebuilt for Electron, fuses after pack', () => {
    expect(config).toMatchObject({
      asar: true,
      npmRebuild: true,
      buildDependenciesFromSource: false,
    });
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    expect(config.afterPack).toBe('./electron/cli/after-pack.mjs');
    // The integrity fuse needs the hash electron-builder embeds; without it the app won't start.
    expect(config.disableAsarIntegrity).toBeUndefined();
    expect(existsSync(path.join(repoRoot, config.afterPack as string))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
  });

  it('has signing settings ready for a certificate, and no secret in the file', () => {
    const text = readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
    expect(config.forceCodeSigning).toBe(false);
    expect(config.win).toMatchObject({
      signtoolOptions: {
        signingHashAlgorithms: ['sha256'],
        rfc3161TimeStampServer: expect.stringMatching(/^https?:\/\//),
      },
    });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: false });
    // Certificates and passwords come from the release machine's environment, never from here.
    expect(text).not.toMatch(/certificateFile|certificatePassword|CSC_KEY_PASSWORD:/);
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('### Code signing');
    expect(readme).toContain('### Release checklist');
  });
});

describe('Electron fuses (after-pack hook)', () => {
  it('turns RunAsNode, NODE_OPTIONS and --inspect off, asar-only loading, asar integrity and cookie encryption on', () => {
    const fuses = fuseConfig('win32');
    expect(fuses.version).toBe(FuseVersion.V1);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(fuses.resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('hands the platform’s fuses to electron-builder’s fuse step', async () => {
    const addElectronFuses = vi.fn(async () => undefined);
    const context = { electronPlatformName: 'linux', packager: { addElectronFuses } };
    await afterPack(context);
    expect(addElectronFuses).toHaveBeenCalledWith(context, fuseConfig('linux'));
  });
});
