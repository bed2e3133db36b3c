import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { listCandidates, listOpenVotingBatches } from '@/db/queries/people';
import { LikeButton } from '../../../_components/good-people/like-button';
import { PersonCard } from '../../../_components/person-card';
import { Breadcrumb } from '../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '点赞评议 - 好人榜' };

/** 点赞评议: the candidates of every batch whose voting window is open today. */
export default async function VotePage() {
  const db = await getDb();
  const [batches, candidates] = await Promise.all([listOpenVotingBatches(db), listCandidates(db)]);
  return (
    <div className="space-y-6">
      <Breadcrumb trail={[{ href: '/good-people', label: '好人榜' }, { label: '点赞评议' }]} />
      <h1 className="text-2xl font-bold text-brand">点赞评议</h1>
      <div className="rounded-lg bg-white p-4 text-sm leading-7 shadow-sm">
        <p>以下是本期好人榜候选人。欢迎为您认可的候选人点赞、留言评议，每位候选人每天可点赞一次。</p>
        <p>点赞和评议结果供评审参考，是否入选由评审委员会综合事迹核实情况决定，不以点赞数排名。</p>
      </div>
      {batches.length === 0 && <p className="rounded-lg bg-white p-6 text-muted">目前没有正在进行的点赞评议。</p>}
      {batches.map((batch) => {
        const people = candidates.filter((c) => c.batchId === batch.id);
        return (
          <section key={batch.id} aria-labelledby={`vote-${batch.id}`}>
            <h2 id={`vote-${batch.id}`} className="mb-1 border-l-4 border-brand pl-2 text-lg font-bold">
              {batch.title}候选人
            </h2>
            <p className="mb-3 text-sm text-muted">
              评议时间：{batch.votingStart} 至 {batch.votingEnd}
            </p>
            {people.length === 0 ? (
              <p className="rounded-lg bg-white p-6 text-muted">候选人名单正在整理中。</p>
            ) : (
              <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
                {people.map((person) => (
                  <PersonCard key={person.id} person={person} footer={<LikeButton personId={person.id} name={person.name} likeCount={person.likeCount} />} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
