import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './webHost';

/**
 * Runs @doyensec/electronegativity's checks on a folder, in process, the way its own runner
 * (`dist/runner.js`) does, minus two network calls it makes: fetching translations at start and
 * Electron's release list (the AVAILABLE_SECURITY_FIXES global check). This machine has no
 * network, and a test must not depend on one; the Electron version comes from node_modules.
 */
export interface ElectronegativityFinding {
  id: string;
  /** Relative to the repository, with forward slashes; 'N/A' for app-wide findings. */
  file: string;
  line: number;
  severity: string;
  confidence: string;
  description: string;
  manualReview: boolean;
}

export interface ElectronegativityReport {
  electronVersion: string;
  filesScanned: number;
  checksLoaded: number;
  findings: ElectronegativityFinding[];
  parseErrors: { file: string; message: string }[];
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
  manualReview?: boolean;
  visibility?: { inlineDisabled?: boolean; globalCheckDisabled?: boolean };
}

const require = createRequire(path.join(repoRoot, 'package.json'));
const packageDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const fromPackage = createRequire(path.join(packageDir, 'package.json'));
const dist = (...parts: string[]) => path.join(packageDir, 'dist', ...parts);

export const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];

/**
 * Scans the given folders of the repository together, as one app, so the global checks (a CSP,
 * a navigation limit, a permission handler anywhere in the app) see all of them.
 */
export async function runElectronegativity(
  folders: readonly string[],
): Promise<ElectronegativityReport> {
  // The checks' messages come from i18n registered on the global object (`__`).
  const i18n = fromPackage('i18n') as {
    configure(options: object): void;
    setLocale(locale: string): void;
  };
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: dist('locales'),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');

  /* eslint-disable @typescript-eslint/no-explicit-any -- the package ships no types */
  const { LoaderDirectory } = require(dist('loader')) as any;
  const { Parser } = require(dist('parser')) as any;
  const { Finder, GlobalChecks } = require(dist('finder')) as any;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  const electronVersion = (require('electron/package.json') as { version: string }).version;

  const loader = new LoaderDirectory();
  for (const folder of folders) await loader.load(path.join(repoRoot, folder));
  const files: string[] = [...loader.list_files];
  const exclude = excludedChecks.map((c) => c.toLowerCase());
  const parser = new Parser(false, true);
  const globalChecks = new GlobalChecks([], exclude, undefined);
  const finder = await new Finder([], [], undefined);

  let issues: RawIssue[] = [];
  const parseErrors: ElectronegativityReport['parseErrors'] = [];
  const relative = (file: string) => path.relative(repoRoot, file).split(path.sep).join('/');
  for (const file of files) {
    try {
      const [type, data, content, warnings] = parser.parse(file, loader.load_buffer(file));
      if (data === null) continue;
      for (const warning of warnings ?? []) {
        parseErrors.push({ file: relative(file), message: String(warning.message) });
      }
      issues.push(...(await finder.find(file, data, type, content, null, electronVersion)));
    } catch (error) {
      parseErrors.push({ file: relative(file), message: String((error as Error).message) });
    }
  }
  issues = (await globalChecks.getResults(issues, true)) as RawIssue[];
  const findings = issues
    .filter((i) => !i.visibility?.inlineDisabled && !i.visibility?.globalCheckDisabled)
    .map((i) => ({
      id: i.id,
      file: i.file === 'N/A' ? 'N/A' : relative(i.file),
      line: i.location.line,
      severity: i.severity.name,
      confidence: i.confidence.name,
      description: i.description,
      manualReview: Boolean(i.manualReview),
    }));
  return {
    electronVersion,
    filesScanned: files.length,
    checksLoaded: globalChecks._enabled_checks.length + finder._enabled_checks.length,
    findings,
    parseErrors,
  };
}
