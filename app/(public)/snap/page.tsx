import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { listUnitsPublic, openSimilarIssues } from '@/db/queries/ledger/ledger';
import { areaGroups, isKnownArea, listSnapCategories, type AreaGroup } from '@/db/queries/ledger/public-extra';
import { formatDay } from '@/lib/dates';
import { Breadcrumb } from '../../_components/breadcrumb';
import { inputClass } from '../../_components/form-fields';
import { SnapForm } from './snap-form';
import { SupportButton } from './support-button';
import { IssueStatusBadge, OverdueBadge } from '../ledger/ledger-badges';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '随手拍 - 问题整改台账' };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.slice(0, 100) ?? '';

/**
 * 随手拍 in two steps that work without JavaScript: (1) a GET form picks the category and the area;
 * (2) the open items of that category in that area are listed with 我也遇到 (support instead of a
 * duplicate), and below them the report form.
 */
export default async function SnapPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const db = await getDb();
  const [categories, unitRows] = await Promise.all([listSnapCategories(db), listUnitsPublic(db)]);
  const groups = areaGroups(unitRows);
  const categoryText = first(params.category);
  const area = first(params.area);
  const category = categories.find((c) => String(c.id) === categoryText);
  const chosen = category && isKnownArea(groups, area);
  const stepError = (categoryText || area) && !chosen ? (!category ? '请选择问题类别' : '请选择问题所在片区') : null;
  const similar = chosen ? await openSimilarIssues(db, category.id, area, 10) : [];

  return (
    <div className="mx-auto max-w-3xl space-y-4 rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <Breadcrumb trail={[{ href: '/ledger', label: '问题整改台账' }, { label: '随手拍' }]} />
      <h1 className="text-2xl font-bold text-brand">随手拍</h1>
      <div className="space-y-1 text-sm leading-7 text-muted">
        <p>看到环境卫生、市容秩序、公共设施等方面的问题，拍下来告诉我们。工作人员审核受理后交给责任单位限期整改，办理过程在问题整改台账公开。</p>
        <p>您的电话只用于联系核实和查询进度，不会公开；姓名只有在您同意时才公开；原始照片只有工作人员能看到。</p>
        <p>
          已经反映过？
          <Link href="/snap/status" className="text-brand underline">
            查询办理进度
          </Link>
        </p>
      </div>
      <StepOne categories={categories} groups={groups} categoryId={category ? String(category.id) : ''} area={chosen ? area : ''} error={stepError} done={Boolean(chosen)} />
      {chosen && (
        <>
          <section aria-labelledby="similar-heading" className="space-y-3">
            <h2 id="similar-heading" className="text-lg font-bold">
              第二步：看看是否已有人反映
            </h2>
            {similar.length === 0 ? (
              <p className="rounded bg-canvas px-3 py-2 text-sm">该片区暂无同类正在办理的问题，请在下方填写新问题。</p>
            ) : (
              <>
                <p className="text-sm text-muted">
                  {category.name}类问题在“{area}”已有 {similar.length} 条正在办理。如果是同一个问题，请点“我也遇到”，不必重复提交；办理结果会在台账公开。
                </p>
                <ul className="space-y-3">
                  {similar.map((item) => (
                    <li key={item.no} className="rounded border border-line p-3">
                      <p className="flex flex-wrap items-center gap-2 text-sm">
                        <Link href={`/ledger/${item.no}`} className="whitespace-nowrap font-mono text-brand underline">
                          {item.no}
                        </Link>
                        <IssueStatusBadge status={item.status} />
                        {item.overdue && <OverdueBadge />}
                      </p>
                      <p className="mt-1 break-words">{item.description}</p>
                      <p className="mt-1 text-sm text-muted">
                        {item.address} · {formatDay(item.createdAt)} 提交
                      </p>
                      <div className="mt-2">
                        <SupportButton no={item.no} supports={item.supports} />
                      </div>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-labelledby="report-heading" className="space-y-3">
            <h2 id="report-heading" className="text-lg font-bold">
              第三步：{similar.length > 0 ? '不是同一个问题？' : ''}填写新问题
            </h2>
            <SnapForm categoryId={category.id} categoryName={category.name} area={area} />
          </section>
        </>
      )}
    </div>
  );
}

function StepOne({ categories, groups, categoryId, area, error, done }: { categories: { id: number; name: string }[]; groups: AreaGroup[]; categoryId: string; area: string; error: string | null; done: boolean }) {
  return (
    <form method="get" action="/snap" aria-labelledby="step-one-heading" className="space-y-3 rounded border border-line p-4">
      <h2 id="step-one-heading" className="text-lg font-bold">
        第一步：选择类别和片区
      </h2>
      {error && (
        <p role="alert" className="rounded border border-brand bg-brand-soft px-3 py-2 text-sm text-brand">
          {error}
        </p>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="snap-category" className="block text-sm font-medium">
            问题类别
          </label>
          <select id="snap-category" name="category" defaultValue={categoryId} required className={inputClass}>
            <option value="">请选择</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="snap-area" className="block text-sm font-medium">
            所在片区（街道/社区/网格）
          </label>
          <select id="snap-area" name="area" defaultValue={area} required aria-describedby="snap-area-hint" className={inputClass}>
            <option value="">请选择</option>
            {groups.map((g) => (
              <optgroup key={g.unit} label={g.unit}>
                {g.areas.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <p id="snap-area-hint" className="mt-1 text-xs text-muted">
            按负责该片区的单位分组；不确定时选最近的片区，并在后面写清详细地址。
          </p>
        </div>
      </div>
      <button type="submit" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
        {done ? '重新选择' : '下一步'}
      </button>
    </form>
  );
}
