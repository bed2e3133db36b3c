import { SectionNav } from '../../../_components/section-nav';

const TABS = [
  { href: '/admin/credit', label: '条目' },
  { href: '/admin/credit/batches', label: '发布批次' },
  { href: '/admin/credit/import', label: '批量导入' },
  { href: '/admin/credit/objections', label: '异议申诉' },
] as const;

/** The 红黑榜 section's own navigation, shown on each of its pages. */
export function CreditNav({ current }: { current: (typeof TABS)[number]['href'] }) {
  return <SectionNav label="红黑榜管理" tabs={TABS} current={current} />;
}
