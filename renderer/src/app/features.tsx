import { BankOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { CataloguePage } from '../features/catalogue/CataloguePage';
import { SchoolPage } from '../features/school/SchoolPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { t } from '../i18n';

export interface FeatureEntry {
  key: string;
  label: string;
  icon: ReactNode;
  render: () => ReactNode;
}

/** The sidebar lists exactly the features that exist; a new feature adds one entry. */
export const features: readonly FeatureEntry[] = [
  { key: 'school', label: t.nav.school, icon: <BankOutlined />, render: () => <SchoolPage /> },
  {
    key: 'catalogue',
    label: t.catalogue.title,
    icon: <SafetyCertificateOutlined />,
    render: () => <CataloguePage />,
  },
  // Keep last: settings closes the sidebar.
  {
    key: 'settings',
    label: t.settings.title,
    icon: <SettingOutlined />,
    render: () => <SettingsPage />,
  },
];
