import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../../shared/contract/system';
import { useQuery } from '../../api/useQuery';
import { CoreStarted } from '../../app/coreStarted';

// Loaded only when needed, with antd's providers, so neither is part of the first paint.
const RecoveryScreen = lazy(async () => {
  const [{ AntdProviders }, screen] = await Promise.all([
    import('../../app/antdProviders'),
    import('./RecoveryScreen'),
  ]);
  return {
    default: function RecoveryWithAntd({ info }: { info: AppInfo }) {
      return (
        <AntdProviders>
          <screen.RecoveryScreen info={info} />
        </AntdProviders>
      );
    },
  };
});

const waiting = (
  <div className="frame-waiting">
    <span className="frame-spinner" />
  </div>
);

/**
 * Shows the app, unless the core started in recovery mode (the data file failed its integrity
 * check): then a recovery screen that offers the newest good backup instead. The app's frame
 * paints before the core's first answer; its pages wait for it (`useCoreStarted`).
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const { data: info, state } = useQuery('system.info', {});
  // Once shown, the screen stays until the page reloads on the restored file: the app must not
  // appear for the moment before, taking a click that the reload then drops.
  const [recovery, setRecovery] = useState<AppInfo | null>(null);
  if (info?.mode === 'recovery' && info !== recovery) setRecovery(info);
  const shown = info?.mode === 'recovery' ? info : recovery;
  if (shown) {
    return (
      <Suspense fallback={waiting}>
        <RecoveryScreen info={shown} />
      </Suspense>
    );
  }
  return <CoreStarted.Provider value={state !== 'loading'}>{children}</CoreStarted.Provider>;
}
