import { Layout, Menu, Space, Spin, theme } from 'antd';
import { Suspense } from 'react';
import { useQuery } from '../api/useQuery';
import { WeeklyAlertBanner } from '../features/weekly/WeeklyAlertBanner';
import { WeeklyDueReminder } from '../features/weekly/WeeklyDueReminder';
import { t } from '../i18n';
import { useCoreStarted } from './coreStarted';
import { ErrorBoundary } from './ErrorBoundary';
import { features } from './features';
import { useNavigation } from './navigationStore';

const opening = (
  <div role="status" aria-label={t.app.openingPage} style={{ textAlign: 'center', padding: 48 }}>
    <Spin size="large" />
  </div>
);

/** Sidebar navigation, the current page, and a status line saying where the data lives. */
export function AppFrame() {
  const { current, go } = useNavigation();
  const info = useQuery('system.info', {}).data;
  const started = useCoreStarted();
  const feature = features.find((f) => f.key === current) ?? features[0];
  // Plain elements in antd's colours keep the typography component out of the first paint.
  const { token } = theme.useToken();
  const secondary = { color: token.colorTextSecondary };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px' }}>
          <div style={{ fontSize: 16, fontWeight: 600, color: token.colorTextHeading }}>
            {t.app.title}
          </div>
          <div style={{ ...secondary, fontSize: 12 }}>{t.app.subtitle}</div>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[feature.key]}
          items={features.map((f) => ({ key: f.key, icon: f.icon, label: f.label }))}
          onClick={({ key }) => go(key)}
        />
      </Layout.Sider>
      <Layout>
        {started && <WeeklyAlertBanner />}
        {started && <WeeklyDueReminder />}
        <Layout.Content style={{ padding: 24 }} role="main">
          {/* One per page, keyed by it: a page's crash stays on that page, and leaving it clears it. */}
          {started ? (
            <ErrorBoundary key={feature.key} page>
              <Suspense fallback={opening}>{feature.render()}</Suspense>
            </ErrorBoundary>
          ) : (
            opening
          )}
        </Layout.Content>
        <Layout.Footer style={{ padding: '8px 24px', fontSize: 12 }} data-testid="status-bar">
          {info && (
            <Space size="large">
              <span style={secondary}>
                {t.app.dataDir}：{info.dataDir}
              </span>
              <span style={secondary}>
                {t.app.version} {info.version}
              </span>
            </Space>
          )}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
