// The XSS corpus: payloads that run `window.__xss=1` (or open a dialog) if any page renders them as
// markup. The security suites send every payload through every field that reaches HTML and then assert
// that the marker never appears, that no dialog opens and that the text shows up escaped (or, for rich
// text, removed). Kept as data so that a new trick is one line here.

/** What a payload runs when it executes. Pages are checked for `window.__xss` and for a marker element. */
export const XSS_MARK = 'window.__xss=1';
/** An element id some payloads try to create; its presence in the DOM means markup got through. */
export const XSS_MARK_ID = 'xss-marker';

export type XssPayload = { id: string; payload: string };

const M = XSS_MARK;
const list: [string, string][] = [
  // script elements
  ['script', `<script>${M}</script>`],
  ['script-src', `<script src="data:text/javascript,${M}"></script>`],
  ['script-upper', `<SCRIPT>${M}</SCRIPT>`],
  ['script-split', `<scr<script>ipt>${M}</scr</script>ipt>`],
  ['script-attr-break', `"><script>${M}</script>`],
  ['script-single-break', `'><script>${M}</script>`],
  ['script-close-reopen', `</script><script>${M}</script>`],
  ['script-textarea-break', `</textarea><script>${M}</script>`],
  ['script-title-break', `</title><script>${M}</script>`],
  ['script-style-break', `</style><script>${M}</script>`],
  ['script-comment-break', `--><script>${M}</script><!--`],
  ['script-noscript', `<noscript><p title="</noscript><img src=x onerror=${M}>">`],
  // event handlers
  ['img-onerror', `<img src=x onerror="${M}">`],
  ['img-onerror-noquote', `<img src=x onerror=${M}>`],
  ['img-onerror-tab', `<img\tsrc=x\tonerror\t=\t${M}>`],
  ['img-onerror-slash', `<img/src=x/onerror=${M}>`],
  ['body-onload', `<body onload=${M}>`],
  ['input-autofocus', `<input autofocus onfocus=${M}>`],
  ['details-ontoggle', `<details open ontoggle=${M}>`],
  ['video-onerror', `<video><source onerror="${M}"></video>`],
  ['marquee-onstart', `<marquee onstart=${M}>x</marquee>`],
  ['div-onmouseover', `<div onmouseover="${M}" style="position:fixed;inset:0">x</div>`],
  ['attr-breakout-double', `" onmouseover="${M}" x="`],
  ['attr-breakout-single', `' onfocus='${M}' autofocus x='`],
  ['attr-breakout-noquote', `x onerror=${M} `],
  ['iframe-srcdoc', `<iframe srcdoc="<script>parent.${M}</script>"></iframe>`],
  ['alert-dialog', `<img src=x onerror=alert(1)>`],
  ['confirm-dialog', `<svg onload=confirm(1)>`],
  // URLs
  ['a-javascript', `<a href="javascript:${M}">点我</a>`],
  ['a-javascript-case', `<a href="JaVaScRiPt:${M}">点我</a>`],
  ['a-javascript-entity', `<a href="&#106;avascript:${M}">点我</a>`],
  ['a-javascript-tab', `<a href="java\tscript:${M}">点我</a>`],
  ['a-javascript-space', `<a href=" javascript:${M}">点我</a>`],
  ['a-data-html', `<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">点我</a>`],
  ['a-vbscript', `<a href="vbscript:msgbox(1)">点我</a>`],
  ['iframe-javascript', `<iframe src="javascript:parent.${M}"></iframe>`],
  ['object-data', `<object data="javascript:${M}"></object>`],
  ['embed-src', `<embed src="data:text/html,<script>${M}</script>">`],
  ['form-action', `<form action="javascript:${M}"><button>提交</button></form>`],
  ['meta-refresh', `<meta http-equiv="refresh" content="0;url=javascript:${M}">`],
  ['base-href', `<base href="javascript:${M}//">`],
  ['link-import', `<link rel="stylesheet" href="javascript:${M}">`],
  // SVG and MathML
  ['svg-onload', `<svg onload=${M}>`],
  ['svg-script', `<svg><script>${M}</script></svg>`],
  ['svg-animate', `<svg><animate onbegin=${M} attributeName=x dur=1s>`],
  ['svg-set-href', `<svg><a><set attributeName=href to="javascript:${M}"/><text y=20>点我</text></a></svg>`],
  ['svg-foreign', `<svg><foreignObject><img src=x onerror=${M}></foreignObject></svg>`],
  ['math-href', `<math><mtext><a href="javascript:${M}">点我</a></mtext></math>`],
  ['math-mglyph', `<math><mtext><table><mglyph><style><img src=x onerror=${M}>`],
  ['noembed-mxss', `<noembed><img title="</noembed><img src=x onerror=${M}>">`],
  // encodings and entities
  ['entity-lt', `&lt;img src=x onerror=${M}&gt;`],
  ['entity-numeric', `&#60;img src=x onerror=${M}&#62;`],
  ['entity-hex-attr', `<img src=x onerror="&#x77;indow.__xss=1">`],
  ['url-encoded', `%3Cscript%3E${M}%3C%2Fscript%3E`],
  ['double-encoded', `%253Cscript%253E${M}%253C%252Fscript%253E`],
  ['fullwidth-brackets', `＜script＞${M}＜/script＞`],
  ['unicode-escape', `\\u003cscript\\u003e${M}\\u003c/script\\u003e`],
  ['null-in-tag', `<scr\u0000ipt>${M}</scr\u0000ipt>`],
  ['utf7', `+ADw-script+AD4-${M}+ADw-/script+AD4-`],
  // CSS
  ['style-expression', `<div style="width:expression(${M})">x</div>`],
  ['style-url', `<div style="background:url(javascript:${M})">x</div>`],
  ['style-tag-import', `<style>@import 'javascript:${M}';</style>`],
  ['style-behavior', `<p style="behavior:url(#default#time2)" onbegin="${M}">x</p>`],
  // script-context breakouts (JSON in script tags, template literals, line separators)
  ['json-breakout', `"}]</script><script>${M}</script>`],
  ['template-literal', `\${${M}}\`;${M};//`],
  ['line-separator', `\u2028${M}\u2029;//</script>`],
  ['rsc-dollar', `$@1 $K1 $$ ${M}`],
  ['html-comment-cdata', `<![CDATA[<script>${M}</script>]]>`],
  // unicode tricks
  ['bidi-override', `\u202egpj.exe\u202c<img src=x onerror=${M}>`],
  ['zero-width', `<img\u200bsrc=x\u200bonerror=${M}>`],
  // short enough for name fields (nicknames, nominees: 20 characters)
  ['short-svg', '<svg onload=alert()>'],
  ['short-script', '<script>alert(1)//'],
  ['short-marker', `<b id=${XSS_MARK_ID}>张三`],
  ['short-marker-dq', `"><b id=${XSS_MARK_ID}>`],
  ['short-marker-sq', `'><b id=${XSS_MARK_ID}>`],
  ['short-entity', '&lt;b&gt;张&#39;三&amp;'],
  ['short-style', '<style>*{x:y}</style>'],
  // a marker element, to catch markup that is kept but not run
  ['marker-element', `<b id="${XSS_MARK_ID}">粗体</b><p id="${XSS_MARK_ID}">段落</p>`],
];

export const XSS_PAYLOADS: readonly XssPayload[] = list.map(([id, payload]) => ({ id, payload }));

/** Payloads whose visible length fits a field of `min`..`max` characters (lengths as code points). */
export function payloadsFitting(min: number, max: number): XssPayload[] {
  return XSS_PAYLOADS.filter((p) => {
    const n = Array.from(p.payload.trim()).length;
    return n >= min && n <= max;
  });
}
