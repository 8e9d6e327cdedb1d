import { useEffect, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from '../features/accounts/session.tsx';
import { setDayjsLocale } from '../lib/dates.ts';
import { currentLanguage } from './i18n.ts';
import { createQueryClient } from './query-client.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { theme } from './theme.ts';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : currentLanguage();

  useEffect(() => {
    setDayjsLocale(lang);
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <ConfigProvider locale={lang === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <AppRoutes />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
