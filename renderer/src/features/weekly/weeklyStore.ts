import { create } from 'zustand';
import type {
  WeeklyCalendar,
  WeeklyDraftInput,
  WeeklyReportDetail,
  WeeklySettings,
  WeeklySettingsInput,
  WeeklySubmitInput,
} from '../../../../shared/contract/weekly';
import type { AlertSummary } from '../../../../shared/domain/weeklyReports';
import { invoke } from '../../api/client';
import { saveContent } from '../attachments/download';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

const mimes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

interface WeeklyState {
  calendar: WeeklyCalendar | null;
  loadState: LoadState;
  loadError: string | null;
  /** What the banner on every page shows; refreshed on navigation and after every change. */
  alert: AlertSummary | null;
  load(): Promise<void>;
  loadAlert(): Promise<void>;
  saveSettings(input: WeeklySettingsInput): Promise<WeeklySettings>;
  get(periodStart: string): Promise<WeeklyReportDetail>;
  saveDraft(input: WeeklyDraftInput): Promise<WeeklyReportDetail>;
  submit(input: WeeklySubmitInput): Promise<WeeklyReportDetail>;
  revise(periodStart: string): Promise<WeeklyReportDetail>;
  /** Downloads one report (newest or a given revision); resolves to the file name. */
  exportReport(periodStart: string, format: 'docx' | 'xlsx', revision?: number): Promise<string>;
  exportRange(from: string, to: string, format: 'docx' | 'xlsx'): Promise<string>;
}

export const useWeeklyStore = create<WeeklyState>((set, get) => {
  /** After a change: the calendar and the banner both reread. */
  const changed = async <T>(result: T): Promise<T> => {
    await Promise.all([get().load(), get().loadAlert()]);
    return result;
  };
  const download = (
    file: { fileName: string; contentBase64: string },
    format: keyof typeof mimes,
  ) => {
    saveContent({ ...file, mime: mimes[format] });
    return file.fileName;
  };
  return {
    calendar: null,
    loadState: 'idle',
    loadError: null,
    alert: null,
    async load() {
      if (get().calendar === null) set({ loadState: 'loading', loadError: null });
      try {
        const calendar = await invoke('weekly.calendar', {});
        set({ calendar, alert: calendar.alert, loadState: 'ready', loadError: null });
      } catch (error) {
        set({ loadState: 'error', loadError: (error as Error).message });
      }
    },
    async loadAlert() {
      try {
        set({ alert: await invoke('weekly.alert', {}) });
      } catch {
        // The banner is a hint: a failed check leaves the last known alert in place.
      }
    },
    saveSettings: async (input) => changed(await invoke('weekly.saveSettings', input)),
    get: (periodStart) => invoke('weekly.get', { periodStart }),
    saveDraft: async (input) => changed(await invoke('weekly.saveDraft', input)),
    submit: async (input) => changed(await invoke('weekly.submit', input)),
    revise: async (periodStart) => changed(await invoke('weekly.revise', { periodStart })),
    exportReport: async (periodStart, format, revision) =>
      download(await invoke('weekly.export', { periodStart, format, revision }), format),
    exportRange: async (from, to, format) =>
      download(await invoke('weekly.exportRange', { from, to, format }), format),
  };
});
