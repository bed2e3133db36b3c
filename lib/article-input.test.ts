import { describe, expect, it } from 'vitest';
import { articleFields, autoSummary, cleanPastedHtml, draftFields, draftToSnapshot, htmlToText, parseTags, snapshotToForm, toSnapshot } from './article-input';

const valid = { title: '社区志愿服务进万家', channelId: '2', body: '<p>正文第一段。</p>' };
const errorsOf = (input: Record<string, string>) => {
  const result = articleFields.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('article form fields', () => {
  it('accepts a minimal article and fills the defaults', () => {
    const parsed = articleFields.parse(valid);
    expect(parsed).toMatchObject({ title: '社区志愿服务进万家', channelId: 2, subtitle: '', summary: '', tags: [], slug: '', pinned: false, coverImage: '' });
  });

  it('checks the title length in characters, with Chinese messages', () => {
    expect(errorsOf({ ...valid, title: '短标题' })).toEqual({ title: '标题至少5个字' });
    expect(errorsOf({ ...valid, title: '长'.repeat(61) })).toEqual({ title: '标题不超过60个字' });
    expect(errorsOf({ ...valid, title: '  五个字标题  ' })).toEqual({});
    expect(errorsOf({ ...valid, title: undefined as unknown as string })).toHaveProperty('title');
  });

  it('limits summary, source, author and editor', () => {
    expect(errorsOf({ ...valid, summary: '字'.repeat(201) })).toEqual({ summary: '摘要不超过200个字' });
    expect(errorsOf({ ...valid, source: '来'.repeat(41), author: '作'.repeat(41), editorName: '编'.repeat(41) })).toEqual({
      source: '来源不超过40个字',
      author: '作者不超过40个字',
      editorName: '编审不超过40个字',
    });
  });

  it('requires a channel', () => {
    expect(errorsOf({ ...valid, channelId: '' })).toEqual({ channelId: '请选择栏目' });
    expect(errorsOf({ ...valid, channelId: 'abc' })).toEqual({ channelId: '请选择栏目' });
  });

  it('checks slugs: lowercase ascii, 3-80, not only digits', () => {
    expect(articleFields.parse({ ...valid, slug: ' Civic-Week-2026 ' }).slug).toBe('civic-week-2026');
    expect(errorsOf({ ...valid, slug: 'ab' })).toHaveProperty('slug');
    expect(errorsOf({ ...valid, slug: 'a'.repeat(81) })).toHaveProperty('slug');
    expect(errorsOf({ ...valid, slug: '文明城市' })).toHaveProperty('slug');
    expect(errorsOf({ ...valid, slug: '-abc' })).toHaveProperty('slug');
    expect(errorsOf({ ...valid, slug: 'a--b' })).toHaveProperty('slug');
    expect(errorsOf({ ...valid, slug: '12345' })).toEqual({ slug: '网址别名不能全是数字（纯数字网址用于文章编号）' });
    expect(errorsOf({ ...valid, slug: '2026-news' })).toEqual({});
  });

  it('parses tags separated by commas, 、 or spaces, at most 8 of at most 12 characters', () => {
    expect(parseTags('志愿服务，文明实践、 社区,社区  ;')).toEqual(['志愿服务', '文明实践', '社区']);
    expect(articleFields.parse({ ...valid, tags: 'a b c' }).tags).toEqual(['a', 'b', 'c']);
    expect(errorsOf({ ...valid, tags: '1 2 3 4 5 6 7 8 9' })).toEqual({ tags: '标签最多8个（现有9个）' });
    expect(errorsOf({ ...valid, tags: '这是一个非常非常长的标签名称' })).toEqual({ tags: '每个标签不超过12个字：“这是一个非常非常长的标签名称”太长' });
  });

  it('accepts only a media storage key as cover image', () => {
    expect(errorsOf({ ...valid, coverImage: 'a'.repeat(32) })).toEqual({});
    expect(errorsOf({ ...valid, coverImage: '../../etc/passwd' })).toEqual({ coverImage: '封面图无效，请从媒体库重新选择' });
  });

  it('reads the pinned checkbox', () => {
    expect(articleFields.parse({ ...valid, pinned: 'on' }).pinned).toBe(true);
    expect(articleFields.parse(valid).pinned).toBe(false);
  });
});

describe('snapshots', () => {
  it('fills the summary from the body when it is empty, and round-trips through the form', () => {
    const snapshot = toSnapshot(articleFields.parse({ ...valid, tags: '社区、志愿', coverImage: 'f'.repeat(32) }), '志愿者合影');
    expect(snapshot.summary).toBe('正文第一段。');
    expect(snapshot.coverAlt).toBe('志愿者合影');
    expect(snapshot.subtitle).toBeNull();
    expect(snapshot.slug).toBeNull();
    const form = snapshotToForm(snapshot);
    expect(form).toMatchObject({ title: valid.title, channelId: '2', tags: '社区、志愿', pinned: '', coverImage: 'f'.repeat(32) });
    expect(toSnapshot(articleFields.parse(form), '志愿者合影')).toEqual(snapshot);
  });

  it('keeps unfinished work as typed for autosaves', () => {
    const draft = draftFields.parse({ title: '短', channelId: 'x', tags: '1 2 3 4 5 6 7 8 9 10', coverImage: 'bad' });
    const snapshot = draftToSnapshot(draft, 7);
    expect(snapshot).toMatchObject({ title: '短', channelId: 7, coverImage: null, pinned: false });
    expect(snapshot.tags).toHaveLength(10);
  });
});

describe('text of rich HTML', () => {
  it('gives one line per block, table cells joined and images described', () => {
    const html = '<h2>标题</h2><p>第一段&nbsp;文字&amp;符号</p><ul><li>一</li><li>二</li></ul><table><tr><th>姓名</th><th>分数</th></tr><tr><td>张三</td><td>90</td></tr></table><p><img src="/media/x/800.webp" alt="合影"></p>';
    expect(htmlToText(html)).toBe('标题\n第一段 文字&符号\n一\n二\n姓名 | 分数\n张三 | 90\n[图片：合影]');
    expect(htmlToText(html, { images: false })).not.toContain('图片');
    expect(htmlToText('<p>a<script>alert(1)</script>b</p>')).toBe('ab');
  });

  it('makes summaries of about 120 characters, ending at a sentence when possible', () => {
    expect(autoSummary('<p>短文。</p>')).toBe('短文。');
    const long = `<p>${'甲'.repeat(80)}。${'乙'.repeat(80)}。</p>`;
    expect(autoSummary(long)).toBe(`${'甲'.repeat(80)}。`);
    const noStop = `<p>${'丙'.repeat(300)}</p>`;
    expect(autoSummary(noStop)).toBe(`${'丙'.repeat(120)}…`);
  });
});

describe('paste from Word/WPS', () => {
  it('drops Office markup, mso- styles, comments and handlers', () => {
    const word =
      '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><style>p.MsoNormal{margin:0}</style>' +
      '<p class="MsoNormal" style="mso-margin-top-alt:auto;text-align:center"><span lang="EN-US">文明<o:p></o:p></span></p>' +
      '<img src="x" onerror="alert(1)"><!-- comment -->';
    const clean = cleanPastedHtml(word);
    expect(clean).toBe('<p style="text-align:center"><span>文明</span></p><img src="x">');
  });
});
