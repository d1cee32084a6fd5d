import { useMemo, useState, type ReactNode } from 'react';
import { Card, Col, Descriptions, Empty, Input, Row, Space, Tag, Tree, Typography } from 'antd';
import { useAuth } from '../../../shared/auth.tsx';
import { describeError } from '../../../shared/errors.ts';
import { useI18n, type Translate } from '../../../shared/i18n.ts';
import { RegionFlagsEditor } from '../components/RegionFlagsEditor.tsx';
import { useRegionTree } from '../components/RegionCascader.tsx';
import type { RegionNode } from '../api.ts';

type TreeItem = { key: string; title: ReactNode; children?: TreeItem[] };

const FLAG_COLORS: Record<string, string> = { border: 'orange', ethnic_autonomous: 'green', old_revolutionary: 'red' };

function flagTags(t: Translate, node: RegionNode) {
  return node.flags.map((f) => (
    <Tag key={f} color={FLAG_COLORS[f] ?? 'default'} style={{ marginInlineStart: 6 }}>
      {t(`regionFlag.${f}`)}
    </Tag>
  ));
}

/** Nodes whose name or code matches, with the ancestors needed to reach them. */
function filterTree(nodes: readonly RegionNode[], term: string): RegionNode[] {
  if (!term) return [...nodes];
  const out: RegionNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children ?? [], term);
    if (node.name.includes(term) || node.code.startsWith(term) || children.length > 0) out.push({ ...node, children });
  }
  return out;
}

function indexTree(nodes: readonly RegionNode[], into: Map<string, RegionNode>): Map<string, RegionNode> {
  for (const node of nodes) {
    into.set(node.code, node);
    indexTree(node.children ?? [], into);
  }
  return into;
}

export function RegionsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const tree = useRegionTree();
  const [term, setTerm] = useState('');
  const [selected, setSelected] = useState<string | null>(null);

  const byCode = useMemo(() => indexTree(tree.data ?? [], new Map()), [tree.data]);
  const treeData = useMemo(() => {
    const toItem = (node: RegionNode): TreeItem => ({
      key: node.code,
      title: (
        <span>
          {node.name} <Typography.Text type="secondary">{node.code}</Typography.Text>
          {flagTags(t, node)}
        </span>
      ),
      children: node.children && node.children.length > 0 ? node.children.map(toItem) : undefined,
    });
    return filterTree(tree.data ?? [], term.trim()).map(toItem);
  }, [tree.data, term, t]);

  const selectedNode = selected ? byCode.get(selected) : undefined;
  const rootKeys = (tree.data ?? []).map((n) => n.code);

  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card title={t('regions.title')} loading={tree.isPending}>
          {tree.isError && <Typography.Text type="danger">{describeError(t, tree.error)}</Typography.Text>}
          <Input.Search allowClear placeholder={t('regions.search')} onChange={(e) => setTerm(e.target.value)} style={{ marginBottom: 12 }} />
          <Tree<TreeItem>
            key={term ? 'search' : 'all'}
            treeData={treeData}
            defaultExpandAll={Boolean(term.trim())}
            defaultExpandedKeys={rootKeys}
            onSelect={(keys) => setSelected(keys.length > 0 ? String(keys[0]) : null)}
            data-testid="region-tree"
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('regions.detail')}>
          {!selectedNode && <Empty description={t('regions.selectHint')} />}
          {selectedNode && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('regions.name')}>{selectedNode.name}</Descriptions.Item>
                <Descriptions.Item label={t('regions.code')}>{selectedNode.code}</Descriptions.Item>
                <Descriptions.Item label={t('regions.level')}>{t(`regionLevel.${selectedNode.level}`)}</Descriptions.Item>
                <Descriptions.Item label={t('regions.flags')}>
                  {selectedNode.flags.length > 0 ? flagTags(t, selectedNode) : t('common.none')}
                </Descriptions.Item>
              </Descriptions>
              {can('region.manage') && selectedNode.level > 0 && <RegionFlagsEditor key={selectedNode.code} region={selectedNode} />}
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}
