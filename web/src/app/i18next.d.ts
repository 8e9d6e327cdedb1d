import type { vi } from '../locales/vi.ts';

// Typed keys: t('a.missing.key') fails the typecheck instead of showing the raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
