// Share an article: copy its link, or scan a QR code of it with WeChat. The QR code is drawn on the
// server as inline SVG, so it needs no script and no third-party service. The 复制链接 button is worked by the
// page's inline script (app/_components/page-script.ts, data-copy): no React code reaches the browser for it.
import QRCode from 'qrcode';
import { CopyButton } from './copy-link-button';

export async function ShareBox({ url, heading = '分享本文', qrLabel = '本文地址的二维码' }: { url: string; heading?: string; qrLabel?: string }) {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return (
    <section aria-labelledby="share-heading" className="mt-8 flex flex-wrap items-center gap-6 rounded border border-line p-4">
      <div className="min-w-0 flex-1">
        <h2 id="share-heading" className="font-bold">
          {heading}
        </h2>
        <p className="mt-1 break-all text-sm text-muted">{url}</p>
        <div className="mt-2">
          <CopyButton text={url} label="复制链接" copied="链接已复制，可粘贴发送给好友" jsOnly />
        </div>
      </div>
      <figure className="text-center">
        <div role="img" aria-label={qrLabel} className="size-32 [&>svg]:size-full" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption className="mt-1 text-sm text-muted">微信扫一扫分享</figcaption>
      </figure>
    </section>
  );
}
