import { InputNumber, Input, Table, Tag, Typography } from 'antd';
import { BUDGET_CATEGORIES, checkBudget, type BudgetCategory } from '../../../../../src/modules/seminars/rules.ts';
import { useI18n } from '../../../shared/i18n.ts';
import { type BudgetLine, yuan } from '../api.ts';

type Props = {
  lines: BudgetLine[];
  onChange?: (lines: BudgetLine[]) => void;
  limits: { category: string; perPersonDayCents: number }[];
  trainees: number;
  days: number;
};

/**
 * The budget by category with the limit (per person per day × trainees × days) beside each line
 * and a live check, the same pure rule the server applies (src/modules/seminars/rules.ts).
 */
export function BudgetTable({ lines, onChange, limits, trainees, days }: Props) {
  const { t } = useI18n();
  const byCategory: Partial<Record<BudgetCategory, number>> = Object.fromEntries(limits.map((l) => [l.category, l.perPersonDayCents]));
  const amount = (c: BudgetCategory) => lines.find((l) => l.category === c)?.amountCents ?? 0;
  const note = (c: BudgetCategory) => lines.find((l) => l.category === c)?.note ?? '';
  const problems = checkBudget(lines.map((l) => ({ category: l.category as BudgetCategory, amountCents: l.amountCents })), byCategory, trainees || 0, days || 0);
  const set = (c: BudgetCategory, patch: Partial<BudgetLine>) => {
    const next = BUDGET_CATEGORIES.map((cat) => ({ category: cat, amountCents: amount(cat), note: note(cat), ...(cat === c ? patch : {}) })).filter((l) => l.amountCents > 0 || l.note);
    onChange?.(next);
  };
  const total = lines.reduce((s, l) => s + l.amountCents, 0);
  return (
    <Table
      size="small" pagination={false} rowKey="category" data-testid="budget-table"
      dataSource={BUDGET_CATEGORIES.map((c) => ({ category: c }))}
      summary={() => <Table.Summary.Row><Table.Summary.Cell index={0}>{t('seminars.budget.total')}</Table.Summary.Cell><Table.Summary.Cell index={1} colSpan={5}><b data-testid="budget-total">{yuan(total)}</b></Table.Summary.Cell></Table.Summary.Row>}
      columns={[
        { title: t('seminars.budget.category'), key: 'c', render: (_, r) => t(`seminars.category.${r.category}`) },
        {
          title: t('seminars.budget.amount'), key: 'a', render: (_, r) => onChange
            ? <InputNumber min={0} step={100} precision={2} value={amount(r.category) / 100} data-testid={`budget-${r.category}`} onChange={(v) => set(r.category, { amountCents: Math.round(Number(v ?? 0) * 100) })} />
            : yuan(amount(r.category)),
        },
        { title: t('seminars.budget.limit'), key: 'l', render: (_, r) => (byCategory[r.category] === undefined ? t('seminars.budget.noLimit') : yuan(byCategory[r.category])) },
        { title: t('seminars.budget.allowed'), key: 'm', render: (_, r) => yuan((byCategory[r.category] ?? 0) * (trainees || 0) * (days || 0)) },
        {
          title: t('seminars.status'), key: 's', render: (_, r) => {
            if (!amount(r.category)) return null;
            return problems.some((p) => p.category === r.category) ? <Tag color="red" data-testid={`budget-over-${r.category}`}>{t('seminars.budget.over')}</Tag> : <Tag color="green">{t('seminars.budget.ok')}</Tag>;
          },
        },
        { title: t('seminars.budget.note'), key: 'n', render: (_, r) => (onChange ? <Input value={note(r.category)} maxLength={200} onChange={(e) => set(r.category, { note: e.target.value })} /> : <Typography.Text>{note(r.category)}</Typography.Text>) },
      ]}
    />
  );
}
