import { z } from 'zod';
import i18n from '../app/i18n.ts';

/**
 * The shared contracts validate forms too. Their own messages (e.g. the code pattern) stay;
 * zod's generic English defaults are replaced by short sentences in the user's language.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? i18n.t('validation.required') : i18n.t('validation.minChars', { count: Number(issue.minimum) });
        if (issue.origin === 'array') return i18n.t('validation.minItems', { count: Number(issue.minimum) });
        return i18n.t('validation.minValue', { min: Number(issue.minimum) });
      case 'too_big':
        if (issue.origin === 'string') return i18n.t('validation.maxChars', { count: Number(issue.maximum) });
        if (issue.origin === 'array') return i18n.t('validation.maxItems', { count: Number(issue.maximum) });
        return i18n.t('validation.maxValue', { max: Number(issue.maximum) });
      case 'invalid_type':
        return i18n.t('validation.required');
      case 'invalid_format':
        return i18n.t('validation.format');
      default:
        return undefined;
    }
  },
});

export { z };
