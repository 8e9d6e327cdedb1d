import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/vi';

/** What every date field shows and accepts. */
export const DATE_FORMAT = 'DD/MM/YYYY';

export const toIsoDate = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);
export const fromIsoDate = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);
export const today = (): Dayjs => dayjs();

export function setDayjsLocale(lang: 'vi' | 'en') {
  dayjs.locale(lang);
}
