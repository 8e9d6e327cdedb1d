import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Tab titles name the page first, so many open tabs stay tellable apart. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
