import { Suspense } from 'react';
import { WeeklyAlertBanner } from '../features/weekly/WeeklyAlertBanner';
import { WeeklyDueReminder } from '../features/weekly/WeeklyDueReminder';
import { AntdProviders } from './antdProviders';
import { ErrorBoundary } from './ErrorBoundary';
import type { FeatureEntry } from './features';
import { opening } from './opening';
import { UnsavedEditsDialog } from './UnsavedEditsDialog';

/**
 * The frame's antd part, loaded once the frame has painted: the weekly banners, the current page
 * and the unsaved-edits question, under antd's providers.
 */
export function Workspace({ feature }: { feature: FeatureEntry }) {
  return (
    <AntdProviders className="frame-workspace">
      <WeeklyAlertBanner />
      <WeeklyDueReminder />
      <main className="frame-content">
        {/* One per page, keyed by it: a page's crash stays on that page, and leaving it clears it. */}
        <ErrorBoundary key={feature.key} page>
          <Suspense fallback={opening}>{feature.render()}</Suspense>
        </ErrorBoundary>
      </main>
      <UnsavedEditsDialog />
    </AntdProviders>
  );
}
