import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { listCreditCategories } from '@/db/queries/credit-categories';
import { PERIOD_MAX_MONTHS, PERIOD_MIN_MONTHS, SEVERE_MIN_MONTHS } from '@/lib/periods';
import { getSetting } from '@/db/queries/settings';
import { requirePageUser } from '@/server/auth';
import { CreditCategoryForm, HandlingTimesForm, SensitiveWordsForm, SiteInfoForm } from './settings-forms';
import { CREDIT_LIST_LABELS } from '@/lib/enums';

export const metadata: Metadata = { title: '站点设置' };
export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  await requirePageUser('settings.manage', '/admin/settings');
  const db = await getDb();
  const [info, categories, words, times] = await Promise.all([getSetting(db, 'siteInfo'), listCreditCategories(db), getSetting(db, 'sensitiveWords'), getSetting(db, 'handlingTimes')]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">站点设置</h1>

      <section aria-labelledby="site-info" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="site-info" className="mb-1 font-bold">
          网站信息
        </h2>
        <p className="mb-3 text-sm text-muted">网站名称显示在每页顶部；主办单位、联系方式、网站标识码、备案号和找错链接显示在每页页脚。</p>
        <SiteInfoForm info={info} />
      </section>

      <section aria-labelledby="handling-times" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="handling-times" className="mb-1 font-bold">
          办理时限
        </h2>
        <p className="mb-3 text-sm text-muted">市民在推荐办理进度、异议申诉与信用修复进度查询页看到的办理时限。</p>
        <HandlingTimesForm times={times} />
      </section>

      <section aria-labelledby="sensitive-words" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="sensitive-words" className="mb-1 font-bold">
          敏感词
        </h2>
        <p className="mb-3 text-sm text-muted">
          市民提交的推荐、评论和异议如含有这些词，会标记给审核人员并高亮显示（不会自动拒绝）。目前共 <strong className="text-ink">{words.length}</strong> 个敏感词。
        </p>
        <SensitiveWordsForm words={words} />
      </section>

      <section aria-labelledby="credit-periods" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="credit-periods" className="mb-1 font-bold">
          诚信红黑榜公示期限
        </h2>
        <div className="mb-3 space-y-1 text-sm text-muted">
          <p>
            公示期限从认定日期起算，须为{PERIOD_MIN_MONTHS}-{PERIOD_MAX_MONTHS}个月的整数（《信用修复管理办法》：一般失信{PERIOD_MIN_MONTHS}-12个月，严重失信12-{PERIOD_MAX_MONTHS}
            个月）；食品药品、特种设备、安全生产、消防类不少于{SEVERE_MIN_MONTHS}个月；失信被执行人默认24个月。
          </p>
          <p>
            <strong className="text-ink">修改公示期限只影响此后保存的条目</strong>，已有条目保留原先计算的公示截止日期。姓名显示方式立即作用于公开页面上该类别的全部自然人条目（部分隐藏显示为“张*明”）。
          </p>
        </div>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="border-b border-line bg-canvas">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  榜单
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  类别
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  公示设置
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr key={category.id} className="border-b border-line align-top last:border-0">
                  <td className="px-3 py-3 whitespace-nowrap">{CREDIT_LIST_LABELS[category.list]}</td>
                  <th scope="row" className="px-3 py-3 text-left font-medium whitespace-nowrap">
                    {category.name}
                  </th>
                  <td className="px-3 py-2">
                    <CreditCategoryForm category={category} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {categories.length === 0 && <p className="mt-3 text-muted">还没有信用类别。</p>}
      </section>
    </div>
  );
}
