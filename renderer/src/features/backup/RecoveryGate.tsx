import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '../../api/useQuery';

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
 * check): then a recovery screen that offers the newest good backup instead.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const { data: info, state } = useQuery('system.info', {});
  if (state === 'loading') return waiting;
  if (info?.mode === 'recovery') {
    return (
      <Suspense fallback={waiting}>
        <RecoveryScreen info={info} />
      </Suspense>
    );
  }
  return <>{children}</>;
}
