import type { ErrorHint } from '../../../shared/contract/errors';
import { t } from '../i18n';

/**
 * The words for each hint the core can attach to an error. The core knows no button labels, so
 * the renderer names them here; a new hint code does not compile until it is worded.
 */
const hintWords: Record<ErrorHint, () => string> = {
  weeklyCorrection: () => t.errorHints.weeklyCorrection(t.weekly.editor.revise),
  weeklySettings: () => t.errorHints.weeklySettings(t.weekly.settingsTitle),
  exportDraft: () => t.errorHints.exportDraft(t.package.export, t.package.draftOk),
  importColumnMapping: () => t.errorHints.importColumnMapping(t.importer.mappingTitle),
};

export function hintText(hint: ErrorHint): string {
  return hintWords[hint]();
}
