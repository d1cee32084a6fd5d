import type { TablePaginationConfig } from 'antd';
import type { Translate } from './i18n.ts';

type ListState = {
  page: number;
  pageSize: number;
  update: (patch: { page?: number; pageSize?: number }) => void;
};

/** Server paging for an antd Table bound to URL list state; a new page size starts at page 1. */
export function tablePagination(t: Translate, { page, pageSize, update }: ListState, total: number): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (count) => t('common.total', { total: count }),
    onChange: (nextPage, nextSize) => update({ page: nextSize !== pageSize ? 1 : nextPage, pageSize: nextSize }),
  };
}
