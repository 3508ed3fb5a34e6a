import {
  AuditOutlined,
  BankOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { CataloguePage } from '../features/catalogue/CataloguePage';
import { ProjectsPage } from '../features/projects/ProjectsPage';
import { SchoolPage } from '../features/school/SchoolPage';
import { SelfCheckPage } from '../features/selfCheck/SelfCheckPage';
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
  {
    key: 'projects',
    label: t.nav.projects,
    icon: <ProjectOutlined />,
    render: () => <ProjectsPage />,
  },
  {
    key: 'selfCheck',
    label: t.nav.selfCheck,
    icon: <AuditOutlined />,
    render: () => <SelfCheckPage />,
  },
];
