import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { RecommendForm } from '../../../_components/good-people/recommend-form';
import { Breadcrumb } from '../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '我推荐身边好人 - 好人榜' };

export default function RecommendPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-4 rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <Breadcrumb trail={[{ href: '/good-people', label: '好人榜' }, { label: '我推荐身边好人' }]} />
      <h1 className="text-2xl font-bold text-brand">我推荐身边好人</h1>
      <div className="space-y-1 text-sm leading-7 text-muted">
        <p>身边有助人为乐、见义勇为、诚实守信、敬业奉献、孝老爱亲的好人好事，欢迎推荐。</p>
        <p>工作人员核实事迹后，符合条件的将进入好人榜候选名单。推荐人的电话只用于核实和查询进度，不会公开。</p>
        <p>
          已经推荐过？
          <Link href="/good-people/recommend/status" className="text-brand underline">
            查询办理进度
          </Link>
        </p>
      </div>
      <RecommendForm />
    </div>
  );
}
