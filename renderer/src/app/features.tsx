import AccountBookOutlined from '@ant-design/icons-svg/es/asn/AccountBookOutlined';
import ApartmentOutlined from '@ant-design/icons-svg/es/asn/ApartmentOutlined';
import AuditOutlined from '@ant-design/icons-svg/es/asn/AuditOutlined';
import BankOutlined from '@ant-design/icons-svg/es/asn/BankOutlined';
import CloudDownloadOutlined from '@ant-design/icons-svg/es/asn/CloudDownloadOutlined';
import EnvironmentOutlined from '@ant-design/icons-svg/es/asn/EnvironmentOutlined';
import ExperimentOutlined from '@ant-design/icons-svg/es/asn/ExperimentOutlined';
import FileProtectOutlined from '@ant-design/icons-svg/es/asn/FileProtectOutlined';
import FormOutlined from '@ant-design/icons-svg/es/asn/FormOutlined';
import HomeOutlined from '@ant-design/icons-svg/es/asn/HomeOutlined';
import MoneyCollectOutlined from '@ant-design/icons-svg/es/asn/MoneyCollectOutlined';
import ProjectOutlined from '@ant-design/icons-svg/es/asn/ProjectOutlined';
import SafetyCertificateOutlined from '@ant-design/icons-svg/es/asn/SafetyCertificateOutlined';
import ScheduleOutlined from '@ant-design/icons-svg/es/asn/ScheduleOutlined';
import SettingOutlined from '@ant-design/icons-svg/es/asn/SettingOutlined';
import TeamOutlined from '@ant-design/icons-svg/es/asn/TeamOutlined';
import UserOutlined from '@ant-design/icons-svg/es/asn/UserOutlined';
import { lazy, type ReactNode } from 'react';
import { t } from '../i18n';
import { SvgIcon } from './SvgIcon';

// Each page's code (and ECharts with 首页) loads on its first visit, after the frame has painted.
const AgreementsPage = lazy(() =>
  import('../features/agreements/AgreementsPage').then((m) => ({ default: m.AgreementsPage })),
);
const CataloguePage = lazy(() =>
  import('../features/catalogue/CataloguePage').then((m) => ({ default: m.CataloguePage })),
);
const DashboardPage = lazy(() =>
  import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const ExamsPage = lazy(() =>
  import('../features/exams/ExamsPage').then((m) => ({ default: m.ExamsPage })),
);
const ExamSitesPage = lazy(() =>
  import('../features/examSites/ExamSitesPage').then((m) => ({ default: m.ExamSitesPage })),
);
const FacilitiesPage = lazy(() =>
  import('../features/rooms/FacilitiesPage').then((m) => ({ default: m.FacilitiesPage })),
);
const FeesPage = lazy(() =>
  import('../features/fees/FeesPage').then((m) => ({ default: m.FeesPage })),
);
const FundsPage = lazy(() =>
  import('../features/funds/FundsPage').then((m) => ({ default: m.FundsPage })),
);
const MajorsPage = lazy(() =>
  import('../features/majors/MajorsPage').then((m) => ({ default: m.MajorsPage })),
);
const PackagePage = lazy(() =>
  import('../features/package/PackagePage').then((m) => ({ default: m.PackagePage })),
);
const ProjectsPage = lazy(() =>
  import('../features/projects/ProjectsPage').then((m) => ({ default: m.ProjectsPage })),
);
const SchoolPage = lazy(() =>
  import('../features/school/SchoolPage').then((m) => ({ default: m.SchoolPage })),
);
const SelfCheckPage = lazy(() =>
  import('../features/selfCheck/SelfCheckPage').then((m) => ({ default: m.SelfCheckPage })),
);
const SettingsPage = lazy(() =>
  import('../features/backup/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
const StudentsPage = lazy(() =>
  import('../features/students/StudentsPage').then((m) => ({ default: m.StudentsPage })),
);
const TeachersPage = lazy(() =>
  import('../features/teachers/TeachersPage').then((m) => ({ default: m.TeachersPage })),
);
const WeeklyPage = lazy(() =>
  import('../features/weekly/WeeklyPage').then((m) => ({ default: m.WeeklyPage })),
);

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
    icon: <SvgIcon icon={HomeOutlined} />,
    render: () => <DashboardPage />,
  },
  {
    key: 'school',
    label: t.nav.school,
    icon: <SvgIcon icon={BankOutlined} />,
    render: () => <SchoolPage />,
  },
  {
    key: 'catalogue',
    label: t.catalogue.title,
    icon: <SvgIcon icon={SafetyCertificateOutlined} />,
    render: () => <CataloguePage />,
  },
  {
    key: 'majors',
    label: t.nav.majors,
    icon: <SvgIcon icon={ApartmentOutlined} />,
    render: () => <MajorsPage />,
  },
  {
    key: 'teachers',
    label: t.nav.teachers,
    icon: <SvgIcon icon={TeamOutlined} />,
    render: () => <TeachersPage />,
  },
  {
    key: 'students',
    label: t.students.title,
    icon: <SvgIcon icon={UserOutlined} />,
    render: () => <StudentsPage />,
  },
  {
    key: 'facilities',
    label: t.nav.facilities,
    icon: <SvgIcon icon={ExperimentOutlined} />,
    render: () => <FacilitiesPage />,
  },
  {
    key: 'projects',
    label: t.nav.projects,
    icon: <SvgIcon icon={ProjectOutlined} />,
    render: () => <ProjectsPage />,
  },
  {
    key: 'selfCheck',
    label: t.nav.selfCheck,
    icon: <SvgIcon icon={AuditOutlined} />,
    render: () => <SelfCheckPage />,
  },
  {
    key: 'package',
    label: t.nav.package,
    icon: <SvgIcon icon={CloudDownloadOutlined} />,
    render: () => <PackagePage />,
  },
  // Running the pilot once the application is in: exams, fees.
  {
    key: 'exams',
    label: t.exams.title,
    icon: <SvgIcon icon={FormOutlined} />,
    render: () => <ExamsPage />,
  },
  {
    key: 'examSites',
    label: t.examSites.title,
    icon: <SvgIcon icon={EnvironmentOutlined} />,
    render: () => <ExamSitesPage />,
  },
  {
    key: 'agreements',
    label: t.agreements.title,
    icon: <SvgIcon icon={FileProtectOutlined} />,
    render: () => <AgreementsPage />,
  },
  {
    key: 'fees',
    label: t.fees.title,
    icon: <SvgIcon icon={MoneyCollectOutlined} />,
    render: () => <FeesPage />,
  },
  {
    key: 'funds',
    label: t.funds.title,
    icon: <SvgIcon icon={AccountBookOutlined} />,
    render: () => <FundsPage />,
  },
  {
    key: 'weekly',
    label: t.weekly.title,
    icon: <SvgIcon icon={ScheduleOutlined} />,
    render: () => <WeeklyPage />,
  },
  // Keep last: settings closes the sidebar.
  {
    key: 'settings',
    label: t.backup.title,
    icon: <SvgIcon icon={SettingOutlined} />,
    render: () => <SettingsPage />,
  },
];
