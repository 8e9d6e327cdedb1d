import type { ThemeConfig } from 'antd';

/** Party red as the accent, kept sober: these are working screens, not posters. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b3261e',
    colorLink: '#b3261e',
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
  components: {
    Layout: { headerBg: '#8e1b14', headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
  },
};
