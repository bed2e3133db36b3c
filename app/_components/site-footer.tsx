import type { SiteInfo } from '@/db/queries/settings';

/** Government-site footer: 主办单位, contact, 网站标识码, ICP备案号, 公网安备号, 我为政府网站找错 (all settings). */
export function SiteFooter({ info }: { info: SiteInfo }) {
  return (
    <footer className="mt-10 border-t-4 border-brand bg-white text-sm text-muted">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-center">
        {info.organizer && <p>主办单位：{info.organizer}</p>}
        {info.contact && <p>联系方式：{info.contact}</p>}
        <p className="flex flex-wrap justify-center gap-x-4">
          {info.siteCode && <span>网站标识码：{info.siteCode}</span>}
          {info.icp && (
            <a href="https://beian.miit.gov.cn/" rel="noopener noreferrer" className="print-hidden underline hover:text-ink">
              {info.icp}
            </a>
          )}
          {info.publicSecurity && <span>{info.publicSecurity}</span>}
        </p>
        {info.errorReportUrl && (
          <p className="print-hidden">
            <a href={info.errorReportUrl} rel="noopener noreferrer" className="underline hover:text-ink">
              我为政府网站找错
            </a>
          </p>
        )}
      </div>
    </footer>
  );
}
