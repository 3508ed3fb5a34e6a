import { App } from 'antd';
import { useState } from 'react';
import type { UploadedFile } from '../../../shared/contract/files';
import type {
  ImportPreview,
  ImportProblemSheet,
  ImportRequest,
  ImportResult,
} from '../../../shared/contract/imports';
import { messageOf, PilotError } from '../api/client';
import { saveSheet, toUploadedFile } from '../api/files';
import { t } from '../i18n';
import { useCancellableTask } from './useCancellableTask';
import { useUnsavedGuard } from './useUnsavedGuard';

/** The calls one import makes: each importing page passes its own handlers. */
export interface ImportHandlers {
  preview(request: ImportRequest): Promise<ImportPreview>;
  commit(request: ImportRequest): Promise<ImportResult>;
  /** The rows with errors as xlsx (行号, the file's columns, 问题). */
  problems(request: ImportRequest): Promise<ImportProblemSheet>;
  /** The lists the import changed reload on their own; this is for anything else to do. */
  onImported?(result: ImportResult): void;
  onClose(): void;
}

export type ImportPhase = 'pick' | 'previewing' | 'ready' | 'committing' | 'done';

/**
 * The import dialog's steps: the picked file, the column mapping, the core's preview and the
 * result, with the long steps run as cancellable tasks.
 */
export function useImportWizard(
  open: boolean,
  { preview, commit, problems, onImported, onClose }: ImportHandlers,
) {
  const { modal, message } = App.useApp();
  const [phase, setPhase] = useState<ImportPhase>('pick');
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** What a cancelled preview or commit said: nothing was saved. */
  const [cancelled, setCancelled] = useState<string | null>(null);
  const task = useCancellableTask('imports.cancel', open);
  /** A cancelled step's message, or false when `e` is another failure. */
  const wasCancelled = (e: unknown) => {
    if (!(e instanceof PilotError && e.shape.code === 'CANCELLED')) return false;
    setCancelled(e.message);
    return true;
  };

  const reset = () => {
    setPhase('pick');
    setFile(null);
    setMapping({});
    setResult(null);
    setDone(null);
    setError(null);
    setCancelled(null);
  };

  const runPreview = async (picked: UploadedFile, nextMapping: Record<string, number | null>) => {
    setPhase('previewing');
    setError(null);
    setCancelled(null);
    try {
      const next = await task.run((taskId) =>
        preview({ file: picked, mapping: nextMapping, taskId }),
      );
      setResult(next);
      setPhase('ready');
    } catch (e) {
      if (!wasCancelled(e)) setError(`${t.importer.previewFailed}：${messageOf(e)}`);
      setResult(null);
      setPhase('pick');
    }
  };

  /** The same file previewed again, once a problem group's action has mended its rows. */
  const recheck = () => {
    if (file) void runPreview(file, mapping);
  };

  /** Another page of the checked rows: the same file and mapping, read again by the core. */
  const [pageLoading, setPageLoading] = useState(false);
  const loadRows = async (rowsFrom: number) => {
    if (!file) return;
    setPageLoading(true);
    try {
      setResult(await preview({ file, mapping, rowsFrom }));
    } catch (e) {
      message.error(`${t.importer.previewFailed}：${messageOf(e)}`);
    } finally {
      setPageLoading(false);
    }
  };

  const onPick = async (picked: File) => {
    let uploaded: UploadedFile;
    try {
      uploaded = await toUploadedFile(picked);
    } catch (e) {
      setError(`${t.importer.previewFailed}：${messageOf(e)}`);
      return;
    }
    setFile(uploaded);
    setMapping({});
    await runPreview(uploaded, {});
  };

  const onMappingChange = (field: string, column: number | null) => {
    if (!file) return;
    const next = { ...mapping, [field]: column };
    setMapping(next);
    void runPreview(file, next);
  };

  const onCommit = async (skipInvalid: boolean) => {
    if (!file) return;
    setPhase('committing');
    setError(null);
    setCancelled(null);
    try {
      const imported = await task.run((taskId) => commit({ file, mapping, taskId, skipInvalid }));
      setDone(imported);
      setPhase('done');
      onImported?.(imported);
    } catch (e) {
      if (!wasCancelled(e)) setError(`${t.importer.failed}：${messageOf(e)}`);
      setPhase('ready');
    }
  };

  const [downloading, setDownloading] = useState(false);
  const download = async (
    make: () => Promise<ImportProblemSheet>,
    done: (name: string) => string,
  ) => {
    setDownloading(true);
    try {
      const sheet = await make();
      saveSheet(sheet);
      message.success(done(sheet.fileName));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setDownloading(false);
    }
  };
  const onDownload = () => {
    if (file) void download(() => problems({ file, mapping }), t.importer.downloaded);
  };

  const confirmSkipInvalid = (valid: number, invalid: number) =>
    modal.confirm({
      title: t.importer.skipConfirmTitle,
      content: t.importer.skipConfirm(valid, invalid),
      okText: t.importer.skipConfirmOk,
      cancelText: t.common.cancel,
      onOk: () => void onCommit(true),
    });

  // Columns matched by hand are work the person would lose: leaving asks first.
  const guard = useUnsavedGuard(open && Object.keys(mapping).length > 0 && done === null);
  const close = () => {
    if (phase === 'committing') return;
    guard(() => {
      reset();
      onClose();
    });
  };

  return {
    phase,
    file,
    result,
    done,
    error,
    setError,
    cancelled,
    task,
    pageLoading,
    downloading,
    busy: phase === 'previewing' || phase === 'committing',
    reset,
    recheck,
    loadRows,
    onPick,
    onMappingChange,
    onCommit,
    download,
    onDownload,
    confirmSkipInvalid,
    close,
  };
}
