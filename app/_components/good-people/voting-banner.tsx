// Shown on the 好人榜 while a batch is open for 点赞评议.
import { Link } from '@/app/_components/page-link';

export function VotingBanner({ batches }: { batches: { id: number; title: string; votingEnd: string | null }[] }) {
  if (batches.length === 0) return null;
  return (
    <div className="rounded-lg border-2 border-brand bg-brand-soft p-4">
      <p className="font-bold text-brand">点赞评议进行中</p>
      <p className="mt-1 text-sm">
        {batches.map((b) => `${b.title}候选人${b.votingEnd ? `（截至${b.votingEnd}）` : ''}`).join('；')}
        正在接受市民点赞评议，您的意见将供评审参考。
      </p>
      <Link href="/good-people/vote" className="mt-2 inline-block rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
        去点赞评议
      </Link>
    </div>
  );
}
