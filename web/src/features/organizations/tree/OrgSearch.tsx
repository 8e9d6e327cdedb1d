import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Input, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../lib/api.ts';
import { searchQuery } from '../orgs.api.ts';
import { useReferenceNames } from '../useReferenceNames.ts';

const TYPE_DELAY_MS = 300;

/** Search by name or code; the server folds diacritics, so "mong cai" finds "Móng Cái". */
export function OrgSearch() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');

  // Search as the user types, once a couple of letters are there.
  useEffect(() => {
    const trimmed = text.trim();
    const timer = setTimeout(() => setQuery(trimmed.length >= 2 ? trimmed : ''), TYPE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const { data, isFetching, error } = useQuery(searchQuery(query));
  const clear = () => {
    setText('');
    setQuery('');
  };

  return (
    <div className="org-search">
      <Input.Search
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => setQuery(v.trim())}
        enterButton={t('search.button')}
        allowClear
      />
      {query && (
        <section className="org-search__results" aria-label={t('search.results')}>
          <div className="org-search__header">
            <span>{isFetching && !data ? t('common.loading') : t('search.count', { count: data?.length ?? 0 })}</span>
            <Button type="link" size="small" onClick={clear}>
              {t('search.close')}
            </Button>
          </div>
          {error && <Alert type="error" showIcon message={errorMessage(error)} />}
          {isFetching && !data && <Spin size="small" />}
          {data && data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.none')} />}
          {data && data.length > 0 && (
            <ul>
              {data.map((hit) => (
                <li key={hit.id}>
                  <Link to={`/orgs/${hit.id}`} onClick={clear}>
                    <span className="org-search__name">{hit.name}</span>
                    <span className="org-search__path">{[names.typeName(hit.typeCode), hit.pathNames.join(' › ')].filter(Boolean).join(' · ')}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
