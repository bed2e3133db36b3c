import { describe, expect, it } from 'vitest';
import type { ArticleSnapshot } from './article-input';
import { collapseSame, diffSnapshots, diffText, hasChanges } from './diff';

const base: ArticleSnapshot = {
  title: '江城市开展文明交通劝导活动',
  subtitle: null,
  summary: '摘要',
  body: '<p>志愿者在路口劝导行人。</p><table><tr><td>路口</td><td>人数</td></tr></table>',
  coverImage: null,
  coverAlt: null,
  source: '江城市文明办',
  author: '李明',
  editorName: '王芳',
  tags: ['交通'],
  channelId: 1,
  slug: null,
  pinned: false,
};

describe('diffText', () => {
  it('marks Chinese insertions and deletions character by character', () => {
    expect(diffText('志愿者在路口劝导', '志愿者在十字路口劝导行人')).toEqual([
      { type: 'same', text: '志愿者在' },
      { type: 'ins', text: '十字' },
      { type: 'same', text: '路口劝导' },
      { type: 'ins', text: '行人' },
    ]);
    expect(diffText('旧文字', '')).toEqual([{ type: 'del', text: '旧文字' }]);
    expect(diffText('', '')).toEqual([]);
    expect(hasChanges(diffText('同', '同'))).toBe(false);
  });

  it('reassembles both texts from the parts', () => {
    const before = '第一段文字。第二段文字。';
    const after = '第一段新文字。第三段文字。补充';
    const parts = diffText(before, after);
    expect(parts.filter((p) => p.type !== 'ins').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.type !== 'del').map((p) => p.text).join('')).toBe(after);
  });
});

describe('collapseSame', () => {
  it('shortens long unchanged stretches but keeps context around changes', () => {
    const parts = collapseSame([{ type: 'same', text: '甲'.repeat(200) }, { type: 'ins', text: '新' }, { type: 'same', text: '乙'.repeat(200) }], 10);
    expect(parts[0]!.text).toBe(`〔……省略190字……〕${'甲'.repeat(10)}`);
    expect(parts[1]).toEqual({ type: 'ins', text: '新' });
    expect(parts[2]!.text).toBe(`${'乙'.repeat(10)}〔……省略190字……〕`);
    expect(collapseSame([{ type: 'same', text: '短' }], 10)).toEqual([{ type: 'same', text: '短' }]);
  });
});

describe('diffSnapshots', () => {
  it('lists only the changed fields, the body as text with table cells', () => {
    const after = { ...base, title: '江城市开展文明交通志愿劝导活动', body: base.body.replace('人数', '志愿者人数'), tags: ['交通', '志愿'], channelId: 2 };
    const diffs = diffSnapshots(base, after, (id) => (id === 1 ? '要闻' : '基层动态'));
    expect(diffs.map((d) => d.label)).toEqual(['标题', '栏目', '正文', '标签']);
    expect(diffs[0]!.parts).toContainEqual({ type: 'ins', text: '志愿' });
    expect(diffs[1]!.parts).toEqual([
      { type: 'del', text: '要闻' },
      { type: 'ins', text: '基层动态' },
    ]);
    expect(diffs[2]!.parts).toContainEqual({ type: 'ins', text: '志愿者' });
    expect(diffSnapshots(base, { ...base })).toEqual([]);
  });

  it('notices images added to the body', () => {
    const after = { ...base, body: `${base.body}<p><img src="/media/a/800.webp" alt="劝导现场"></p>` };
    expect(diffSnapshots(base, after)[0]!.parts).toContainEqual({ type: 'ins', text: '\n[图片：劝导现场]' });
  });
});
