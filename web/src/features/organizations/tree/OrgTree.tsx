import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Skeleton, Tree } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../lib/api.ts';
import { childrenQuery, type Org, orgQuery, scopeRootQuery } from '../orgs.api.ts';

type Key = string;
const keyOf = (id: number): Key => String(id);

/**
 * The organization tree, loaded one level at a time: a province has thousands of units and the
 * page must paint at once, so only the children of expanded nodes are ever fetched.
 */
export function OrgTree({ selectedId }: { selectedId: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const root = useQuery(scopeRootQuery);
  const [loadedIds, setLoadedIds] = useState<number[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);

  // Observed queries: after a change elsewhere (merge, import…) the visible levels refresh themselves.
  const childLists = useQueries({ queries: loadedIds.map((id) => childrenQuery(id)), combine: dataOnly });
  const childrenOf = useMemo(() => {
    const m = new Map<number, Org[]>();
    loadedIds.forEach((id, i) => {
      const data = childLists[i];
      if (data) m.set(id, data);
    });
    return m;
  }, [loadedIds, childLists]);

  const open = useCallback(
    async (ids: number[]) => {
      await Promise.all(ids.map((id) => qc.ensureQueryData(childrenQuery(id))));
      setLoadedIds((prev) => [...new Set([...prev, ...ids])]);
      setExpandedKeys((prev) => [...new Set([...prev, ...ids.map(keyOf)])]);
    },
    [qc],
  );

  useRevealSelected(selectedId, open);
  // The top of the user's tree always starts open, whatever is selected (even a unit they may not see).
  const rootId = root.data?.id;
  useEffect(() => {
    if (rootId !== undefined) void open([rootId]);
  }, [rootId, open]);

  const treeData = useMemo<TreeDataNode[]>(() => (root.data ? [toNode(root.data, childrenOf, selectedId)] : []), [root.data, childrenOf, selectedId]);

  const loadData: TreeProps['loadData'] = async (node) => {
    const id = Number(node.key);
    await qc.ensureQueryData(childrenQuery(id));
    setLoadedIds((prev) => (prev.includes(id) ? prev : [...prev, id]));
  };

  const onSelect: TreeProps['onSelect'] = (_keys, info) => {
    navigate(`/orgs/${String(info.node.key)}`);
  };

  if (root.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (root.error) return <Alert type="error" showIcon message={errorMessage(root.error)} />;

  return (
    <div className="org-tree">
      <Tree
        treeData={treeData}
        loadData={loadData}
        loadedKeys={loadedIds.map(keyOf)}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys.map(String))}
        selectedKeys={[keyOf(selectedId)]}
        onSelect={onSelect}
        showLine={{ showLeafIcon: false }}
        blockNode
        aria-label={t('orgs.treeTitle')}
      />
    </div>
  );
}

// Module-level so useQueries keeps the combined list stable between renders.
const dataOnly = (results: { data?: Org[] }[]) => results.map((r) => r.data);

function toNode(org: Org, childrenOf: Map<number, Org[]>, selectedId: number): TreeDataNode {
  const kids = childrenOf.get(org.id);
  const node: TreeDataNode & { 'aria-selected': boolean } = {
    key: keyOf(org.id),
    title: <span className="org-tree__title">{org.name}</span>,
    isLeaf: org.childCount === 0,
    children: kids?.map((k) => toNode(k, childrenOf, selectedId)),
    // rc-tree would set aria-selected from "selectable", not from the selection; say it right.
    'aria-selected': org.id === selectedId,
  };
  return node;
}

/**
 * When a unit is opened (tree click, search hit or a typed URL) its ancestors and the unit itself
 * are expanded, once per unit, so collapsing by hand afterwards sticks.
 */
function useRevealSelected(selectedId: number, open: (ids: number[]) => Promise<void>) {
  const qc = useQueryClient();
  const { data: org } = useQuery(orgQuery(selectedId));
  const revealedFor = useRef<number | null>(null);
  // Ask for the unit's children together with the unit, not after it: one round trip less before the tree paints.
  useEffect(() => {
    void qc.prefetchQuery(childrenQuery(selectedId));
  }, [qc, selectedId]);
  useEffect(() => {
    if (!org || org.id !== selectedId || revealedFor.current === selectedId) return;
    revealedFor.current = selectedId;
    const ids = [...org.ancestors.map((a) => a.id), ...(org.childCount > 0 ? [org.id] : [])];
    void open(ids).then(() => requestAnimationFrame(scrollSelectedIntoTreeView));
  }, [org, selectedId, open]);
}

/** Scrolls only the tree's own box, never the page, so the detail on the right stays put. */
function scrollSelectedIntoTreeView() {
  const box = document.querySelector<HTMLElement>('.org-tree');
  const node = box?.querySelector<HTMLElement>('.ant-tree-treenode-selected');
  if (!box || !node) return;
  const top = node.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - node.offsetHeight) {
    box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }
}
