import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '../../api/useQuery';
import { CoreStarted } from '../../app/coreStarted';

// Loaded only when needed, so the recovery screen's tables stay out of the first paint.
const RecoveryScreen = lazy(() =>
  import('./RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })),
);

const waiting = (
  <div style={{ padding: 96, textAlign: 'center' }}>
    <Spin />
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
