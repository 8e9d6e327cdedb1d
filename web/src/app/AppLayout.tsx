import { Suspense } from 'react';
import { Alert, Layout, Menu, Tag, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import { ApartmentOutlined, AuditOutlined, BarChartOutlined, CheckSquareOutlined, FileExcelOutlined, FileTextOutlined, FlagOutlined, IdcardOutlined, KeyOutlined, LogoutOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { roleColor, roleLabelKey } from '../features/accounts/roles.ts';
import { useMe, useSession } from '../features/accounts/session.tsx';
import { myElectionsQuery } from '../features/elections/elections.api.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { PageSpinner } from './PageSpinner.tsx';

const sections = ['/orgs', '/campaigns', '/documents', '/consultations', '/personnel', '/congresses', '/elections', '/reports', '/import', '/users', '/audit', '/password'] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const section = sections.find((s) => pathname === s || pathname.startsWith(`${s}/`)) ?? '/orgs';
  const selected = section === '/elections' ? '/elections/mine' : section === '/congresses' ? '/campaigns' : section === '/consultations' ? '/documents' : section;
  // "Bầu cử của tôi" is there for whoever the server has put on a counting committee.
  const { data: myElections } = useQuery(myElectionsQuery);

  // What the menu offers comes from the server's abilities, never from the role name.
  const items: MenuProps['items'] = [
    { key: '/orgs', icon: <ApartmentOutlined aria-hidden />, label: t('nav.orgs') },
    { key: '/campaigns', icon: <FlagOutlined aria-hidden />, label: t('nav.campaigns') },
    { key: '/documents', icon: <FileTextOutlined aria-hidden />, label: t('nav.documents') },
    { key: '/personnel', icon: <IdcardOutlined aria-hidden />, label: t('personnel.nav') },
    { key: '/reports', icon: <BarChartOutlined aria-hidden />, label: t('nav.reports') },
    ...(myElections?.length ? [{ key: '/elections/mine', icon: <CheckSquareOutlined aria-hidden />, label: t('nav.myElections') }] : []),
    { key: '/import', icon: <FileExcelOutlined aria-hidden />, label: t('nav.importExport') },
    ...(me.abilities.manageUsers ? [{ key: '/users', icon: <TeamOutlined aria-hidden />, label: t('nav.users') }] : []),
    ...(me.abilities.readAudit ? [{ key: '/audit', icon: <AuditOutlined aria-hidden />, label: t('nav.audit') }] : []),
    { type: 'divider' as const },
    { key: '/password', icon: <KeyOutlined aria-hidden />, label: t('nav.changePassword') },
    { key: 'sign-out', icon: <LogoutOutlined aria-hidden />, label: t('nav.signOut') },
  ];

  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'sign-out') void signOut();
    // Straight to the user's own unit: going through /orgs would redirect and remount the tree page, losing what is typed in it.
    else if (key === '/orgs') navigate(`/orgs/${me.scopeOrg.id}`);
    else navigate(key);
  };

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Link to="/" className="app-header__brand" aria-label={t('app.home')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </Link>
        <div className="app-header__user" aria-label={t('header.account')} role="group">
          <div className="app-header__who">
            <span className="app-header__name">{me.fullName}</span>
            <Tooltip title={t('header.scope')}>
              <span className="app-header__scope">{me.scopeOrg.name}</span>
            </Tooltip>
          </div>
          <Tag color={roleColor[me.role]} className="app-header__role">
            {t(roleLabelKey[me.role])}
          </Tag>
          <LanguageSwitch />
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={224} breakpoint="lg" collapsedWidth={64} theme="light" className="app-sider">
          <nav aria-label={t('nav.label')}>
            <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={onMenuClick} />
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          {me.mustChangePassword && <Alert type="warning" showIcon message={t('password.mustChange')} className="app-content__notice" />}
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
