import { create } from 'zustand';
import type {
  WeeklyDraftInput,
  WeeklyReportDetail,
  WeeklySettings,
  WeeklySettingsInput,
  WeeklySubmitInput,
} from '../../../../shared/contract/weekly';
import { invoke } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { saveContent } from '../../api/files';
import { mimeTypes } from '../../../../shared/contract/files';

/** The writes of 周报; the calendar, the reports and the banner reload on their own. */
interface WeeklyState {
  saveSettings(input: WeeklySettingsInput): Promise<WeeklySettings>;
  saveDraft(input: WeeklyDraftInput): Promise<WeeklyReportDetail>;
  submit(input: WeeklySubmitInput): Promise<WeeklyReportDetail>;
  revise(periodStart: string): Promise<WeeklyReportDetail>;
  /** Downloads one report (newest or a given revision); resolves to the file name. */
  exportReport(periodStart: string, format: 'docx' | 'xlsx', revision?: number): Promise<string>;
  exportRange(from: string, to: string, format: 'docx' | 'xlsx'): Promise<string>;
}

export const useWeeklyStore = create<WeeklyState>(() => {
  const download = (file: { fileName: string; contentBase64: string }, format: 'docx' | 'xlsx') => {
    saveContent({ ...file, mime: mimeTypes[format] });
    return file.fileName;
  };
  return {
    saveSettings: (input) => mutate('weekly.saveSettings', input),
    saveDraft: (input) => mutate('weekly.saveDraft', input),
    submit: (input) => mutate('weekly.submit', input),
    revise: (periodStart) => mutate('weekly.revise', { periodStart }),
    exportReport: async (periodStart, format, revision) =>
      download(await invoke('weekly.export', { periodStart, format, revision }), format),
    exportRange: async (from, to, format) =>
      download(await invoke('weekly.exportRange', { from, to, format }), format),
  };
});
