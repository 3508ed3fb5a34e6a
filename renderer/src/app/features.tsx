import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudDownloadOutlined,
  FileProtectOutlined,
  FormOutlined,
  ExperimentOutlined,
  HomeOutlined,
  MoneyCollectOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AgreementsPage } from '../features/agreements/AgreementsPage';
import { CataloguePage } from '../features/catalogue/CataloguePage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ExamsPage } from '../features/exams/ExamsPage';
import { FacilitiesPage } from '../features/facilities/FacilitiesPage';
import { FeesPage } from '../features/fees/FeesPage';
import { MajorsPage } from '../features/majors/MajorsPage';
import { PackagePage } from '../features/packageExport/PackagePage';
import { ProjectsPage } from '../features/projects/ProjectsPage';
import { SchoolPage } from '../features/school/SchoolPage';
import { SelfCheckPage } from '../features/selfCheck/SelfCheckPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StudentsPage } from '../features/students/StudentsPage';
import { TeachersPage } from '../features/teachers/TeachersPage';
import { WeeklyPage } from '../features/weekly/WeeklyPage';
import { t } from '../i18n';

export interface FeatureEntry {
  key: string;
  label: string;
  icon: ReactNode;
  render: () => ReactNode;
}

/** The sidebar lists exactly the features that exist, in the order a coordinator works. */
export const features: readonly FeatureEntry[] = [
  // First: where an unknown or empty route lands (a fresh install moves on to 学校信息).
  {
    key: 'dashboard',
    label: t.dashboard.title,
    icon: <HomeOutlined />,
    render: () => <DashboardPage />,
  },
  { key: 'school', label: t.nav.school, icon: <BankOutlined />, render: () => <SchoolPage /> },
  {
    key: 'catalogue',
    label: t.catalogue.title,
    icon: <SafetyCertificateOutlined />,
    render: () => <CataloguePage />,
  },
  { key: 'majors', label: t.nav.majors, icon: <ApartmentOutlined />, render: () => <MajorsPage /> },
  {
    key: 'teachers',
    label: t.nav.teachers,
    icon: <TeamOutlined />,
    render: () => <TeachersPage />,
  },
  {
    key: 'students',
    label: t.students.title,
    icon: <UserOutlined />,
    render: () => <StudentsPage />,
  },
  {
    key: 'facilities',
    label: t.nav.facilities,
    icon: <ExperimentOutlined />,
    render: () => <FacilitiesPage />,
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
  {
    key: 'package',
    label: t.nav.packageExport,
    icon: <CloudDownloadOutlined />,
    render: () => <PackagePage />,
  },
  // Running the pilot once the application is in: exams, fees.
  { key: 'exams', label: t.exams.title, icon: <FormOutlined />, render: () => <ExamsPage /> },
  {
    key: 'agreements',
    label: t.agreements.title,
    icon: <FileProtectOutlined />,
    render: () => <AgreementsPage />,
  },
  {
    key: 'fees',
    label: t.fees.title,
    icon: <MoneyCollectOutlined />,
    render: () => <FeesPage />,
  },
  {
    key: 'weekly',
    label: t.weekly.title,
    icon: <ScheduleOutlined />,
    render: () => <WeeklyPage />,
  },
  // Keep last: settings closes the sidebar.
  {
    key: 'settings',
    label: t.settings.title,
    icon: <SettingOutlined />,
    render: () => <SettingsPage />,
  },
];
