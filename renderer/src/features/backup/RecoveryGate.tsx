import { lazy, Suspense, type ReactNode } from 'react';
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
  if (info?.mode === 'recovery') {
    return (
      <Suspense fallback={waiting}>
        <RecoveryScreen info={info} />
      </Suspense>
    );
  }
  return <CoreStarted.Provider value={state !== 'loading'}>{children}</CoreStarted.Provider>;
}
