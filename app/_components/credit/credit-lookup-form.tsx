/** The 诚信红黑榜 lookup box: a plain GET form to /credit, so it works without JavaScript. */
export function CreditLookupForm({ defaultValue = '' }: { defaultValue?: string }) {
  return (
    <form action="/credit" method="get" aria-labelledby="credit-lookup-title" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="credit-lookup-title" className="font-bold text-brand">
        信用信息查询
      </h2>
      <label htmlFor="credit-q" className="mt-2 block text-sm font-medium">
        名称或统一社会信用代码
      </label>
      <div className="mt-1 flex">
        <input
          id="credit-q"
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={100}
          aria-describedby="credit-q-hint"
          className="min-w-0 flex-1 rounded-l border border-line bg-white px-3 py-2"
        />
        <button type="submit" className="rounded-r bg-brand px-5 py-2 text-white hover:bg-brand-dark">
          查询
        </button>
      </div>
      <p id="credit-q-hint" className="mt-1 text-xs text-muted">
        输入企业、商户名称中的连续2个字以上（如“诚信达”），或完整的18位统一社会信用代码。仅显示公示期内的信息。
      </p>
    </form>
  );
}
