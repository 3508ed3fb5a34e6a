import { lazy, Suspense, useEffect } from 'react';
import { useQuery } from '../api/useQuery';
import { t } from '../i18n';
import { useCoreStarted } from './coreStarted';
import { features } from './features';
import { useNavigation } from './navigationStore';
import { opening } from './opening';

// antd and everything drawn with it load here, apart from the frame's own code.
const loadWorkspace = () => import('./Workspace');
const Workspace = lazy(() => loadWorkspace().then((m) => ({ default: m.Workspace })));

const waitingMain = <main className="frame-content">{opening}</main>;

/**
 * Sidebar navigation, the current page, and a status line saying where the data lives. Plain
 * elements styled by frame.css, not antd: the frame paints without waiting for antd's code.
 */
export function AppFrame() {
  const { current, go } = useNavigation();
  const info = useQuery('system.info', {}).data;
  const started = useCoreStarted();
  const feature = features.find((f) => f.key === current) ?? features[0];

  // Fetched while the core starts, so the page does not wait for antd once the core has answered.
  useEffect(() => void loadWorkspace(), []);

  return (
    <div className="frame">
      <aside className="frame-sider">
        <div className="frame-brand">
          <div className="frame-title">{t.app.title}</div>
          <div className="frame-subtitle">{t.app.subtitle}</div>
        </div>
        <div role="menu" aria-label={t.app.navigation} className="frame-menu">
          {features.map((f) => {
            const selected = f.key === feature.key;
            return (
              <button
                key={f.key}
                type="button"
                role="menuitem"
                aria-current={selected ? 'page' : undefined}
                className={
                  selected ? 'frame-menu-item frame-menu-item-selected' : 'frame-menu-item'
                }
                onClick={() => go(f.key)}
              >
                {/* The label alone names the item (the icon's own label is its English name). */}
                <span aria-hidden className="frame-menu-icon">
                  {f.icon}
                </span>
                <span>{f.label}</span>
              </button>
            );
          })}
        </div>
      </aside>
      <div className="frame-body">
        {started ? (
          <Suspense fallback={waitingMain}>
            <Workspace feature={feature} />
          </Suspense>
        ) : (
          waitingMain
        )}
        <footer className="frame-status" data-testid="status-bar">
          {info && (
            <>
              <span>
                {t.app.dataDir}：{info.dataDir}
              </span>
              <span>
                {t.app.version} {info.version}
              </span>
            </>
          )}
        </footer>
      </div>
    </div>
  );
}
