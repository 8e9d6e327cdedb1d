import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReferenceData, useOrgReference } from './orgs.api.ts';

/** Level, type and kind names are data from the server, shown in the user's language. */
export function useReferenceNames() {
  const { data } = useOrgReference();
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return useMemo(() => buildNames(data, en), [data, en]);
}

function buildNames(ref: ReferenceData | undefined, en: boolean) {
  const pick = (x: { nameVi: string; nameEn: string }) => (en ? x.nameEn : x.nameVi);
  const types = new Map(ref?.types.map((t) => [t.code, t]));
  const kinds = new Map(ref?.kinds.map((k) => [k.code, k]));
  const levels = new Map(ref?.levels.map((l) => [l.level, l]));
  return {
    ready: !!ref,
    typeName: (code: string) => {
      const t = types.get(code);
      return t ? pick(t) : code;
    },
    kindName: (code: string) => {
      const k = kinds.get(code);
      return k ? pick(k) : code;
    },
    levelName: (level: number) => {
      const l = levels.get(level);
      return l ? pick(l) : String(level);
    },
    typeLevel: (code: string) => types.get(code)?.level,
    /** Types that may sit below a unit of the given level, for "create child" and "new unit" forms. */
    typeOptions: (belowLevel?: number) =>
      (ref?.types ?? [])
        .filter((t) => belowLevel === undefined || t.level > belowLevel)
        .map((t) => ({ value: t.code, label: pick(t), level: t.level })),
    // The server's order (territorial first…) is the one people know; keep it.
    kindOptions: () => (ref?.kinds ?? []).map((k) => ({ value: k.code, label: pick(k) })),
  };
}

export type ReferenceNames = ReturnType<typeof buildNames>;
