import type { ManifestFile, PackageManifest } from '../../../../shared/contract/package';
import { sha256Hex } from '../../io/checksum';
import { writeZipFile, type ZipSource } from '../../io/zip';

/** The checklist every package carries: what `package.verify` checks the archive against. */
export const MANIFEST_NAME = 'manifest.json';

/** Byte order, the same on every machine (not locale-dependent). */
export const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Already-compressed formats are stored: deflating them again costs time and saves nothing. */
const STORED = new Set(['pdf', 'jpg', 'png', 'docx', 'xlsx', 'zip']);
export const compressFor = (name: string) => !STORED.has(name.slice(name.lastIndexOf('.') + 1));

/** The manifest without its file list, which the contents supply. */
export type ManifestHeader = Omit<PackageManifest, 'files'>;

/**
 * What goes into one package (application or batch): each file as a zip entry plus its manifest
 * line. `write` adds manifest.json and writes the zip with entries and manifest lines in byte
 * order, so the same contents give the same bytes (apart from the header's creation time).
 */
export function packageContents() {
  const entries: ZipSource[] = [];
  const files: ManifestFile[] = [];
  return {
    /** A file made in memory: its size and SHA-256 are taken from the bytes. */
    addBytes(name: string, data: Buffer) {
      entries.push({ name, data, compress: compressFor(name) });
      files.push({ path: name, size: data.length, sha256: sha256Hex(data) });
    },
    /** A file streamed from disk whose size and SHA-256 are already known (and checked on the way). */
    addStreamed(entry: ZipSource & { file: string }, listed: ManifestFile) {
      entries.push(entry);
      files.push(listed);
    },
    /** `gbkNames`: entry names in GBK for older Windows (the manifest keeps them in UTF-8). */
    async write(
      header: ManifestHeader,
      target: string,
      signal: AbortSignal,
      gbkNames = false,
    ): Promise<PackageManifest> {
      const manifest: PackageManifest = {
        ...header,
        files: [...files].sort((a, b) => byteOrder(a.path, b.path)),
      };
      const all: ZipSource[] = [
        ...entries,
        {
          name: MANIFEST_NAME,
          data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
          compress: true,
        },
      ].sort((a, b) => byteOrder(a.name, b.name));
      const write = gbkNames ? (await import('../../io/gbkZip')).writeGbkZipFile : writeZipFile;
      await write(all, target, signal);
      return manifest;
    },
  };
}
